import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/domain-error';
import type { Event } from '../events/event.entity';
import { EventHooks } from '../events/event-hooks';
import { EventsRepository } from '../events/events.repository';
import { OutboxService } from '../notifications/outbox.service';
import { SessionHooks } from '../programme/sessions/session-hooks';
import type { Session } from '../programme/sessions/session.entity';
import { modeCapacity, modesOf } from './registration-rules';
import { RegistrationsRepository } from './registrations.repository';
import { SessionChoicesRepository } from './session-choices.repository';
import { WaitlistService } from './waitlist.service';

/**
 * What registrations do, inside the organiser's transaction, when an event or a session changes:
 * refuse a capacity below the confirmed count, give raised capacity to the waiting list, tell
 * registrants about a cancellation or a moved workshop.
 */
@Injectable()
export class CapacityHooks implements OnModuleInit {
  constructor(
    private readonly eventHooks: EventHooks,
    private readonly sessionHooks: SessionHooks,
    private readonly events: EventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly choices: SessionChoicesRepository,
    private readonly waitlist: WaitlistService,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    this.eventHooks.register({
      onEventUpdated: (event, before, manager) => this.eventUpdated(event, before, manager),
      onEventCancelled: (event, manager) => this.eventCancelled(event, manager),
    });
    this.sessionHooks.register({
      onSessionUpdated: (session, before, manager) => this.sessionUpdated(session, before, manager),
      onSessionDeleting: (session, manager) => this.sessionDeleting(session, manager),
    });
  }

  /** The event row is locked by the events service. */
  async eventUpdated(event: Event, before: Event, manager: EntityManager): Promise<void> {
    const seatsMoved =
      event.capacity !== before.capacity ||
      event.onlineCapacity !== before.onlineCapacity ||
      event.format !== before.format ||
      JSON.stringify(event.quotas) !== JSON.stringify(before.quotas) ||
      event.quotasReleaseAt?.getTime() !== before.quotasReleaseAt?.getTime();
    if (!seatsMoved) return;
    const modes = modesOf(event.format);
    for (const gone of modesOf(before.format).filter((m) => !modes.includes(m))) {
      if (await this.registrations.countActiveInMode(event.id, gone, manager)) {
        throw conflict('format-has-registrants', `Des personnes sont inscrites en mode « ${gone === 'online' ? 'en ligne' : 'sur place'} » : ce format ne peut plus être retiré.`);
      }
    }
    for (const mode of modes) {
      const capacity = modeCapacity(event, mode);
      const { confirmed } = await this.registrations.countActive(event.id, mode, manager);
      if (capacity !== null && confirmed > capacity) {
        throw conflict(
          'capacity-below-confirmed',
          `${confirmed} inscriptions sont déjà confirmées${modes.length > 1 ? (mode === 'online' ? ' en ligne' : ' sur place') : ''} : la capacité ne peut pas descendre à ${capacity}.`,
          [{ field: mode === 'online' && event.format === 'hybrid' ? 'onlineCapacity' : 'capacity', message: `is below the ${confirmed} confirmed registrations` }],
        );
      }
    }
    for (const mode of modes) await this.waitlist.promoteEvent(event, mode, manager);
  }

  async eventCancelled(event: Event, manager: EntityManager): Promise<void> {
    const people = await this.registrations.active(event.id, manager);
    await this.outbox.enqueueMany(
      manager,
      people.map((r) => ({ eventId: event.id, registrationId: r.id, reason: 'event_cancelled' })),
    );
  }

  /** The sessions service holds the event lock and has updated the session row. */
  async sessionUpdated(session: Session, before: Session, manager: EntityManager): Promise<void> {
    const [locked] = await this.choices.lockSessions([session.id], session.eventId, manager);
    if (!locked) return;
    const confirmed = await this.choices.confirmedCount(session.id, manager);
    if (before.type === 'workshop' && session.type !== 'workshop' && (await this.choices.registrationIdsOf(session.id, manager)).length) {
      throw conflict('session-has-registrants', 'Des personnes ont choisi cet atelier : il doit rester un atelier (retirez-le ou réduisez le programme autrement).');
    }
    if (locked.capacity !== null && confirmed > locked.capacity) {
      throw conflict('capacity-below-confirmed', `${confirmed} places sont déjà confirmées dans cet atelier : la capacité ne peut pas descendre à ${locked.capacity}.`, [
        { field: 'capacity', message: `is below the ${confirmed} confirmed choices` },
      ]);
    }
    const event = (await this.events.findById(session.eventId, manager))!;
    await this.waitlist.fillSessions(event, [session.id], manager);
    const moved = session.startsAt.getTime() !== before.startsAt.getTime() || session.endsAt.getTime() !== before.endsAt.getTime() || session.roomId !== before.roomId;
    if (moved) await this.tellChosen(before, false, manager);
  }

  async sessionDeleting(session: Session, manager: EntityManager): Promise<void> {
    await this.tellChosen(session, true, manager);
  }

  /**
   * `before`: the session as its registrants knew it. A workshop concerns those who chose it; a
   * plenary, talk or round table everyone confirmed; breaks and networking nobody in particular.
   */
  private async tellChosen(before: Session, deleted: boolean, manager: EntityManager): Promise<void> {
    if (before.type === 'break' || before.type === 'networking') return;
    const ids =
      before.type === 'workshop'
        ? await this.choices.registrationIdsOf(before.id, manager)
        : (await this.registrations.active(before.eventId, manager)).filter((r) => r.status === 'confirmed').map((r) => r.id);
    if (ids.length === 0) return;
    await this.outbox.sessionChanged(manager, before.eventId, before.id, ids, {
      sessionId: before.id,
      title: before.title,
      startsAt: new Date(before.startsAt).toISOString(),
      endsAt: new Date(before.endsAt).toISOString(),
      roomName: await this.choices.roomName(before.roomId, manager),
      deleted,
    });
  }
}
