import type { FieldError } from '../common/domain-error';
import type { EventFormat } from './event.entity';

/** Seats of one attendance mode kept for an organisation type until the release date. */
export interface EventQuota {
  organisationType: string;
  attendanceMode: 'onsite' | 'online';
  seats: number;
}

/** As sent: the mode may be left out (the event's own mode; onsite for hybrid events). */
export interface QuotaInput {
  organisationType: string;
  attendanceMode?: 'onsite' | 'online';
  seats: number;
}

export const QUOTAS_RELEASE_DAYS = 7;

/** Default release: 7 days before the start. The only place that says so. */
export function defaultQuotasReleaseAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - QUOTAS_RELEASE_DAYS * 24 * 3600_000);
}

export function quotaMode(format: EventFormat, given: 'onsite' | 'online' | undefined): 'onsite' | 'online' {
  if (format === 'hybrid') return given ?? 'onsite';
  return format;
}

export function resolveQuotas(format: EventFormat, quotas: QuotaInput[]): EventQuota[] {
  return quotas.map((q) => ({ organisationType: q.organisationType, attendanceMode: quotaMode(format, q.attendanceMode), seats: q.seats }));
}

export interface QuotaDraft {
  format: EventFormat;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  onlineCapacity: number | null;
  quotas: QuotaInput[];
  quotasReleaseAt: Date | null;
}

/** Kept seats must fit the capacity of their mode (all kept seats of a mode together ≤ its capacity). */
export function checkQuotaRules(d: QuotaDraft): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  const seen = new Set<string>();
  const kept = { onsite: 0, online: 0 };
  d.quotas.forEach((q, i) => {
    if (d.format !== 'hybrid' && q.attendanceMode !== undefined && q.attendanceMode !== d.format) {
      add(`quotas.${i}.attendanceMode`, `this event is ${d.format} only`);
      return;
    }
    const mode = quotaMode(d.format, q.attendanceMode);
    const key = `${q.organisationType}/${mode}`;
    if (seen.has(key)) add(`quotas.${i}.organisationType`, 'has a quota already for this attendance mode');
    seen.add(key);
    kept[mode] += q.seats;
  });
  for (const mode of ['onsite', 'online'] as const) {
    if (kept[mode] === 0) continue;
    const capacity = mode === 'online' && d.format === 'hybrid' ? d.onlineCapacity : d.capacity;
    const field = mode === 'online' && d.format === 'hybrid' ? 'onlineCapacity' : 'capacity';
    if (capacity === null) add('quotas', `kept seats need a ${field}`);
    else if (kept[mode] > capacity) add('quotas', `${kept[mode]} seats kept ${mode} exceed the ${field} of ${capacity}`);
  }
  if (d.quotasReleaseAt && d.quotasReleaseAt.getTime() > d.endsAt.getTime()) add('quotasReleaseAt', 'must not be after the event ends');
  return errors;
}
