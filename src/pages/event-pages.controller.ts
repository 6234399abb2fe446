import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ActionsService } from '../actions/actions.service';
import { Clock } from '../common/clock';
import { EventsService } from '../events/events.service';
import { validateAs } from './dto-validation';
import { ActionQueryDto } from '../actions/dto/action-input.dto';
import { toEventPage } from './event-view';
import { PageRenderer } from './page-renderer';
import { ProgrammeReader } from './programme-reader';

/** One event: practical information, the programme day by day, the highlighted actions. */
@ApiExcludeController()
@Controller('evenements')
export class EventPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly events: EventsService,
    private readonly programmes: ProgrammeReader,
    private readonly actions: ActionsService,
    private readonly clock: Clock,
  ) {}

  @Get(':slug')
  async event(@Param('slug') slug: string, @Res() res: Response): Promise<void> {
    const event = await this.events.get(slug);
    const [programme, actions] = await Promise.all([
      this.programmes.read(event.id),
      this.actions.list(event.id, await validateAs(ActionQueryDto, { limit: '500' })),
    ]);
    const view = toEventPage(event, programme, actions.items, this.clock.now());
    this.pages.send(res, 'event', { title: event.title }, view);
  }
}
