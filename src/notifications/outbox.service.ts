import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { OutboxFact, OutboxRepository } from './outbox.repository';

export type { OutboxFact } from './outbox.repository';

/**
 * Writes what must be said to people into the outbox, in the caller's transaction, so a message
 * exists if and only if the change that causes it was committed. Delivery is the worker's job.
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  async enqueue(manager: EntityManager, fact: OutboxFact): Promise<boolean> {
    return (await this.outbox.insertMany([fact], this.clock.now(), manager)) === 1;
  }

  enqueueMany(manager: EntityManager, facts: OutboxFact[]): Promise<number> {
    return this.outbox.insertMany(facts, this.clock.now(), manager);
  }

  /** Tells those who chose a session that it moved or was removed; `before` is what they were told. */
  sessionChanged(manager: EntityManager, eventId: string, sessionId: string, registrationIds: string[], before: SessionBefore): Promise<number> {
    return this.outbox.insertSessionChange(eventId, sessionId, registrationIds, { ...before }, this.clock.now(), manager);
  }

  /** Tells a new organiser, by email, where to choose their password. */
  organiserInvited(manager: EntityManager, invitationId: string): Promise<void> {
    return this.outbox.insertInvitation(invitationId, this.clock.now(), manager);
  }

  /** Wakes every instance's worker at commit (e.g. after a retry). */
  wakeWorkers(manager: EntityManager): Promise<void> {
    return this.outbox.notify(manager);
  }

  messagesFor(registrationId: string, manager: EntityManager) {
    return this.outbox.findForRegistration(registrationId, manager);
  }
}

/** A session as registrants last knew it (the payload of a session_changed message). */
export interface SessionBefore {
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  roomName: string | null;
  /** Removed from the programme: the database will no longer know it. */
  deleted: boolean;
}
