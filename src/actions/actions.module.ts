import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ActionsController } from './actions.controller';
import { ActionsRepository } from './actions.repository';
import { ActionsService } from './actions.service';

/** Highlighted actions and the public call for contributions. */
@Module({
  imports: [EventsModule, ProgrammeModule],
  controllers: [ActionsController],
  providers: [ActionsService, ActionsRepository],
  exports: [ActionsService, ActionsRepository],
})
export class ActionsModule {}
