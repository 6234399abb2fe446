import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Event } from './event.entity';

/**
 * What other modules must do, in the same transaction, when an event changes. The events module
 * cannot depend on registrations (which depend on events), so registrations register here.
 * A handler may throw a DomainError to refuse the change (the transaction rolls back).
 */
export interface EventChangeHandler {
  /** After the event row is updated (capacity, dates, format…); `before` is the previous state. */
  onEventUpdated?(event: Event, before: Event, manager: EntityManager): Promise<void>;
  /** After the event is cancelled: tell every active registrant. */
  onEventCancelled?(event: Event, manager: EntityManager): Promise<void>;
}

@Injectable()
export class EventHooks {
  private readonly handlers: EventChangeHandler[] = [];

  register(handler: EventChangeHandler): void {
    this.handlers.push(handler);
  }

  async updated(event: Event, before: Event, manager: EntityManager): Promise<void> {
    for (const h of this.handlers) await h.onEventUpdated?.(event, before, manager);
  }

  async cancelled(event: Event, manager: EntityManager): Promise<void> {
    for (const h of this.handlers) await h.onEventCancelled?.(event, manager);
  }
}
