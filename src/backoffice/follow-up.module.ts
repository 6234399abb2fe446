import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { RegistrationsAdminModule } from '../registrations/admin/registrations-admin.module';
import { BackofficeModule } from './backoffice.module';
import { CheckInDeskController } from './check-in/check-in-desk.controller';
import { CheckInDeskService } from './check-in/check-in-desk.service';
import { QrDecoderController } from './check-in/qr-decoder.controller';
import { DocumentsPagesController } from './documents/documents-pages.controller';
import { ProgrammeModule } from '../programme/programme.module';
import { MessagesPagesController } from './messages/messages-pages.controller';
import { FiguresController } from './figures/figures.controller';
import { RegistrationOfficeService } from './registrations/registration-office.service';
import { RegistrationsPagesController } from './registrations/registrations-pages.controller';
import { NotificationsModule } from '../notifications/notifications.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { RegistrationDocumentsModule } from '../registrations/documents/registration-documents.module';

/**
 * Following an event in the back office, on the feature services: the welcome desk, registrations,
 * documents, messages and figures under /gestion/evenements/{id}/….
 */
@Module({
  imports: [BackofficeModule, EventsModule, RegistrationsAdminModule, RegistrationsModule, NotificationsModule, RegistrationDocumentsModule, ProgrammeModule],
  controllers: [CheckInDeskController, QrDecoderController, FiguresController, RegistrationsPagesController, DocumentsPagesController, MessagesPagesController],
  providers: [CheckInDeskService, RegistrationOfficeService],
})
export class BackofficeFollowUpModule {}
