import { Injectable } from '@nestjs/common';
import type { ProgrammeDto } from '../programme/programme-view/programme.dto';
import { ProgrammeService } from '../programme/programme-view/programme.service';

/**
 * The programme as the API answers it (ProgrammeService.json, with its own cache), parsed once per
 * version: the event page is read far more often than the programme changes.
 */
@Injectable()
export class ProgrammeReader {
  private readonly parsed = new Map<string, { etag: string; programme: ProgrammeDto }>();

  constructor(private readonly programmes: ProgrammeService) {}

  async read(idOrSlug: string): Promise<ProgrammeDto> {
    return (await this.readVersion(idOrSlug)).programme;
  }

  /** The programme with its ETag (which changes with the programme and its workshops' seats). The body may be a string or a Buffer. */
  async readVersion(idOrSlug: string): Promise<{ programme: ProgrammeDto; etag: string }> {
    const rendered = await this.programmes.json(idOrSlug);
    const cached = this.parsed.get(rendered.event.id);
    if (cached?.etag === rendered.etag) return cached;
    const entry = { etag: rendered.etag, programme: JSON.parse(rendered.body.toString()) as ProgrammeDto };
    if (this.parsed.size > 200) this.parsed.clear();
    this.parsed.set(rendered.event.id, entry);
    return entry;
  }
}
