import ical, { escape } from 'ical-generator';

/** One calendar entry: a programme session, or a session of someone's personal agenda. */
export interface CalendarEntryView {
  /** Stable across downloads and edits, so calendar apps update the entry instead of duplicating it. */
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  description: string | null;
  url?: string | null;
  /** When the entry last changed: used as DTSTAMP and LAST-MODIFIED, so unchanged data renders identically. */
  updatedAt: Date;
}

export interface CalendarView {
  /** The calendar's name, shown by calendar apps (e.g. the event's title). */
  name: string;
  /** The event's IANA zone, as a hint to clients; times themselves are written in UTC. */
  timezone: string;
  entries: CalendarEntryView[];
}

/**
 * iCalendar (RFC 5545) text: CRLF line endings, folded lines, escaped text, UTC times.
 * Pure: the same view gives the same bytes.
 */
export function renderCalendar(view: CalendarView): string {
  const calendar = ical({
    // ical-generator 10.2 writes NAME / X-WR-CALNAME unescaped (its event texts are escaped).
    name: escape(view.name, false),
    prodId: { company: 'Rencontres', product: 'programme', language: 'FR' },
    x: [{ key: 'X-WR-TIMEZONE', value: view.timezone }],
  });
  for (const entry of view.entries) {
    calendar.createEvent({
      id: entry.uid,
      start: entry.startsAt,
      end: entry.endsAt,
      summary: entry.title,
      location: entry.location ?? undefined,
      description: entry.description ?? undefined,
      url: entry.url ?? undefined,
      stamp: entry.updatedAt,
      lastModified: entry.updatedAt,
    });
  }
  const text = calendar.toString();
  // RFC 5545: every content line, the last one included, ends with CRLF.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
