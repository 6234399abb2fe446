import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import type { Event } from '../events/event.entity';
import { OutboxService } from '../notifications/outbox.service';
import type { AttendanceMode } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import { SessionChoicesRepository } from './session-choices.repository';

/**
 * Freed seats go to the waiting lists at once, in the transaction that frees them: first the
 * event's (per mode), then the workshops'. Everyone promoted gets one message.
 */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly choices: SessionChoicesRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Confirms waitlisted people of a mode, in order, while seats are free for them (kept seats go to
   * the first waiting person of their type: the rule is promote_waitlisted's). The event must be locked.
   */
  async promoteEvent(event: Event, mode: AttendanceMode, manager: EntityManager): Promise<string[]> {
    // Nobody is offered a seat at a cancelled event.
    if (event.status === 'cancelled') return [];
    const now = this.clock.now();
    const promoted = await this.registrations.promoteWaitlisted(event.id, mode, now, manager);
    if (promoted.length === 0) return [];
    const promotedIds = promoted.map((r) => r.id);
    // Their workshop choices were waiting for the event seat; they may now take free workshop seats
    // (one message says it all: the promotion lists the workshops).
    const waiting = new Set<string>();
    for (const r of promoted) {
      for (const c of await this.choices.forRegistration(r.id, manager)) if (c.status === 'waitlisted') waiting.add(c.sessionId);
    }
    await this.fillSessions(event, [...waiting], manager, new Set(promotedIds));
    await this.outbox.enqueueMany(
      manager,
      promoted.map((r) => ({ eventId: event.id, registrationId: r.id, reason: 'promoted' })),
    );
    return promotedIds;
  }

  /**
   * Gives free seats of these workshops to their waiting lists (FIFO, skipping anyone not
   * confirmed at the event or who would be in two places at once). Locks the sessions.
   * `silent`: registrations already being told by the caller.
   */
  async fillSessions(event: Event, sessionIds: string[], manager: EntityManager, silent: Set<string> = new Set()): Promise<void> {
    if (sessionIds.length === 0 || event.status === 'cancelled') return;
    const now = this.clock.now();
    const sessions = await this.choices.lockSessions(sessionIds, event.id, manager);
    const seated: Array<{ registrationId: string; session: (typeof sessions)[number] }> = [];
    for (const session of sessions) {
      for (const registrationId of await this.choices.fill(session.id, session.capacity, now, manager)) {
        if (!silent.has(registrationId)) seated.push({ registrationId, session });
      }
    }
    await this.outbox.enqueueMany(
      manager,
      seated.map(({ registrationId, session }) => ({ eventId: event.id, registrationId, reason: `promoted:${session.id}` })),
    );
  }
}
