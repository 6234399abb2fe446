import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { UuidPipe } from '../../common/uuid.pipe';
import { EventsRepository } from '../../events/events.repository';
import { EventReportService } from '../../registrations/admin/event-report.service';
import { keyFigures, statsCharts } from '../../registrations/admin/event-report.view';
import { EventStatsService } from '../../registrations/admin/event-stats.service';
import { requireEvent } from '../../registrations/admin/require-event';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage } from '../backoffice.guard';
import { eventOfficeFrame } from '../event-office-frame';
import { barChartSvg } from './bar-chart';

const eventId = new UuidPipe('Event');

/** `/gestion/evenements/{id}/chiffres`: the figures of `/stats` as bar charts, each with its data table, and the bilan PDF. */
@BackofficePage()
@Controller('gestion/evenements/:id/chiffres')
export class FiguresController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly events: EventsRepository,
    private readonly stats: EventStatsService,
    private readonly reports: EventReportService,
  ) {}

  @Get()
  async page(@Param('id', eventId) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const event = await requireEvent(this.events, id);
    const stats = await this.stats.forEvent(event.id);
    const charts = statsCharts(stats).map((chart) => ({ ...chart, svg: barChartSvg(chart) }));
    this.pages.send(req, res, 'gestion/figures', eventOfficeFrame(event, 'Chiffres'), { event: { id: event.id, title: event.title }, keyFigures: keyFigures(stats), charts });
  }

  @Get('bilan.pdf')
  async report(@Param('id', eventId) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { pdf, filename } = await this.reports.report(id);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${filename}"` });
  }
}
