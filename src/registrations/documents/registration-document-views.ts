import type { AgendaView } from '../../documents/agenda/agenda.view';
import type { BadgeView } from '../../documents/badge/badge.view';
import type { CertificateView } from '../../documents/certificate/certificate.view';
import type { CalendarView } from '../../documents/ics/calendar.renderer';
import { ATTENDANCE_MODE_LABELS, label, SESSION_TYPE_LABELS } from '../../reference/labels';
import { frenchDateRange, frenchDay, frenchTime, frenchTimeRange } from '../../documents/pdf/french';
import type { SignInPerson } from '../../documents/sign-in-sheet/sign-in-sheet.view';
import type { Event } from '../../events/event.entity';
import { firstOfMonth, formatFrenchAt, localDate } from '../../common/time';
import { allocationDueAt } from '../../events/event-rules';
import { organisationTypeLabel } from '../../reference/reference.data';
import { deskNeeds } from '../registration-needs';
import type { DocumentPerson, PlannedSession } from './registration-documents.repository';

/** From rows to the renderers' view models. Pure: the French wording of documents lives here and in the renderers. */

export function eventPlace(event: Event): string {
  if (event.venue) return `${event.venue.name}, ${event.venue.city}`;
  return event.format === 'online' ? 'En ligne' : 'Lieu à préciser';
}

export function eventAddress(event: Event): string | null {
  const v = event.venue;
  return v ? `${v.name}, ${v.address}, ${v.postalCode} ${v.city}` : null;
}

export function eventDates(event: Event): string {
  return frenchDateRange(event.startsAt, event.endsAt, event.timezone);
}

