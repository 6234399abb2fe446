import { Injectable } from '@nestjs/common';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { formatFrenchTime } from '../../common/time';
import { isUuid } from '../../common/uuid.pipe';
import { renderCalendar } from '../../documents/ics/calendar.renderer';
import type { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { visibleEvent } from '../event-access';
import { ProgrammeDto } from './programme.dto';
import { toProgramme } from './programme.mapper';
import { ProgrammeRepository, ProgrammeRow } from './programme.repository';

@Injectable()
export class ProgrammeService {
  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly events: EventsRepository,
  ) {}

  /** Two queries whatever the programme's size: the event, then every session with what it shows. */
  async get(idOrSlug: string, organiser?: OrganiserPrincipal): Promise<{ event: Event; programme: ProgrammeDto }> {
    const event = await this.findEvent(idOrSlug, organiser);
    return { event, programme: toProgramme(event, await this.programme.programmeOf(event.id)) };
  }

  /** The programme as an iCalendar file: one VEVENT per session, UID `<sessionId>@rencontres`. */
  async calendar(idOrSlug: string, organiser?: OrganiserPrincipal): Promise<{ event: Event; ics: string }> {
    const event = await this.findEvent(idOrSlug, organiser);
    const rows = await this.programme.programmeOf(event.id);
    const ics = renderCalendar({
      name: event.title,
      timezone: event.timezone,
      entries: rows.map((row) => ({
        uid: `${row.id}@rencontres`,
        title: row.title,
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        location: location(row, event),
        description: description(row, event),
        updatedAt: row.updatedAt,
      })),
    });
    return { event, ics };
  }

  private async findEvent(idOrSlug: string, organiser?: OrganiserPrincipal): Promise<Event> {
    const event = isUuid(idOrSlug) ? await this.events.findById(idOrSlug.toLowerCase()) : await this.events.findBySlug(idOrSlug);
    return visibleEvent(event, organiser);
  }
}

function location(row: ProgrammeRow, event: Event): string | null {
  const venue = event.venue ? `${event.venue.name}, ${event.venue.address}, ${event.venue.postalCode} ${event.venue.city}` : null;
  const parts = [row.room?.name, venue ?? (event.format === 'online' ? 'En ligne' : null)].filter(Boolean);
  return parts.length ? parts.join(' — ') : null;
}

function description(row: ProgrammeRow, event: Event): string | null {
  const lines: string[] = [];
  if (row.description) lines.push(row.description);
  if (row.speakers.length) {
    const who = row.speakers.map((s) => [s.fullName, [s.jobTitle, s.organisation].filter(Boolean).join(', ')].filter(Boolean).join(' — '));
    lines.push(`Intervenants : ${who.join(' ; ')}`);
  }
  if (row.actions.length) lines.push(`Actions remarquables : ${row.actions.map((a) => `${a.title} (${a.organisation})`).join(' ; ')}`);
  lines.push(`${event.title}, ${formatFrenchTime(row.startsAt, event.timezone)} – ${formatFrenchTime(row.endsAt, event.timezone)}`);
  return lines.join('\n');
}
