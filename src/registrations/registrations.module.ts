import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammeModule } from '../programme/programme.module';
import { RegistrationsAdminModule } from './admin/registrations-admin.module';
import { CancellationService } from './cancellation.service';
import { CapacityHooks } from './capacity-hooks';
import { RegistrationDocumentsModule } from './documents/registration-documents.module';
import { EventSnapshotCache } from './event-snapshot.cache';
import { RegisterService } from './register.service';
import { RegistrantController } from './registrant.controller';
import { RegistrationRushRepository } from './registration-rush.repository';
import { RegistrationChangesService } from './registration-changes.service';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsRepository } from './registrations.repository';
import { SelfServiceService } from './self-service.service';
import { SessionChoicesRepository } from './session-choices.repository';
import { WaitlistService } from './waitlist.service';

/** Registrations, waiting lists, workshop choices, check-in, exports and figures. */
@Module({
  imports: [EventsModule, ProgrammeModule, NotificationsModule, RegistrationsAdminModule, RegistrationDocumentsModule],
  controllers: [RegistrationsController, RegistrantController],
  providers: [
    RegistrationsRepository,
    RegistrationRushRepository,
    EventSnapshotCache,
    SessionChoicesRepository,
    WaitlistService,
    RegisterService,
    RegistrationChangesService,
    CancellationService,
    SelfServiceService,
    CapacityHooks,
  ],
})
export class RegistrationsModule {}