export const fullName = (p: Pick<DocumentPerson, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

export function toBadgeView(event: Event, person: DocumentPerson): BadgeView {
  return {
    eventTitle: event.title,
    eventDates: event.venue ? `${eventDates(event)} · ${event.venue.city}` : eventDates(event),
    firstName: person.firstName,
    lastName: person.lastName,
    organisation: person.organisation,
    organisationType: person.organisationType,
    organisationTypeLabel: organisationTypeLabel(person.organisationType),
    attendanceMode: event.format === 'hybrid' ? label(ATTENDANCE_MODE_LABELS, person.attendanceMode) : null,
    needs: deskNeeds(person.accessibility),
    checkInCode: person.checkInCode,
  };
}

export interface AgendaExtras {
  /** The manage link, when the caller holds the token (the registrant's request, an email being sent). */
  manageUrl?: string | null;
  waitlistPosition?: number | null;
}

export function toAgendaView(event: Event, person: DocumentPerson, sessions: PlannedSession[], extras: AgendaExtras = {}): AgendaView {
  const tz = event.timezone;
  const days: AgendaView['days'] = [];
  for (const s of sessions) {
    const day = frenchDay(new Date(s.startsAt), tz);
    if (days[days.length - 1]?.label !== day) days.push({ label: day, items: [] });
    days[days.length - 1].items.push({
      time: frenchTimeRange(new Date(s.startsAt), new Date(s.endsAt), tz),
      title: s.title,
      typeLabel: label(SESSION_TYPE_LABELS, s.type),
      room: s.room,
      speakers: s.speakers,
      choice: s.choice ? { status: s.choice, waitlistPosition: s.waitlistPosition } : null,
    });
  }
  const onsite = person.attendanceMode === 'onsite';
  const confirmed = person.status === 'confirmed';
  const practical: AgendaView['practical'] = [];
  if (!confirmed) {
    const rank = extras.waitlistPosition ? ` (rang ${extras.waitlistPosition})` : '';
    practical.push({ label: 'Inscription', value: person.status === 'waitlisted' ? `sur liste d’attente${rank} : nous vous écrirons dès qu’une place se libère` : 'annulée' });
  }
  const address = eventAddress(event);
  if (onsite && address) practical.push({ label: 'Adresse', value: address });
  if (onsite && confirmed)
    practical.push({ label: 'Accueil', value: `à partir de ${frenchTime(new Date(event.startsAt.getTime() - 30 * 60_000), tz)} : présentez votre badge ou le QR code ci-dessus` });
  if (!onsite && confirmed && event.onlineUrl) practical.push({ label: 'Lien de connexion', value: event.onlineUrl });
  const allocation = confirmed ? allocationDueAt(event) : null;
  if (allocation)
    practical.push({ label: 'Ateliers', value: `attribués selon vos préférences le ${formatFrenchAt(allocation, tz)} : nous vous enverrons alors votre programme à jour` });
  if (extras.manageUrl) practical.push({ label: 'Gérer mon inscription', value: extras.manageUrl });
  return {
    eventTitle: event.title,
    eventDates: eventDates(event),
    place: eventPlace(event),
    person: {
      fullName: fullName(person),
      organisation: person.organisation,
      attendance: event.format === 'hybrid' ? label(ATTENDANCE_MODE_LABELS, person.attendanceMode) : null,
    },
    days,
    practical,
    checkInCode: onsite && confirmed ? person.checkInCode : null,
  };
}

/** The agenda as a calendar: one entry per session, UIDs stable per registration and session. */
export function toAgendaCalendar(event: Event, person: DocumentPerson, sessions: PlannedSession[]): CalendarView {
  const place = event.venue ? `${event.venue.name}, ${event.venue.city}` : event.format === 'online' ? 'En ligne' : null;
  // Without a programme yet, the agenda still holds the event itself.
  const whole = {
    uid: `${event.id}.${person.id}@rencontres`,
    title: event.title,
    startsAt: new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    location: person.attendanceMode === 'online' ? 'En ligne' : place,
    description: null,
    updatedAt: new Date(event.updatedAt),
  };
  return {
    name: `${event.title} — mon programme`,
    timezone: event.timezone,
    entries:
      sessions.length === 0
        ? [whole]
        : sessions.map((s) => ({
            uid: `${s.id}.${person.id}@rencontres`,
            title: s.choice === 'waitlisted' ? `${s.title} (liste d’attente)` : s.title,
            startsAt: new Date(s.startsAt),
            endsAt: new Date(s.endsAt),
            location: [s.room, person.attendanceMode === 'online' ? 'En ligne' : place].filter(Boolean).join(' — ') || null,
            description: [label(SESSION_TYPE_LABELS, s.type), s.speakers.length ? `Avec ${s.speakers.join(', ')}` : null].filter(Boolean).join('\n'),
            updatedAt: new Date(s.updatedAt),
          })),
  };
}

export function toCertificateView(event: Event, person: DocumentPerson, sessions: PlannedSession[], organiserName: string, issuedAt: Date): CertificateView {
  const tz = event.timezone;
  return {
    eventTitle: event.title,
    eventDates: eventDates(event).replace(/^(?!du )/, 'le '),
    place: eventPlace(event),
    person: { fullName: fullName(person), organisation: person.organisation },
    checkedInAt: `${frenchDay(new Date(person.checkedInAt!), tz)}, ${frenchTime(new Date(person.checkedInAt!), tz)}`,
    sessions: sessions
      .filter((s) => s.choice !== 'waitlisted' && s.type !== 'break')
      .map((s) => ({ title: s.title, when: `${frenchDay(new Date(s.startsAt), tz)}, ${frenchTimeRange(new Date(s.startsAt), new Date(s.endsAt), tz)}` })),
    organiserName,
    issuedIn: event.venue?.city ?? null,
    issuedOn: firstOfMonth(frenchDay(issuedAt, tz).replace(/^\S+ /, '')),
  };
}

export const toSignInPerson = (p: DocumentPerson): SignInPerson => ({
  lastName: p.lastName,
  firstName: p.firstName,
  organisation: p.organisation,
  needs: deskNeeds(p.accessibility),
});

/** The local dates an event spans, `2027-03-11`…, in its zone. */
export function eventDays(event: Event): string[] {
  const days: string[] = [];
  for (let t = event.startsAt.getTime(); ; t += 86_400_000) {
    const day = localDate(new Date(Math.min(t, event.endsAt.getTime())), event.timezone);
    if (days[days.length - 1] !== day) days.push(day);
    if (t >= event.endsAt.getTime()) break;
  }
  return days;
}
