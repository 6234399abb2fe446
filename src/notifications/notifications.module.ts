import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsModule } from '../events/events.module';
import { RegistrationDocumentsModule } from '../registrations/documents/registration-documents.module';
import { DeliveryRepository } from './delivery/delivery.repository';
import { MailAttachments } from './delivery/mail-attachments';
import { MailDelivery } from './delivery/mail-delivery';
import { FileTransport, MAIL_TRANSPORT, MailTransport, SmtpTransport } from './delivery/mail-transport';
import { OutboxBacklog } from './delivery/outbox-backlog';
import { OutboxWorker } from './delivery/outbox.worker';
import { MailTemplates } from './mail/mail-templates';
import { ManageLinks } from './manage-links';
import { MessagesController } from './messages/messages.controller';
import { MessagesRepository } from './messages/messages.repository';
import { MessagesService } from './messages/messages.service';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';
import { RemindersRepository } from './reminders/reminders.repository';

/**
 * What is said to people: the outbox (written by the modules whose changes cause messages, in
 * their transactions), its delivery by the worker, reminders, and the organisers' messages.
 */
@Module({
  imports: [EventsModule, RegistrationDocumentsModule],
  controllers: [MessagesController],
  providers: [
    OutboxRepository,
    OutboxService,
    ManageLinks,
    DeliveryRepository,
    MailAttachments,
    MailDelivery,
    OutboxWorker,
    OutboxBacklog,
    RemindersRepository,
    MessagesRepository,
    MessagesService,
    // Compiled once at start: a broken template stops the boot, not a delivery.
    { provide: MailTemplates, useFactory: () => new MailTemplates() },
    {
      provide: MAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailTransport => (config.smtpUrl ? new SmtpTransport(config.smtpUrl) : new FileTransport(join(config.varDir, 'mail'))),
    },
  ],
  exports: [OutboxService, ManageLinks, OutboxWorker, OutboxBacklog, MAIL_TRANSPORT, MessagesService],
})
export class NotificationsModule {}
