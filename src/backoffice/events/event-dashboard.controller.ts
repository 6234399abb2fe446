import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EventsService } from '../../events/events.service';
import { EventStatsService } from '../../registrations/admin/event-stats.service';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage, currentOrganiser } from '../backoffice.guard';
import { dashboardRow } from './event-dashboard.view';

/**
 * `/gestion`: every event (EventsService's order, soonest first), with its seats, waiting list and
 * check-ins (EventStatsService, one call per event: fine for the tens of events a year the
 * commissioner runs).
 */
@BackofficePage()
@Controller('gestion')
export class EventDashboardController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly events: EventsService,
    private readonly stats: EventStatsService,
  ) {}

  @Get()
  async dashboard(@Req() req: Request, @Res() res: Response): Promise<void> {
    const organiser = currentOrganiser(req).organiser;
    const { items, total } = await this.events.list({ status: 'all', limit: 500, offset: 0 }, organiser);
    const rows = await Promise.all(items.map(async (e) => dashboardRow(e, await this.stats.forEvent(e.id))));
    this.pages.send(req, res, 'gestion/dashboard', { title: 'Événements', home: true, section: 'events' }, { rows, total, more: total > items.length });
  }
}
