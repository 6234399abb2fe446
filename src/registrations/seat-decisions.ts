import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { NewRegistration, RegistrationDecision, RegistrationsRepository } from './registrations.repository';

/** At most this many registrations decided in one statement. */
const MAX_TOGETHER = 100;
/**
 * Groups of one event sent to PostgreSQL at once: one deciding under the event's row lock, the next
 * already waiting for that lock, so it starts the moment the first commits instead of after the
 * first's answer has come back here and the next statement has gone out.
 */
const IN_FLIGHT = 2;

interface Waiting {
  registration: NewRegistration;
  sessionIds: string[];
  resolve(decision: RegistrationDecision): void;
  reject(error: unknown): void;
}

/**
 * Hands registrations to register_attendees: while decisions for an event are under way on this
 * instance, the registrations for that event that arrive meanwhile wait here and are then decided
 * together, in arrival order, in one statement. Alone, a registration goes at once; in a rush, the
 * event's row lock is taken once per group instead of once per person. Nothing is decided here:
 * register_attendee serialises every decision on the event's row lock, whichever statement,
 * connection or instance it comes from.
 */
@Injectable()
export class SeatDecisions {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly clock: Clock,
  ) {}

  decide(registration: NewRegistration, sessionIds: string[]): Promise<RegistrationDecision> {
    return new Promise((resolve, reject) => {
      const eventId = registration.eventId;
      const queue = this.waiting.get(eventId) ?? [];
      queue.push({ registration, sessionIds, resolve, reject });
      this.waiting.set(eventId, queue);
      this.send(eventId);
    });
  }

  /** Sends the waiting registrations of an event as a group while fewer than IN_FLIGHT are under way. */
  private send(eventId: string): void {
    const queue = this.waiting.get(eventId);
    const flying = this.inFlight.get(eventId) ?? 0;
    if (!queue || flying >= IN_FLIGHT) return;
    const group = queue.splice(0, MAX_TOGETHER);
    if (queue.length === 0) this.waiting.delete(eventId);
    this.inFlight.set(eventId, flying + 1);
    void this.decideGroup(group).finally(() => {
      const left = (this.inFlight.get(eventId) ?? 1) - 1;
      if (left === 0) this.inFlight.delete(eventId);
      else this.inFlight.set(eventId, left);
      this.send(eventId);
    });
  }

  private async decideGroup(group: Waiting[]): Promise<void> {
    try {
      const decisions = await this.registrations.registerBatch(group, this.clock.now());
      group.forEach((w, i) => w.resolve(decisions[i]));
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // One registration failed the whole statement: decide each alone, so only it fails.
      for (const w of group) await this.decideGroup([w]);
    }
  }
}
