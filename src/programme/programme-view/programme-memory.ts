import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/uuid.pipe';
import type { Event } from '../../events/event.entity';

export interface Rendering {
  body: Buffer;
  etag: string;
}

export interface Remembered {
  event: Event;
  json?: Rendering;
  ics?: Rendering;
}

const MAX_EVENTS = 200;
/** A local write whose notification never came (rolled back) stops blocking after this. */
const PENDING_MS = 5_000;

/**
 * Programmes as last sent, per event, answered with no query while this instance hears
 * PostgreSQL's `programme_changed` notifications (ProgrammeChangesListener): each one drops that
 * event's copy, whichever instance made the change. Without the listener, nothing is kept.
 *
 * A rendering is kept only if no notification for its event arrived since its reads began
 * (`mark()` before reading, `keep(..., since)` after), so a change that commits while it is
 * being built is never hidden. A write on this instance marks its event pending until its own
 * notification arrives, so the writer reads its change at once.
 */
@Injectable()
export class ProgrammeMemory {
  private listening = false;
  private sequence = 0;
  /** Renderings begun before this were read while changes could be missed. */
  private trustedSince = Number.POSITIVE_INFINITY;
  private readonly changedAt = new Map<string, number>();
  private readonly pending = new Map<string, number>();
  private readonly entries = new Map<string, Remembered>();
  private readonly slugs = new Map<string, string>();

  mark(): number {
    return this.sequence;
  }

  find(idOrSlug: string): Remembered | undefined {
    if (!this.listening) return undefined;
    const id = isUuid(idOrSlug) ? idOrSlug.toLowerCase() : this.slugs.get(idOrSlug);
    if (!id || this.isPending(id)) return undefined;
    return this.entries.get(id);
  }

  /**
   * Whether what was read of an event from `since` (a `mark()`) on still shows it as it is: this
   * instance has been listening all along and heard no change of that event since, nor has one of
   * its own writes pending. Renderings built on the programme (the event page) keep themselves by it.
   */
  isCurrent(eventId: string, since: number): boolean {
    return this.listening && since >= this.trustedSince && (this.changedAt.get(eventId) ?? -1) <= since && !this.isPending(eventId);
  }

  keep(event: Event, kind: 'json' | 'ics', rendering: Rendering, since: number): void {
    if (!this.isCurrent(event.id, since)) return;
    const entry = this.entries.get(event.id);
    const current = entry && entry.event.updatedAt.getTime() === event.updatedAt.getTime() ? entry : { event };
    current[kind] = rendering;
    this.entries.delete(event.id);
    if (this.entries.size >= MAX_EVENTS) this.forget(this.entries.keys().next().value!);
    this.entries.set(event.id, current);
    this.slugs.set(event.slug, event.id);
  }

  /** A `programme_changed` notification. */
  changed(eventId: string): void {
    this.sequence++;
    this.changedAt.set(eventId, this.sequence);
    if (this.changedAt.size > 10_000) {
      this.changedAt.clear();
      this.trustedSince = this.sequence + 1;
    }
    this.pending.delete(eventId);
    this.forget(eventId);
  }

  /** A write on this instance, inside its transaction: not trusted until its notification arrives. */
  writing(eventId: string): void {
    this.pending.set(eventId, Date.now() + PENDING_MS);
    this.forget(eventId);
  }

  /** The listener is (again) hearing every change from now on, or has lost its connection. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.sequence++;
    this.trustedSince = listening ? this.sequence : Number.POSITIVE_INFINITY;
    this.entries.clear();
    this.slugs.clear();
    this.changedAt.clear();
  }

  private isPending(eventId: string): boolean {
    const until = this.pending.get(eventId);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.pending.delete(eventId);
    return false;
  }

  private forget(eventId: string): void {
    const entry = this.entries.get(eventId);
    if (entry && this.slugs.get(entry.event.slug) === eventId) this.slugs.delete(entry.event.slug);
    this.entries.delete(eventId);
  }
}
