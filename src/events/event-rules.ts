import { FieldError } from '../common/domain-error';
import type { EventFormat, EventKind, Venue, WorkshopAllocation } from './event.entity';
import { checkQuotaRules, QuotaInput } from './event-quotas';

/** The state an event would have after a create or a patch, checked as a whole. */
export interface EventDraft {
  kind: EventKind;
  format: EventFormat;
  startsAt: Date;
  endsAt: Date;
  venue: Venue | null;
  onlineUrl: string | null;
  capacity: number | null;
  onlineCapacity: number | null;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  reminderOffsets: number[];
  quotas: QuotaInput[];
  quotasReleaseAt: Date | null;
  workshopAllocation: WorkshopAllocation;
  preferencesCloseAt: Date | null;
}

const MAX_DURATION_MS = 31 * 24 * 3600 * 1000;

export const DEFAULT_REMINDERS: Record<EventKind, number[]> = {
  conference: [10080, 1440],
  study_day: [10080, 1440],
  webinar: [1440, 60],
};

/** Cross-field rules of API.md; each broken rule names its field. */
export function checkEventRules(e: EventDraft): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (e.endsAt.getTime() <= e.startsAt.getTime()) add('endsAt', 'must be after startsAt');
  else if (e.endsAt.getTime() - e.startsAt.getTime() > MAX_DURATION_MS) add('endsAt', 'an event lasts at most 31 days');
  if (e.format !== 'online' && !e.venue) add('venue', 'is required unless the event is online');
  if (e.format !== 'onsite' && !e.onlineUrl) add('onlineUrl', 'is required unless the event is onsite');
  if (e.format !== 'online' && e.capacity === null) add('capacity', 'is required for onsite and hybrid events');
  if (e.format !== 'hybrid' && e.onlineCapacity !== null) add('onlineCapacity', 'is only for hybrid events');
  const opens = e.registrationOpensAt;
  const closes = e.registrationClosesAt;
  if (opens && opens.getTime() >= e.endsAt.getTime()) add('registrationOpensAt', 'must be before the event ends');
  if (closes && closes.getTime() > e.endsAt.getTime()) add('registrationClosesAt', 'must not be after the event ends');
  if (opens && closes && closes.getTime() <= opens.getTime()) add('registrationClosesAt', 'must be after registrationOpensAt');
  if (new Set(e.reminderOffsets).size !== e.reminderOffsets.length) add('reminders', 'offsets must be distinct');
  if (e.workshopAllocation === 'preferences') {
    if (!e.preferencesCloseAt) add('preferencesCloseAt', 'is required when workshops are allocated by preference');
    else if (e.preferencesCloseAt.getTime() >= e.startsAt.getTime()) add('preferencesCloseAt', 'must be before the event starts');
  } else if (e.preferencesCloseAt) add('preferencesCloseAt', 'is only for events whose workshops are allocated by preference');
  return [...errors, ...checkQuotaRules(e)];
}

/** Registration is open while published and inside the window (default: publication → start). */
export function isRegistrationOpen(e: { status: string; startsAt: Date; registrationOpensAt: Date | null; registrationClosesAt: Date | null }, now: Date): boolean {
  if (e.status !== 'published') return false;
  const opens = e.registrationOpensAt?.getTime() ?? -Infinity;
  const closes = e.registrationClosesAt?.getTime() ?? e.startsAt.getTime();
  return now.getTime() >= opens && now.getTime() < closes;
}

/** Workshops allocated by preference, not yet allocated: no workshop seat may be taken (register_attendee says the same in SQL). */
export function awaitsAllocation(e: { workshopAllocation: string; allocatedAt: Date | string | null }): boolean {
  return e.workshopAllocation === 'preferences' && e.allocatedAt === null;
}

/** When the workshops of an event that awaits its allocation are given out (preferences close, the allocation follows); null otherwise. */
export function allocationDueAt(e: { workshopAllocation: string; allocatedAt: Date | string | null; preferencesCloseAt: Date | null }): Date | null {
  return awaitsAllocation(e) ? e.preferencesCloseAt : null;
}
