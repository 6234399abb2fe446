import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { isUuid } from '../../common/uuid.pipe';
import { RenderPool } from '../../documents/render/render-pool';
import type { Event } from '../../events/event.entity';
import { EventsRepository } from '../../events/events.repository';
import { visibleEvent } from '../event-access';
import { PresentedAction, toProgrammePdfView } from './programme-pdf.mapper';
import { ProgrammeRepository } from './programme.repository';

export interface ProgrammePdf {
  event: Event;
  body: Buffer;
  etag: string;
}

const MAX_EVENTS = 50;

/**
 * The printed programme, rendered once per programme revision and event version on each instance
 * (the revision is read from the database on every request, as for the JSON programme), so that a
 * conference morning of downloads renders it once.
 */
@Injectable()
export class ProgrammePdfService {
  private readonly cache = new Map<string, { key: string; pdf: Promise<{ body: Buffer; etag: string }> }>();

  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly events: EventsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pool: RenderPool,
  ) {}

  async pdf(idOrSlug: string, organiser?: OrganiserPrincipal): Promise<ProgrammePdf> {
    const found = isUuid(idOrSlug) ? await this.events.findById(idOrSlug.toLowerCase()) : await this.events.findBySlug(idOrSlug);
    const event = visibleEvent(found, organiser);
    const state = await this.programme.stateOf(event.id);
    const key = `${state.revision ?? 0}|${event.updatedAt.getTime()}|${event.status}`;
    let entry = this.cache.get(event.id);
    if (entry?.key !== key) {
      entry = { key, pdf: this.render(event) };
      this.keep(event.id, entry);
      entry.pdf.catch(() => this.cache.get(event.id) === entry && this.cache.delete(event.id));
    }
    return { event, ...(await entry.pdf) };
  }

  private async render(event: Event): Promise<{ body: Buffer; etag: string }> {
    // Read after the revision: these rows are at least as new as the key they are kept under.
    const [rows, actions] = await Promise.all([this.programme.programmeOf(event.id), this.presentedActions(event.id)]);
    const body = await this.pool.render('programme', toProgrammePdfView(event, rows, actions), event.updatedAt);
    return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
  }

  /** Selected actions of the event, public fields only (no contact email). */
  private presentedActions(eventId: string): Promise<PresentedAction[]> {
    return this.dataSource.query(
      `SELECT title, summary, organisation, organisation_type AS "organisationType", departments, themes, contact_name AS "contactName", url
       FROM highlighted_action WHERE event_id = $1 AND status = 'selected' ORDER BY title, id`,
      [eventId],
    );
  }

  private keep(eventId: string, entry: { key: string; pdf: Promise<{ body: Buffer; etag: string }> }): void {
    this.cache.delete(eventId);
    if (this.cache.size >= MAX_EVENTS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(eventId, entry);
  }
}
