import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RenderPool } from '../../documents/render/render-pool';
import { EventsRepository } from '../../events/events.repository';
import type { RenderedDocument } from '../documents/event-documents.service';
import { organiserNameOf } from '../documents/registration-documents.service';
import { toReportView } from './event-report.view';
import { EventStatsService } from './event-stats.service';
import { requireEvent } from './require-event';

/** The event's bilan for the commissioner: the figures of `/stats`, as charts on printable pages. */
@Injectable()
export class EventReportService {
  constructor(
    private readonly events: EventsRepository,
    private readonly stats: EventStatsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pool: RenderPool,
  ) {}

  async report(eventId: string): Promise<RenderedDocument> {
    const event = await requireEvent(this.events, eventId);
    const stats = await this.stats.forEvent(event.id);
    const now = this.clock.now();
    const pdf = await this.pool.render('report', toReportView(event, stats, organiserNameOf(this.config), now), now);
    return { event, pdf: Readable.from([pdf]), filename: `bilan-${event.slug}.pdf` };
  }
}
