import type { ActionResponseDto } from '../actions/dto/action-response.dto';
import type { EventResponseDto } from '../events/dto/event-response.dto';
import type { ProgrammeDto, ProgrammeSessionDto } from '../programme/programme-view/programme.dto';
import { departmentLabel, organisationTypeLabel, themeLabel } from '../reference/reference.data';
import { frenchDay, frenchLocalDate, frenchSpan, frenchTime, placesLeft } from './french';
import { EVENT_FORMAT_LABELS, EVENT_KIND_LABELS, SESSION_TYPE_LABELS } from '../reference/labels';

/** What the event pages say of an event's state: one wording, used by the list, the event page and the form. */
export interface EventAvailability {
  /** Registering is possible now (the API's registrationOpen). */
  open: boolean;
  /** Every seat of the main mode is taken: registering puts one on the waiting list. */
  full: boolean;
  cancelled: boolean;
  /** A short badge: "Complet", "Annulé", "12 places restantes"… */
  badge: string;
  badgeKind: 'success' | 'warning' | 'error' | 'info' | 'new';
  /** A sentence for the event page and the form. */
  sentence: string;
  /** Kept seats still free (`3 pour « Personne concernée », jusqu’au mardi 2 mars 2027`), when there are. */
  kept?: string;
}

export function availabilityOf(event: EventResponseDto, now: Date): EventAvailability {
  const cancelled = event.status === 'cancelled';
  const onlineLeft = event.format === 'hybrid' ? (event.online?.seatsLeft ?? null) : undefined;
  const full = event.seatsLeft === 0 && (onlineLeft === undefined || onlineLeft === 0);
  if (cancelled) {
    const why = event.cancelReason ? ` Motif : ${event.cancelReason}` : '';
    return { open: false, full, cancelled, badge: 'Annulé', badgeKind: 'error', sentence: `Cet événement est annulé.${why}` };
  }
  if (!event.registrationOpen) {
    const opensLater = event.registrationOpensAt && new Date(event.registrationOpensAt).getTime() > now.getTime();
    const sentence = opensLater
      ? `Les inscriptions ouvriront le ${frenchDay(event.registrationOpensAt!, event.timezone)} à ${frenchTime(event.registrationOpensAt!, event.timezone)}.`
      : 'Les inscriptions sont closes.';
    return { open: false, full, cancelled, badge: opensLater ? 'Inscriptions bientôt ouvertes' : 'Inscriptions closes', badgeKind: 'info', sentence };
  }
  const kept = keptSeats(event);
  const keptLine = kept ? ` Places réservées : ${kept} (si c’est votre cas, elles vous sont d’abord attribuées).` : '';
  if (full) {
    return {
      open: true,
      full,
      cancelled,
      badge: 'Complet : liste d’attente',
      badgeKind: 'warning',
      sentence: `Toutes les places sont prises : en vous inscrivant, vous serez placé·e sur la liste d’attente et prévenu·e par courriel si une place se libère.${keptLine}`,
      ...(kept ? { kept } : {}),
    };
  }
  const left = [event.seatsLeft, onlineLeft].filter((n): n is number => typeof n === 'number');
  const badge = event.format === 'hybrid' ? seatsHybrid(event) : event.seatsLeft === null ? 'Places disponibles' : placesLeft(event.seatsLeft);
  return {
    open: true,
    full,
    cancelled,
    badge,
    badgeKind: left.some((n) => n <= 10) ? 'warning' : 'success',
    sentence: `Inscriptions ouvertes : ${badge.toLowerCase()}.${keptLine}`,
    ...(kept ? { kept } : {}),
  };
}

/** Kept seats still free (the API's quotas[].left) and until when, or null. */
function keptSeats(event: EventResponseDto): string | null {
  const free = (event.quotas ?? []).filter((q) => q.left > 0);
  if (!free.length || !event.quotasReleaseAt) return null;
  const byType = new Map<string, number>();
  for (const q of free) byType.set(q.organisationType, (byType.get(q.organisationType) ?? 0) + q.left);
  const parts = [...byType].map(([type, n]) => `${n} pour « ${organisationTypeLabel(type)} »`);
  return `${parts.join(', ')}, jusqu’au ${frenchDay(event.quotasReleaseAt, event.timezone)}`;
}

