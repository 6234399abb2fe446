import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toZonedIso } from '../../common/time';
import { EventsRepository } from '../../events/events.repository';
import { OutboxService } from '../../notifications/outbox.service';
import { AdminRegistrationsService } from '../../registrations/admin/admin-registrations.service';
import { requireEvent } from '../../registrations/admin/require-event';

/** One registration as the back office shows it: the organisers' view, and the messages sent to the person. */
@Injectable()
export class RegistrationOfficeService {
  constructor(
    private readonly registrations: AdminRegistrationsService,
    private readonly outbox: OutboxService,
    private readonly events: EventsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async detail(eventId: string, registrationId: string) {
    const event = await requireEvent(this.events, eventId);
    const registration = await this.registrations.get(event.id, registrationId);
    const messages = await this.outbox.messagesFor(registration.id, this.dataSource.manager);
    return {
      event,
      registration,
      messages: messages.map((m) => ({
        ...m,
        createdAt: toZonedIso(new Date(m.createdAt), event.timezone),
        sentAt: m.sentAt ? toZonedIso(new Date(m.sentAt), event.timezone) : null,
      })),
    };
  }
}
