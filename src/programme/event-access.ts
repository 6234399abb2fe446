import type { OrganiserPrincipal } from '../auth/auth.service';
import { conflict, notFound } from '../common/domain-error';
import type { Event } from '../events/event.entity';

/** The event behind a programme URL: unknown ids are 404, and so are drafts for the public. */
export function visibleEvent(event: Event | null, organiser?: OrganiserPrincipal): Event {
  if (!event || (event.status === 'draft' && !organiser)) throw notFound('Event', 'Événement introuvable.');
  return event;
}

export function existingEvent(event: Event | null): Event {
  if (!event) throw notFound('Event', 'Événement introuvable.');
  return event;
}

/** An event whose programme may still change: not a cancelled one (its registrants were told). */
export function editableEvent(event: Event | null): Event {
  const found = existingEvent(event);
  if (found.status === 'cancelled') {
    throw conflict('event-cancelled', 'Cet événement est annulé : son programme ne peut plus être modifié.');
  }
  return found;
}