function seatsHybrid(event: EventResponseDto): string {
  const onsite = event.seatsLeft === 0 ? 'sur place complet' : `${event.seatsLeft} sur place`;
  const online =
    event.online?.seatsLeft === null || event.online?.seatsLeft === undefined
      ? 'en ligne sans limite'
      : event.online.seatsLeft === 0
        ? 'en ligne complet'
        : `${event.online.seatsLeft} en ligne`;
  return `Places : ${onsite}, ${online}`;
}

export function whereOf(event: Pick<EventResponseDto, 'format' | 'venue'>): { place: string; address: string | null } {
  if (event.format === 'online' || !event.venue) return { place: 'En ligne', address: null };
  const v = event.venue;
  return { place: event.format === 'hybrid' ? `${v.name} et en ligne` : v.name, address: `${v.address}, ${v.postalCode} ${v.city}` };
}

export interface EventCard {
  slug: string;
  title: string;
  kind: string;
  when: string;
  where: string;
  themes: string[];
  departments: string[];
  availability: EventAvailability;
}

export function toEventCard(event: EventResponseDto, now: Date): EventCard {
  const where = whereOf(event);
  return {
    slug: event.slug,
    title: event.title,
    kind: EVENT_KIND_LABELS[event.kind] ?? event.kind,
    when: frenchSpan(event.startsAt, event.endsAt, event.timezone),
    where: event.venue && event.format !== 'online' ? `${where.place}, ${event.venue.city}` : where.place,
    themes: event.themes.map(themeLabel),
    departments: event.departments.map((d) => `${departmentLabel(d)} (${d})`),
    availability: availabilityOf(event, now),
  };
}

/** A workshop's seats, as the programme and the form say them. */
export function workshopSeats(session: Pick<ProgrammeSessionDto, 'type' | 'seatsLeft'>): { full: boolean; label: string | null } {
  if (session.type !== 'workshop' || session.seatsLeft === null) return { full: false, label: null };
  return session.seatsLeft === 0 ? { full: true, label: 'Complet : liste d’attente' } : { full: false, label: placesLeft(session.seatsLeft) };
}

export function toProgrammeDays(programme: ProgrammeDto) {
  const tz = programme.event.timezone;
  return programme.days.map((day) => ({
    date: day.date,
    title: frenchLocalDate(day.date),
    slots: day.slots.map((slot) => ({
      time: `${frenchTime(slot.startsAt, tz)} – ${frenchTime(slot.endsAt, tz)}`,
      parallel: slot.sessions.length > 1,
      sessions: slot.sessions.map((s) => ({
        id: s.id,
        title: s.title,
        type: SESSION_TYPE_LABELS[s.type] ?? s.type,
        time: `${frenchTime(s.startsAt, tz)} – ${frenchTime(s.endsAt, tz)}`,
        description: s.description,
        room: s.room?.name ?? null,
        speakers: s.speakers.map((sp) => ({ name: sp.fullName, role: [sp.jobTitle, sp.organisation].filter(Boolean).join(', ') })),
        themes: s.themes.map(themeLabel),
        seats: workshopSeats(s),
        actions: s.actions.map((a) => ({ title: a.title, organisation: a.organisation, departments: a.departments.map(departmentLabel).join(', ') })),
      })),
    })),
  }));
}

export function toEventPage(event: EventResponseDto, programme: ProgrammeDto, actions: ActionResponseDto[], now: Date) {
  const where = whereOf(event);
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      kind: EVENT_KIND_LABELS[event.kind] ?? event.kind,
      format: EVENT_FORMAT_LABELS[event.format] ?? event.format,
      description: event.description,
      when: frenchSpan(event.startsAt, event.endsAt, event.timezone),
      place: where.place,
      address: where.address,
      online: event.format !== 'onsite',
      themes: event.themes.map(themeLabel),
      departments: event.departments.map((d) => `${departmentLabel(d)} (${d})`),
    },
    availability: availabilityOf(event, now),
    days: toProgrammeDays(programme),
    actions: actions.map((a) => ({
      title: a.title,
      summary: a.summary,
      organisation: a.organisation,
      organisationType: organisationTypeLabel(a.organisationType),
      departments: a.departments.map(departmentLabel).join(', '),
      themes: a.themes.map(themeLabel),
      url: a.url && /^https?:\/\//.test(a.url) ? a.url : null,
    })),
    links: {
      pdf: `/api/events/${event.id}/programme.pdf`,
      ics: `/api/events/${event.id}/programme.ics`,
      register: `/evenements/${event.slug}/inscription`,
      propose: `/evenements/${event.slug}/proposer-une-action`,
    },
  };
}
