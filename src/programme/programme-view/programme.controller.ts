import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_ID_OR_SLUG } from '../../events/dto/event-id-or-slug';
import type { Request, Response } from 'express';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { CurrentOrganiser } from '../../auth/organiser.guard';
import { UuidPipe } from '../../common/uuid.pipe';
import { ProgrammeChecksDto } from '../checks/programme-checks.dto';
import { ProgrammeChecksService } from '../checks/programme-checks.service';
import { sendCacheable } from './conditional-response';
import { ProgrammeDto } from './programme.dto';
import { ProgrammeService } from './programme.service';
import { OrganiserOnly, OrganiserOptional } from '../../auth/organiser-only.decorator';

const IF_NONE_MATCH = { name: 'If-None-Match', required: false, description: 'The ETag of a copy you hold: 304 when unchanged' };

@ApiTags('programme')
@Controller('api/events')
export class ProgrammeController {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly checks: ProgrammeChecksService,
  ) {}

  @Get(':id/programme')
  @ApiParam(EVENT_ID_OR_SLUG)
  @OrganiserOptional()
  @ApiOperation({
    summary: 'The programme: days (event timezone) → slots of parallel sessions → sessions with room, speakers, actions, seats left',
    description: 'Public for published and cancelled events; drafts for organisers only. Sent with a strong ETag.',
  })
  @ApiHeader(IF_NONE_MATCH)
  @ApiOkResponse({ type: ProgrammeDto })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiNotFoundResponse({ description: 'Unknown event, or a draft seen without organiser token' })
  async get(@Param('id') idOrSlug: string, @Req() req: Request, @Res() res: Response, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<void> {
    const rendered = await this.programme.json(idOrSlug, organiser);
    sendCacheable(req, res, rendered, 'application/json; charset=utf-8', rendered.event.status !== 'draft');
  }

  @Get(':id/programme.ics')
  @ApiParam(EVENT_ID_OR_SLUG)
  @OrganiserOptional()
  @ApiOperation({
    summary: 'The programme as an iCalendar file (RFC 5545): one VEVENT per session, stable UIDs',
    description: 'Subscribe to it or import it: a moved session updates in place (UID `<sessionId>@rencontres`).',
  })
  @ApiHeader(IF_NONE_MATCH)
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar; charset=utf-8, as an attachment `<slug>.ics`', schema: { type: 'string' } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiNotFoundResponse({ description: 'Unknown event, or a draft seen without organiser token' })
  async calendar(@Param('id') idOrSlug: string, @Req() req: Request, @Res() res: Response, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<void> {
    const rendered = await this.programme.calendar(idOrSlug, organiser);
    sendCacheable(req, res, rendered, 'text/calendar; charset=utf-8', rendered.event.status !== 'draft', {
      'Content-Disposition': `attachment; filename="${rendered.event.slug}.ics"`,
    });
  }

  @Get(':id/conflicts')
  @OrganiserOnly()
  @ApiOperation({ summary: 'What would be a problem to print: sessions without room, idle speakers, workshops over their room’s capacity' })
  @ApiOkResponse({ type: ProgrammeChecksDto })
  @ApiNotFoundResponse()
  conflicts(@Param('id', new UuidPipe('Event')) id: string): Promise<ProgrammeChecksDto> {
    return this.checks.check(id);
  }
}
