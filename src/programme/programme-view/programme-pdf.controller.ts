import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_ID_OR_SLUG } from '../../events/dto/event-id-or-slug';
import type { Request, Response } from 'express';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { OrganiserOptional } from '../../auth/organiser-only.decorator';
import { CurrentOrganiser } from '../../auth/organiser.guard';
import { matchesIfNoneMatch } from './conditional-response';
import { ProgrammePdfService } from './programme-pdf.service';

@ApiTags('programme')
@Controller('api/events')
export class ProgrammePdfController {
  constructor(private readonly programme: ProgrammePdfService) {}

  @Get(':id/programme.pdf')
  @ApiParam(EVENT_ID_OR_SLUG)
  @OrganiserOptional()
  @ApiOperation({
    summary: 'The printable programme (PDF): cover, days slot by slot, highlighted actions, badge colour key, page numbers',
    description: 'Public for published and cancelled events; drafts for organisers only. Rendered once per programme revision; strong ETag.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a copy you hold: 304 when unchanged' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf, `programme-<slug>.pdf`', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'Not modified (If-None-Match matched the ETag)' })
  @ApiNotFoundResponse({ description: 'Unknown event, or a draft seen without organiser token' })
  async pdf(@Param('id') idOrSlug: string, @Req() req: Request, @Res() res: Response, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<void> {
    const { event, body, etag } = await this.programme.pdf(idOrSlug, organiser);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', event.status !== 'draft' ? 'public, no-cache' : 'private, no-cache');
    res.setHeader('Vary', 'Authorization');
    if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Disposition', `inline; filename="programme-${event.slug}.pdf"`);
    res.status(200).type('application/pdf').send(body);
  }
}
