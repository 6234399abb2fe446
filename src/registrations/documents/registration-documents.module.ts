import { Module } from '@nestjs/common';
import { DocumentsModule } from '../../documents/documents.module';
import { EventsModule } from '../../events/events.module';
import { EventDocumentsController } from './event-documents.controller';
import { EventDocumentsService } from './event-documents.service';
import { RegistrantDocumentsController } from './registrant-documents.controller';
import { RegistrationDocumentsRepository } from './registration-documents.repository';
import { RegistrationDocuments } from './registration-documents.service';

/**
 * Registrations' documents: badges, personal agendas (PDF and iCalendar), sign-in sheets,
 * certificates. Exports RegistrationDocuments for the emails that carry them.
 */
@Module({
  imports: [EventsModule, DocumentsModule],
  controllers: [RegistrantDocumentsController, EventDocumentsController],
  providers: [RegistrationDocumentsRepository, RegistrationDocuments, EventDocumentsService],
  exports: [RegistrationDocuments, EventDocumentsService],
})
export class RegistrationDocumentsModule {}
