import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ProgrammeModule } from '../programme/programme.module';
import { RegistrationsAdminModule } from './admin/registrations-admin.module';
import { CancellationService } from './cancellation.service';
import { CapacityHooks } from './capacity-hooks';
import { ManageLinkRequestService } from './manage-link-request.service';
import { RegistrationDocumentsModule } from './documents/registration-documents.module';
import { RegisterService } from './register.service';
import { RegistrantController } from './registrant.controller';
import { RegistrationChangesService } from './registration-changes.service';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsRepository } from './registrations.repository';
import { SeatDecisions } from './seat-decisions';
import { SelfServiceService } from './self-service.service';
import { SessionChoicesRepository } from './session-choices.repository';
import { WaitlistService } from './waitlist.service';
import { QuotaReleaseRepository } from './quotas/quota-release.repository';
import { QuotaReleaseScheduler } from './quotas/quota-release.scheduler';
import { QuotaReleaseService } from './quotas/quota-release.service';
import { AllocationController } from './allocation/allocation.controller';
import { AllocationRepository } from './allocation/allocation.repository';
import { AllocationScheduler } from './allocation/allocation.scheduler';
import { AllocationService } from './allocation/allocation.service';

/** Registrations, waiting lists, workshop choices, check-in, exports and figures. */
@Module({
  imports: [EventsModule, ProgrammeModule, NotificationsModule, RegistrationsAdminModule, RegistrationDocumentsModule],
  controllers: [RegistrationsController, RegistrantController, AllocationController],
  providers: [
    RegistrationsRepository,
    SessionChoicesRepository,
    WaitlistService,
    SeatDecisions,
    RegisterService,
    ManageLinkRequestService,
    RegistrationChangesService,
    CancellationService,
    SelfServiceService,
    CapacityHooks,
    QuotaReleaseRepository,
    QuotaReleaseService,
    QuotaReleaseScheduler,
    AllocationRepository,
    AllocationService,
    AllocationScheduler,
  ],
  // For the public pages, which call the same use cases as the API.
  exports: [RegisterService, SelfServiceService, ManageLinkRequestService],
})
export class RegistrationsModule {}
