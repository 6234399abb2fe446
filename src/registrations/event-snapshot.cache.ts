import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { Event } from '../events/event.entity';
import { EventsRepository } from '../events/events.repository';
import { LockedSession, SessionChoicesRepository } from './session-choices.repository';

const TTL_MS = 1000;
const MAX_EVENTS = 500;

export interface EventSnapshot {
  event: Event;
  /** The event's workshops by id. */
  workshops: Map<string, LockedSession>;
}

/**
 * A one-second memory of published events and their workshops, read to check a registration
 * request and word its messages before the locked statement. It is only ever a hint: the
 * statement re-checks status, window, format, workshops and overlaps on the locked rows and
 * reads capacities live, and anything the hint cannot vouch for (an unknown session, a closed
 * or unpublished event) is read again from the database. During a rush it saves two queries per
 * registration.
 */
@Injectable()
export class EventSnapshotCache {
  private readonly entries = new Map<string, EventSnapshot & { at: number }>();

  constructor(
    private readonly events: EventsRepository,
    private readonly choices: SessionChoicesRepository,
  ) {}

  /** A recent snapshot when it knows every session asked for and `usable` accepts it; else a fresh read. */
  async get(eventId: string, sessionIds: string[], usable: (event: Event) => boolean): Promise<EventSnapshot | null> {
    const cached = this.entries.get(eventId);
    if (cached && performance.now() - cached.at < TTL_MS && usable(cached.event) && sessionIds.every((id) => cached.workshops.has(id))) {
      return cached;
    }
    const [event, workshops] = await Promise.all([this.events.findById(eventId), this.choices.findWorkshopsOf(eventId)]);
    if (!event) return null;
    const snapshot = { event, workshops: new Map(workshops.map((w) => [w.id, w])) };
    if (event.status === 'published') {
      if (this.entries.size >= MAX_EVENTS) this.entries.clear();
      this.entries.set(eventId, { ...snapshot, at: performance.now() });
    }
    return snapshot;
  }
}
