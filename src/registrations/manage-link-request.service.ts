import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { EventsRepository } from '../events/events.repository';
import { OutboxService } from '../notifications/outbox.service';
import { eventNotFound } from './registration-refusals';
import { RegistrationsRepository } from './registrations.repository';

/** Asking again within this window sends nothing more (the first message is on its way). */
const WINDOW_MS = 10 * 60_000;

/**
 * "I lost my link": emails the manage link when the address holds an active registration for the
 * event. The answer is the same whether it does or not, so it tells nothing about who registered.
 */
@Injectable()
export class ManageLinkRequestService {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async request(eventId: string, email: string): Promise<void> {
    const event = await this.events.findById(eventId);
    if (!event || event.status === 'draft') throw eventNotFound();
    const window = Math.floor(this.clock.now().getTime() / WINDOW_MS) * WINDOW_MS;
    await this.dataSource.transaction(async (manager) => {
      const registration = await this.registrations.findActiveByEmail(event.id, email, manager);
      if (!registration) return;
      await this.outbox.enqueue(manager, { eventId: event.id, registrationId: registration.id, reason: `manage_link:${new Date(window).toISOString()}` });
    });
  }
}
