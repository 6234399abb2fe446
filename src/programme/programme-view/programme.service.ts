import { Injectable } from '@nestjs/common';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { formatFrenchTime } from '../../common/time';
import { isUuid } from '../../common/uuid.pipe';
import { renderCalendar } from '../../documents/ics/calendar.renderer';
import type { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { visibleEvent } from '../event-access';
import { strongEtag } from './conditional-response';
import { CachedProgramme, ProgrammeCache } from './programme-cache';
import { ProgrammeMemory } from './programme-memory';
import { toProgramme } from './programme.mapper';
import { ProgrammeRepository, ProgrammeRow, ProgrammeState } from './programme.repository';

export interface RenderedProgramme {
  event: Event;
  body: Buffer;
  etag: string;
}

@Injectable()
export class ProgrammeService {
  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly events: EventsRepository,
    private readonly cache: ProgrammeCache,
    private readonly memory: ProgrammeMemory,
  ) {}

  /**
   * The programme as JSON. From memory, with no query, when this instance has it and heard of no
   * change since (ProgrammeMemory). Otherwise two small queries (the event; the programme's
   * revision and seats), plus one for every session at once when the programme changed since
   * this instance last read it. Never more, whatever the number of sessions.
   */
  async json(idOrSlug: string, organiser?: OrganiserPrincipal): Promise<RenderedProgramme> {
    const remembered = this.memory.find(idOrSlug);
    if (remembered?.json) return { event: visibleEvent(remembered.event, organiser), ...remembered.json };
    const since = this.memory.mark();
    const event = await this.findEvent(idOrSlug, organiser);
    const state = await this.programme.stateOf(event.id);
    const entry = await this.structure(event, state);
    const seatsKey = `${state.hasRegistrations}|${state.confirmedKey}`;
    if (entry.json?.seatsKey !== seatsKey) {
      const body = JSON.stringify(toProgramme(event, entry.rows, state));
      entry.json = { seatsKey, body: Buffer.from(body), etag: strongEtag(body) };
    }
    const rendering = { body: entry.json.body, etag: entry.json.etag };
    if (event.status !== 'draft') this.memory.keep(event, 'json', rendering, since);
    return { event, ...rendering };
  }

  /** The programme as an iCalendar file: one VEVENT per session, UID `<sessionId>@rencontres`. */
  async calendar(idOrSlug: string, organiser?: OrganiserPrincipal): Promise<RenderedProgramme> {
    const remembered = this.memory.find(idOrSlug);
    if (remembered?.ics) return { event: visibleEvent(remembered.event, organiser), ...remembered.ics };
    const since = this.memory.mark();
    const event = await this.findEvent(idOrSlug, organiser);
    const entry = await this.structure(event, await this.programme.stateOf(event.id));
    if (!entry.ics) {
      const body = renderCalendar({
        name: event.title,
        timezone: event.timezone,
        entries: entry.rows.map((row) => ({
          uid: `${row.id}@rencontres`,
          title: row.title,
          startsAt: row.startsAt,
          endsAt: row.endsAt,
          location: location(row, event),
          description: description(row, event),
          updatedAt: row.updatedAt,
        })),
      });
      entry.ics = { body: Buffer.from(body), etag: strongEtag(body) };
    }
    if (event.status !== 'draft') this.memory.keep(event, 'ics', entry.ics, since);
    return { event, ...entry.ics };
  }

  private async structure(event: Event, state: ProgrammeState): Promise<CachedProgramme> {
    const structureKey = `${state.revision ?? 0}|${event.updatedAt.getTime()}`;
    const cached = this.cache.find(event.id, structureKey);
    if (cached) return cached;
    // Read after the revision: these rows are at least as new as the key they are kept under.
    const entry: CachedProgramme = { structureKey, rows: await this.programme.programmeOf(event.id) };
    this.cache.keep(event.id, entry);
    return entry;
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
