import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EventPage } from './event-page';
import { PageRenderer } from './page-renderer';

/** One event: practical information, the programme day by day, the highlighted actions. */
@ApiExcludeController()
@Controller('evenements')
export class EventPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly eventPage: EventPage,
  ) {}

  @Get(':slug')
  async event(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const page = await this.eventPage.render(slug);
    this.pages.sendHtml(res, page.body, { etag: page.etag, gzipped: page.gzipped, acceptsGzip: req.acceptsEncodings('gzip') === 'gzip' });
  }
}
