import { notFound } from '../../common/domain-error';
import type { Event } from '../../events/event.entity';
import type { EventsRepository } from '../../events/events.repository';

/** Organisers see every event, drafts included; an unknown id is a 404. */
export async function requireEvent(events: EventsRepository, id: string): Promise<Event> {
  const event = await events.findById(id);
  if (!event) throw notFound('Event', 'Événement introuvable.');
  return event;
}
