import { formatFrenchTime, localDate } from '../../common/time';
import { frenchLocalDate } from '../../pages/french';
import { label, SESSION_TYPE_LABELS } from '../../reference/labels';

/** What the grid needs of a session (the API's session answer fits). */
export interface GridSession {
  id: string;
  title: string;
  type: string;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  speakerIds: string[];
}

export interface GridRoom {
  id: string;
  name: string;
  capacity: number | null;
}

export interface GridCell {
  /** Absent: an empty slot of that room. */
  session?: { id: string; title: string; type: string; when: string; speakers: string; editing: boolean };
  rowspan: number;
}

export interface DayGrid {
  date: string;
  heading: string;
  id: string;
  rooms: Array<{ id: string; name: string; capacity: number | null }>;
  rows: Array<{ label: string; cells: GridCell[] }>;
  /** Sessions of the day without a room (they may overlap: listed beside the grid). */
  roomless: Array<NonNullable<GridCell['session']>>;
}

/** Every local date from the event's first day to its last, in its zone. */
export function eventDays(startsAt: string, endsAt: string, timeZone: string): string[] {
  const last = localDate(new Date(new Date(endsAt).getTime() - 1), timeZone);
  const days: string[] = [];
  for (let d = localDate(new Date(startsAt), timeZone); d <= last && days.length < 40;) {
    days.push(d);
    const next = new Date(`${d}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    d = next.toISOString().slice(0, 10);
  }
  return days;
}

/**
 * One table per day: rooms as columns, the day's distinct start and end times as row boundaries,
 * each session spanning the rows of its time in its room's column. A room holds one session at a
 * time (the programme's own rule), so the spans never collide; sessions without a room are listed
 * apart. Pure: the view model of the programme builder.
 */
export function buildDayGrids(
  days: string[],
  sessions: GridSession[],
  rooms: GridRoom[],
  speakerNames: Map<string, string>,
  timeZone: string,
  editingId: string | null,
): DayGrid[] {
  const time = (iso: string) => formatFrenchTime(new Date(iso), timeZone);
  const view = (s: GridSession) => ({
    id: s.id,
    title: s.title,
    type: label(SESSION_TYPE_LABELS, s.type),
    when: `${time(s.startsAt)} – ${time(s.endsAt)}`,
    speakers: s.speakerIds
      .map((id) => speakerNames.get(id) ?? '')
      .filter(Boolean)
      .join(', '),
    editing: s.id === editingId,
  });
  return days.map((date) => {
    const ofDay = sessions.filter((s) => localDate(new Date(s.startsAt), timeZone) === date).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const placed = ofDay.filter((s) => s.roomId && rooms.some((r) => r.id === s.roomId));
    const bounds = [...new Set(placed.flatMap((s) => [new Date(s.startsAt).getTime(), new Date(s.endsAt).getTime()]))].sort((a, b) => a - b);
    const rows: DayGrid['rows'] = [];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const [from, to] = [bounds[i], bounds[i + 1]];
      const cells: GridCell[] = [];
      for (const room of rooms) {
        const starting = placed.find((s) => s.roomId === room.id && new Date(s.startsAt).getTime() === from);
        if (starting) {
          const end = new Date(starting.endsAt).getTime();
          cells.push({ session: view(starting), rowspan: bounds.filter((b) => b >= from && b < end).length });
          continue;
        }
        const covering = placed.some((s) => s.roomId === room.id && new Date(s.startsAt).getTime() < from && new Date(s.endsAt).getTime() > from);
        if (!covering) cells.push({ rowspan: 1 });
      }
      rows.push({ label: `${formatFrenchTime(new Date(from), timeZone)} – ${formatFrenchTime(new Date(to), timeZone)}`, cells });
    }
    return {
      date,
      heading: frenchLocalDate(date),
      id: `jour-${date}`,
      rooms: rooms.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
      rows,
      roomless: ofDay.filter((s) => !placed.includes(s)).map(view),
    };
  });
}
