import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { ProgrammeDto } from '../programme/programme-view/programme.dto';
import { ProgrammeService } from '../programme/programme-view/programme.service';

/**
 * How old the programme behind a form's answer may be. A form's POST only names the event and
 * words the chosen workshops with it; the registration itself is decided by RegisterService on the
 * current rows, and a refused one is shown again from a fresh read. Every registration with
 * workshops changes the programme's seats, so without this each POST would render and parse the
 * whole programme again.
 */
export const RECENT_PROGRAMME_MS = 1_000;
const MAX_EVENTS = 200;

/**
 * The programme as the API answers it (ProgrammeService.json, with its own cache), parsed once per
 * version: the event page is read far more often than the programme changes.
 */
@Injectable()
export class ProgrammeReader {
  private readonly parsed = new Map<string, { etag: string; programme: ProgrammeDto }>();
  private readonly recent = new Map<string, { readAt: number; programme: ProgrammeDto }>();

  constructor(
    private readonly programmes: ProgrammeService,
    private readonly clock: Clock,
  ) {}

  async read(idOrSlug: string): Promise<ProgrammeDto> {
    return (await this.readVersion(idOrSlug)).programme;
  }

  /** The programme as it was at most RECENT_PROGRAMME_MS ago: for what a form's POST words, never for seats shown. */
  async readRecent(idOrSlug: string): Promise<ProgrammeDto> {
    const now = this.clock.now().getTime();
    const kept = this.recent.get(idOrSlug);
    if (kept && Math.abs(now - kept.readAt) < RECENT_PROGRAMME_MS) return kept.programme;
    const programme = await this.read(idOrSlug);
    this.recent.delete(idOrSlug);
    if (this.recent.size >= MAX_EVENTS) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(idOrSlug, { readAt: now, programme });
    return programme;
  }

  /** The programme with its ETag (which changes with the programme and its workshops' seats). The body may be a string or a Buffer. */
  async readVersion(idOrSlug: string): Promise<{ programme: ProgrammeDto; etag: string }> {
    const rendered = await this.programmes.json(idOrSlug);
    const cached = this.parsed.get(rendered.event.id);
    if (cached?.etag === rendered.etag) return cached;
    const entry = { etag: rendered.etag, programme: JSON.parse(rendered.body.toString()) as ProgrammeDto };
    if (this.parsed.size > MAX_EVENTS) this.parsed.clear();
    this.parsed.set(rendered.event.id, entry);
    return entry;
  }
}
