import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { NewRegistration, RegistrationDecision, RegistrationsRepository } from './registrations.repository';

/** At most this many registrations decided in one statement. */
const MAX_TOGETHER = 100;

interface Waiting {
  registration: NewRegistration;
  sessionIds: string[];
  resolve(decision: RegistrationDecision): void;
  reject(error: unknown): void;
}

/**
 * Hands registrations to register_attendees: while a decision for an event is under way on this
 * instance, the registrations for that event that arrive meanwhile wait here and are then decided
 * together, in arrival order, in one statement. Alone, a registration goes at once; in a rush, the
 * event's row lock is taken once per group instead of once per person. Nothing is decided here.
 */
@Injectable()
export class SeatDecisions {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly busy = new Set<string>();

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
      if (!this.busy.has(eventId)) void this.flush(eventId);
    });
  }

  private async flush(eventId: string): Promise<void> {
    this.busy.add(eventId);
    try {
      for (;;) {
        const queue = this.waiting.get(eventId) ?? [];
        if (queue.length === 0) break;
        const group = queue.splice(0, MAX_TOGETHER);
        await this.decideGroup(group);
      }
    } finally {
      this.waiting.delete(eventId);
      this.busy.delete(eventId);
    }
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
