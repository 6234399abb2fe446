import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { EventsModule } from '../events/events.module';
import { ProgrammeChecksService } from './checks/programme-checks.service';
import { ProgrammeCache } from './programme-view/programme-cache';
import { ProgrammeChangesListener } from './programme-view/programme-changes.listener';
import { ProgrammeMemory } from './programme-view/programme-memory';
import { ProgrammeController } from './programme-view/programme.controller';
import { ProgrammePdfController } from './programme-view/programme-pdf.controller';
import { ProgrammePdfService } from './programme-view/programme-pdf.service';
import { ProgrammeRepository } from './programme-view/programme.repository';
import { ProgrammeService } from './programme-view/programme.service';
import { ProgrammeRevisionsRepository } from './programme-revisions.repository';
import { RoomsController } from './rooms/rooms.controller';
import { RoomsRepository } from './rooms/rooms.repository';
import { RoomsService } from './rooms/rooms.service';
import { SessionHooks } from './sessions/session-hooks';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { SpeakersController } from './speakers/speakers.controller';
import { SpeakersRepository } from './speakers/speakers.repository';
import { SpeakersService } from './speakers/speakers.service';

/** Rooms, speakers, sessions, the public programme and its calendar. */
@Module({
  imports: [EventsModule, DocumentsModule],
  controllers: [RoomsController, SpeakersController, SessionsController, ProgrammeController, ProgrammePdfController],
  providers: [
    RoomsService,
    RoomsRepository,
    SpeakersService,
    SpeakersRepository,
    SessionsService,
    SessionsRepository,
    SessionHooks,
    ProgrammeService,
    ProgrammeRepository,
    ProgrammeCache,
    ProgrammeMemory,
    ProgrammeChangesListener,
    ProgrammePdfService,
    ProgrammeChecksService,
    ProgrammeRevisionsRepository,
  ],
  exports: [
    ProgrammeRevisionsRepository,
    SessionHooks,
    SessionsRepository,
    SessionsService,
    RoomsService,
    SpeakersService,
    ProgrammeService,
    ProgrammeRepository,
    ProgrammeMemory,
    ProgrammeChecksService,
  ],
})
export class ProgrammeModule {}
