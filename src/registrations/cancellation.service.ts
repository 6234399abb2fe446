import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { notFound } from '../common/domain-error';
import type { Event } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { OutboxService } from '../notifications/outbox.service';
import type { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { SessionChoicesRepository } from './session-choices.repository';
import { WaitlistService } from './waitlist.service';

/** Cancelling a registration frees its seats, which go to the waiting lists in the same transaction. */
@Injectable()
export class CancellationService {
  constructor(
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly choices: SessionChoicesRepository,
    private readonly waitlist: WaitlistService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Cancels one registration of an event; cancelling it again changes nothing (and says nothing).
   */
  async cancel(eventId: string, registrationId: string, by: { organiser: boolean }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockById(eventId, manager);
      const registration = event ? await this.registrations.lockById(registrationId, event.id, manager) : null;
      if (!event || !registration) throw notFound('Registration', 'Inscription introuvable.');
      await this.cancelLocked(event, registration, by, manager);
    });
  }

  /** The event and the registration must be locked. */
  async cancelLocked(event: Event, r: Registration, by: { organiser: boolean }, manager: EntityManager): Promise<void> {
    if (r.status === 'cancelled') return;
    const now = this.clock.now();
    await this.registrations.update(r.id, { status: 'cancelled', waitlistSeq: null, cancelledAt: now, updatedAt: now }, manager);
    // A choice's status changes only under its session's lock.
    const active = (await this.choices.forRegistration(r.id, manager)).filter((c) => c.status !== 'cancelled');
    await this.choices.lockSessions(
      active.map((c) => c.sessionId),
      event.id,
      manager,
    );
    const freed = await this.choices.cancel(r.id, null, now, manager);
    await this.outbox.enqueue(manager, { eventId: event.id, registrationId: r.id, reason: 'cancellation', payload: { byOrganiser: by.organiser } });
    // The event's waiting list first: someone promoted there may be first in a freed workshop's queue too.
    if (r.status === 'confirmed') await this.waitlist.promoteEvent(event, r.attendanceMode, manager);
    await this.waitlist.fillSessions(event, freed, manager);
  }
}
