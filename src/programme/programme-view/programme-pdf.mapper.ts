import { badgeColourKey } from '../../documents/badge/badge-colours';
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS, label, SESSION_TYPE_LABELS } from '../../reference/labels';
import { frenchDateRange, frenchDay, frenchTimeRange } from '../../documents/pdf/french';
import type { ProgrammeActionView, ProgrammeDayView, ProgrammePdfView } from '../../documents/programme/programme-pdf.view';
import type { Event } from '../../events/event.entity';
import { departmentLabel, organisationTypeLabel, themeLabel } from '../../reference/reference.data';
import type { ProgrammeRow } from './programme.repository';

/** A selected highlighted action as the printed programme presents it (public fields only). */
export interface PresentedAction {
  title: string;
  summary: string;
  organisation: string;
  organisationType: string;
  departments: string[];
  themes: string[];
  contactName: string | null;
  url: string | null;
}

const territory = (codes: string[]) => codes.map((code) => `${departmentLabel(code)} (${code})`).join(', ');

/** Rows of the programme (time order) → the printed programme's view: days, slots of sessions starting together. */
export function toProgrammePdfView(event: Event, rows: ProgrammeRow[], actions: PresentedAction[]): ProgrammePdfView {
  const tz = event.timezone;
  const days: ProgrammeDayView[] = [];
  let slotStart = -1;
  let slotEnd = 0;
  for (const row of rows) {
    const day = frenchDay(row.startsAt, tz);
    if (days[days.length - 1]?.label !== day) {
      days.push({ label: day, slots: [] });
      slotStart = -1;
    }
    const slots = days[days.length - 1].slots;
    if (row.startsAt.getTime() !== slotStart) {
      slotStart = row.startsAt.getTime();
      slotEnd = row.endsAt.getTime();
      slots.push({ time: '', sessions: [] });
    }
    slotEnd = Math.max(slotEnd, row.endsAt.getTime());
    const slot = slots[slots.length - 1];
    slot.time = frenchTimeRange(row.startsAt, new Date(slotEnd), tz);
    slot.sessions.push({
      title: row.title,
      typeLabel: label(SESSION_TYPE_LABELS, row.type),
      time: frenchTimeRange(row.startsAt, row.endsAt, tz),
      room: row.room?.name ?? null,
      speakers: row.speakers.map((s) => {
        const about = [s.jobTitle, s.organisation].filter(Boolean).join(', ');
        return about ? `${s.fullName} (${about})` : s.fullName;
      }),
      themes: row.themes.map(themeLabel),
      description: row.description,
      actions: row.actions.map((a) => ({ title: a.title, organisation: a.organisation })),
    });
  }
  // A session's own time is printed only when it differs from its slot's.
  for (const slot of days.flatMap((d) => d.slots)) for (const s of slot.sessions) if (s.time === slot.time) s.time = null;

  const presented: ProgrammeActionView[] = actions.map((a) => ({
    title: a.title,
    organisation: a.organisation,
    organisationTypeLabel: organisationTypeLabel(a.organisationType),
    territory: territory(a.departments),
    themes: a.themes.map(themeLabel),
    summary: a.summary,
    contact: [a.contactName, a.url].filter(Boolean).join(' — ') || null,
  }));

  const venue = event.venue ? `${event.venue.name}, ${event.venue.address}, ${event.venue.postalCode} ${event.venue.city}` : null;
  return {
    title: event.title,
    kindLabel: label(EVENT_KIND_LABELS, event.kind),
    formatLabel: label(EVENT_FORMAT_LABELS, event.format),
    dates: frenchDateRange(event.startsAt, event.endsAt, event.timezone),
    place: venue ?? 'En ligne',
    description: event.description,
    cancelled: event.status === 'cancelled',
    days,
    actions: presented,
    badgeKey: badgeColourKey().map(({ label: name, fill, text }) => ({ label: name, fill, text })),
  };
}
