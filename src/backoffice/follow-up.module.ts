import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { RegistrationsAdminModule } from '../registrations/admin/registrations-admin.module';
import { BackofficeModule } from './backoffice.module';
import { CheckInDeskController } from './check-in/check-in-desk.controller';
import { CheckInDeskService } from './check-in/check-in-desk.service';
import { QrDecoderController } from './check-in/qr-decoder.controller';

/**
 * Following an event in the back office, on the feature services: the welcome desk, registrations,
 * documents, messages and figures under /gestion/evenements/{id}/….
 */
@Module({
  imports: [BackofficeModule, EventsModule, RegistrationsAdminModule],
  controllers: [CheckInDeskController, QrDecoderController],
  providers: [CheckInDeskService],
})
export class BackofficeFollowUpModule {}
