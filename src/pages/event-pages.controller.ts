import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ActionsService } from '../actions/actions.service';
import { Clock } from '../common/clock';
import { EventsService } from '../events/events.service';
import { validateAs } from './dto-validation';
import { ActionQueryDto } from '../actions/dto/action-input.dto';
import { availabilityOf, toEventPage } from './event-view';
import { PageRenderer } from './page-renderer';
import { ProgrammeReader } from './programme-reader';

/** One event: practical information, the programme day by day, the highlighted actions. */
@ApiExcludeController()
@Controller('evenements')
export class EventPagesController {
  private readonly rendered = new Map<string, { key: string; html: string }>();
  /** The public list's query, validated once (the same for every request). */
  private allActions?: Promise<ActionQueryDto>;

  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly programmes: ProgrammeReader,
    private readonly actions: ActionsService,
    private readonly clock: Clock,
  ) {}

  @Get(':slug')
  async event(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    // The event (with its seats) and the programme are read together; the actions need the event's id.
    const [event, { programme, etag }] = await Promise.all([this.events.get(slug), this.programmes.readVersion(slug)]);
    const actions = await this.actions.list(event.id, await (this.allActions ??= validateAs(ActionQueryDto, { limit: '500' })));
    const now = this.clock.now();
    // The page is the same for everyone: rendered again only when something it shows has changed
    // (the event and its seats, the programme and its workshops' seats, the actions, the wording of now).
    const key = `${etag}|${JSON.stringify(event)}|${JSON.stringify(actions.items)}|${availabilityOf(event, now).sentence}`;
    const cached = this.rendered.get(event.id);
    if (cached?.key === key) return this.pages.sendHtml(res, cached.html);
    const html = this.pages.views.render('event', { title: event.title }, toEventPage(event, programme, actions.items, now));
    if (this.rendered.size > 200) this.rendered.clear();
    this.rendered.set(event.id, { key, html });
    this.pages.sendHtml(res, html);
  }
}
