import { Injectable } from '@nestjs/common';
import { gzipSync } from 'node:zlib';
import { ActionQueryDto } from '../actions/dto/action-input.dto';
import { ActionsService } from '../actions/actions.service';
import { Clock } from '../common/clock';
import { EventsService } from '../events/events.service';
import { strongEtag } from '../programme/programme-view/conditional-response';
import { ProgrammeMemory } from '../programme/programme-view/programme-memory';
import { validateAs } from './dto-validation';
import { availabilityOf, toEventPage } from './event-view';
import { PageRenderer } from './page-renderer';
import { ProgrammeReader } from './programme-reader';

/**
 * How long the event page is sent again without reading the event. Only the event's own seats left
 * ("places restantes", which no notification announces) and the wording of now ("inscriptions
 * closes") can be that much behind: live enough for a page people read, while the registration
 * itself decides on the seat in its transaction. Everything else the page shows (the event's
 * fields, the programme, the workshops' seats, the highlighted actions) drops it at once, on every
 * instance, through ProgrammeMemory's `programme_changed` notifications.
 */
export const EVENT_PAGE_FRESH_MS = 1_000;
const MAX_PAGES = 200;

export interface RenderedEventPage {
  body: Buffer;
  etag: string;
  /** The same page gzipped, compressed once per version (28 KiB of HTML for the demo conference, 4 KiB gzipped). */
  gzipped: Buffer;
}

interface KeptPage extends RenderedEventPage {
  eventId: string;
  /** ProgrammeMemory's mark taken before the reads it was built from. */
  since: number;
  /** When those reads were made (the injected clock). */
  readAt: number;
  /** What it shows, to render it again only when that changed. */
  key: string;
}

/** A read under way, shared by the requests that arrive meanwhile. */
interface Reading {
  since: number;
  /** The event it is for, when a previous read told it (a first read of a slug is shared as it is). */
  eventId?: string;
  page: Promise<KeptPage>;
}

/** The event page, the same for everyone: from memory while nothing it shows has changed. */
@Injectable()
export class EventPage {
  private readonly kept = new Map<string, KeptPage>();
  private readonly reading = new Map<string, Reading>();
  /** The public list's query, validated once (the same for every request). */
  private allActions?: Promise<ActionQueryDto>;

  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly programmes: ProgrammeReader,
    private readonly actions: ActionsService,
    private readonly memory: ProgrammeMemory,
    private readonly clock: Clock,
  ) {}

  async render(slug: string): Promise<RenderedEventPage> {
    const now = this.clock.now();
    const kept = this.kept.get(slug);
    if (kept && Math.abs(now.getTime() - kept.readAt) < EVENT_PAGE_FRESH_MS && this.memory.isCurrent(kept.eventId, kept.since)) return kept;
    // Requests arriving together share one read, unless a change was heard since it began.
    const reading = this.reading.get(slug);
    if (reading && (reading.eventId === undefined || this.memory.isCurrent(reading.eventId, reading.since))) return reading.page;
    const since = this.memory.mark();
    const entry: Reading = { since, eventId: kept?.eventId, page: this.read(slug, kept, since, now) };
    this.reading.set(slug, entry);
    try {
      return await entry.page;
    } finally {
      if (this.reading.get(slug) === entry) this.reading.delete(slug);
    }
  }

  private async read(slug: string, kept: KeptPage | undefined, since: number, now: Date): Promise<KeptPage> {
    // The event (with its seats) and the programme are read together; the actions need the event's id.
    const [event, { programme, etag }] = await Promise.all([this.events.get(slug), this.programmes.readVersion(slug)]);
    const actions = await this.actions.list(event.id, await (this.allActions ??= validateAs(ActionQueryDto, { limit: '500' })));
    const key = `${etag}|${JSON.stringify(event)}|${JSON.stringify(actions.items)}|${availabilityOf(event, now).sentence}`;
    let page: KeptPage;
    if (kept?.eventId === event.id && kept.key === key) {
      page = { ...kept, since, readAt: now.getTime() };
    } else {
      const html = this.pages.views.render('event', { title: event.title }, toEventPage(event, programme, actions.items, now));
      const body = Buffer.from(html);
      page = { eventId: event.id, since, readAt: now.getTime(), key, body, etag: strongEtag(html), gzipped: gzipSync(body) };
    }
    this.kept.delete(slug);
    if (this.kept.size >= MAX_PAGES) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(slug, page);
    return page;
  }
}
