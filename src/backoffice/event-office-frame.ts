import type { Event } from '../events/event.entity';
import type { PageFrame } from '../pages/page-views';

/** The frame of an event's back-office page: its title, and the breadcrumb back to the event. */
export function eventOfficeFrame(event: Pick<Event, 'id' | 'title'>, title: string): PageFrame & { section: 'events' } {
  return { title: `${title} — ${event.title}`, breadcrumb: [{ label: event.title, href: `/gestion/evenements/${event.id}` }], section: 'events' };
}
