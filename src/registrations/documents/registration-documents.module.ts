import { Module } from '@nestjs/common';
import { RenderPool } from '../../documents/render/render-pool';
import { EventsModule } from '../../events/events.module';
import { DocumentsWarmUp } from './documents-warm-up';
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
  imports: [EventsModule],
  controllers: [RegistrantDocumentsController, EventDocumentsController],
  providers: [{ provide: RenderPool, useFactory: () => new RenderPool() }, RegistrationDocumentsRepository, RegistrationDocuments, EventDocumentsService, DocumentsWarmUp],
  exports: [RegistrationDocuments, EventDocumentsService],
})
export class RegistrationDocumentsModule {}
