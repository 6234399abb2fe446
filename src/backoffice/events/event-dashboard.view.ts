import type { EventStatsDto } from '../../registrations/admin/dto/event-stats.dto';
import type { EventResponseDto } from '../../events/dto/event-response.dto';
import { EVENT_KIND_LABELS, label } from '../../reference/labels';
import { frenchSpan } from '../../pages/french';

export const EVENT_STATUS_LABELS: Record<string, { label: string; badge: string }> = {
  draft: { label: 'Brouillon', badge: 'fr-badge--info' },
  published: { label: 'Publié', badge: 'fr-badge--success' },
  cancelled: { label: 'Annulé', badge: 'fr-badge--error' },
};

export interface DashboardRow {
  id: string;
  title: string;
  kind: string;
  status: { label: string; badge: string };
  when: string;
  seats: string;
  waitlist: number;
  checkIns: string;
  slug: string;
  published: boolean;
}

/** One row of the dashboard: the event's own answer and its figures, in words. */
export function dashboardRow(event: EventResponseDto, stats: Pick<EventStatsDto, 'checkIn'>): DashboardRow {
  const online = event.online;
  const seats = `${event.seatsTaken} / ${event.capacity ?? '∞'}${online ? ` (en ligne : ${online.seatsTaken} / ${event.onlineCapacity ?? '∞'})` : ''}`;
  return {
    id: event.id,
    title: event.title,
    kind: label(EVENT_KIND_LABELS, event.kind),
    status: EVENT_STATUS_LABELS[event.status] ?? { label: event.status, badge: '' },
    when: frenchSpan(event.startsAt, event.endsAt, event.timezone),
    seats,
    waitlist: event.waitlistLength + (online?.waitlistLength ?? 0),
    checkIns: `${stats.checkIn.checkedIn} / ${stats.checkIn.expected}`,
    slug: event.slug,
    published: event.status === 'published',
  };
}

/** A sample for the renderer's tests and screenshots. */
export const SAMPLE_DASHBOARD_ROW: DashboardRow = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Rencontre régionale 2027',
  kind: 'Rencontre régionale',
  status: EVENT_STATUS_LABELS.published,
  when: 'jeudi 11 mars 2027, de 9 h 00 à 17 h 00',
  seats: '120 / 300',
  waitlist: 0,
  checkIns: '0 / 120',
  slug: 'rencontre-regionale-2027',
  published: true,
};
