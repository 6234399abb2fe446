import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { UuidPipe } from '../../common/uuid.pipe';
import { EventsRepository } from '../../events/events.repository';
import { requireEvent } from '../../registrations/admin/require-event';
import { BackofficePages } from '../backoffice-pages';
import { BackofficePage } from '../backoffice.guard';
import { eventOfficeFrame } from '../event-office-frame';
import { CheckInAnswer } from './check-in-answer';
import { CheckInDeskService, DeskAnswer, DeskMatch, looksLikeCheckInCode, ratherAName } from './check-in-desk.service';

const eventId = new UuidPipe('Event');
const text = (value: unknown, max = 200) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

interface DeskModel {
  eventId: string;
  q?: string;
  answer?: CheckInAnswer;
  matches?: DeskMatch[];
  arrivals: DeskAnswer['arrivals'];
}

/**
 * `/gestion/evenements/{id}/accueil`: the welcome desk on a phone. The camera's scans post to
 * `/accueil/scan` (JSON, for the page's script); without a camera or JavaScript, the form takes a
 * name (a search, each result with its check-in button) or a badge's code.
 */
@BackofficePage()
@Controller('gestion/evenements/:id/accueil')
export class CheckInDeskController {
  constructor(
    private readonly pages: BackofficePages,
    private readonly desk: CheckInDeskService,
    private readonly events: EventsRepository,
  ) {}

  @Get()
  async page(@Param('id', eventId) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.render(req, res, id, { eventId: id, arrivals: await this.desk.arrivals(id) });
  }

  @Post()
  async form(@Param('id', eventId) id: string, @Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const code = text(body.code, 64);
    const q = text(body.q);
    if (code || looksLikeCheckInCode(q)) {
      const scanned = await this.desk.scan(id, code || q);
      if (code || !ratherAName(q, scanned)) return this.render(req, res, id, { eventId: id, answer: scanned.answer, arrivals: scanned.arrivals });
    }
    const matches = q ? await this.desk.search(id, q) : [];
    await this.render(req, res, id, { eventId: id, q, matches, arrivals: await this.desk.arrivals(id) });
  }

  /** The camera's scan: the answer as JSON for the page's script (same session and form token as the form). */
  @Post('scan')
  @HttpCode(200)
  async scan(@Param('id', eventId) id: string, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const result = await this.desk.scan(id, text(body.code, 64) || '-');
    res.setHeader('Cache-Control', 'no-store');
    res.json(result);
  }

  private async render(req: Request, res: Response, id: string, model: DeskModel): Promise<void> {
    const event = await requireEvent(this.events, id);
    this.pages.send(
      req,
      res,
      'gestion/check-in',
      { ...eventOfficeFrame(event, 'Accueil'), scripts: ['/gestion/ressources/jsqr.js', '/assets/gestion-accueil.js'] },
      {
        ...model,
        event: { id: event.id, title: event.title },
        searched: model.matches !== undefined,
        arrivalsText: `${model.arrivals.checkedIn} arrivée${model.arrivals.checkedIn > 1 ? 's' : ''} sur ${model.arrivals.expected} attendue${model.arrivals.expected > 1 ? 's' : ''}`,
      },
    );
  }
}
