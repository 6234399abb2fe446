import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Session } from './session.entity';

/**
 * What other modules must do, in the same transaction, when a session changes. Registrations
 * register here (promote a workshop's waiting list when its capacity rises, refuse a capacity
 * below the confirmed count, email those who chose a session that moved).
 * A handler may throw a DomainError to refuse the change (the transaction rolls back).
 */
export interface SessionChangeHandler {
  /** After the session row is updated; `before` is the previous state. */
  onSessionUpdated?(session: Session, before: Session, manager: EntityManager): Promise<void>;
  /** Before the session row is deleted. */
  onSessionDeleting?(session: Session, manager: EntityManager): Promise<void>;
}

@Injectable()
export class SessionHooks {
  private readonly handlers: SessionChangeHandler[] = [];

  register(handler: SessionChangeHandler): void {
    this.handlers.push(handler);
  }

  async updated(session: Session, before: Session, manager: EntityManager): Promise<void> {
    for (const h of this.handlers) await h.onSessionUpdated?.(session, before, manager);
  }

  async deleting(session: Session, manager: EntityManager): Promise<void> {
    for (const h of this.handlers) await h.onSessionDeleting?.(session, manager);
  }
}
