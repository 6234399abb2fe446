import { localDate, toZonedIso } from '../../common/time';
import type { Event } from '../../events/event.entity';
import { ProgrammeDayDto, ProgrammeDto, ProgrammeSessionDto } from './programme.dto';
import type { ProgrammeRow, ProgrammeState } from './programme.repository';

/**
 * Formatting an instant in a zone costs an Intl call (≈8 µs); a programme repeats the same few
 * dozen instants on every read, so remember them. Bounded, and the result never changes.
 */
const formatted = new Map<string, string>();
function memo(kind: 'iso' | 'date', date: Date, tz: string): string {
  const key = `${kind}|${tz}|${date.getTime()}`;
  let value = formatted.get(key);
  if (value === undefined) {
    if (formatted.size >= 20_000) formatted.clear();
    value = kind === 'iso' ? toZonedIso(date, tz) : localDate(date, tz);
    formatted.set(key, value);
  }
  return value;
}
const zoned = (date: Date, tz: string) => memo('iso', date, tz);

/** Seats left for choosing a workshop; null until anyone registered, or when nothing limits it. */
export function seatsLeft(row: ProgrammeRow, state: Pick<ProgrammeState, 'hasRegistrations' | 'confirmed'>): number | null {
  if (row.type !== 'workshop' || !state.hasRegistrations) return null;
  const capacity = row.capacity ?? row.room?.capacity ?? null;
  return capacity === null ? null : Math.max(0, capacity - (state.confirmed.get(row.id) ?? 0));
}

/** Days (local dates) → slots (sessions starting at the same instant) → sessions. Rows come in time order. */
export function toProgramme(event: Event, rows: ProgrammeRow[], state: Pick<ProgrammeState, 'hasRegistrations' | 'confirmed'>): ProgrammeDto {
  const tz = event.timezone;
  const days: ProgrammeDayDto[] = [];
  let slotEnd = 0;
  for (const row of rows) {
    const date = memo('date', row.startsAt, tz);
    let day = days[days.length - 1];
    if (!day || day.date !== date) days.push((day = { date, slots: [] }));
    const startsAt = zoned(row.startsAt, tz);
    let slot = day.slots[day.slots.length - 1];
    if (!slot || slot.startsAt !== startsAt) {
      day.slots.push((slot = { startsAt, endsAt: '', sessions: [] }));
      slotEnd = 0;
    }
    if (row.endsAt.getTime() > slotEnd) {
      slotEnd = row.endsAt.getTime();
      slot.endsAt = zoned(row.endsAt, tz);
    }
    slot.sessions.push(toProgrammeSession(row, tz, state));
  }
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      kind: event.kind,
      format: event.format,
      description: event.description,
      startsAt: toZonedIso(event.startsAt, tz),
      endsAt: toZonedIso(event.endsAt, tz),
      timezone: tz,
      venue: event.venue,
      status: event.status,
    },
    days,
  };
}

function toProgrammeSession(row: ProgrammeRow, tz: string, state: Pick<ProgrammeState, 'hasRegistrations' | 'confirmed'>): ProgrammeSessionDto {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    startsAt: zoned(row.startsAt, tz),
    endsAt: zoned(row.endsAt, tz),
    description: row.description,
    room: row.room ? { id: row.room.id, name: row.room.name } : null,
    speakers: row.speakers,
    themes: row.themes,
    capacity: row.capacity,
    seatsLeft: seatsLeft(row, state),
    actions: row.actions,
  };
}
