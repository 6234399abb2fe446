import type { Event, EventFormat } from '../events/event.entity';
import type { AttendanceMode } from './registration.entity';

/** Places of one attendance mode: hybrid events count online separately; null = unlimited. */
export function modeCapacity(event: Pick<Event, 'format' | 'capacity' | 'onlineCapacity'>, mode: AttendanceMode): number | null {
  if (mode === 'online' && event.format === 'hybrid') return event.onlineCapacity;
  return event.capacity;
}

/** The modes an event of this format has. */
export function modesOf(format: EventFormat): AttendanceMode[] {
  return format === 'hybrid' ? ['onsite', 'online'] : [format];
}

/**
 * The mode a registrant attends in: chosen for hybrid events (null when missing), otherwise the
 * event's own mode whatever was sent.
 */
export function resolveMode(format: EventFormat, requested: AttendanceMode | undefined): AttendanceMode | null {
  if (format === 'hybrid') return requested ?? null;
  return format;
}

export interface TimeSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** Two slots overlap when each starts before the other ends (back to back is fine). */
export function overlaps(a: TimeSlot, b: TimeSlot): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** The first pair of overlapping slots, or null. */
export function firstOverlap<T extends TimeSlot>(slots: T[]): [T, T] | null {
  const sorted = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    for (let j = 0; j < i; j++) if (overlaps(sorted[j], sorted[i])) return [sorted[j], sorted[i]];
  }
  return null;
}
