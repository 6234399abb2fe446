import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { OrganiserOnly } from '../../auth/organiser-only.decorator';
import { UuidPipe } from '../../common/uuid.pipe';
import { EventReportService } from './event-report.service';

@ApiTags('registrations (organisers)')
@OrganiserOnly()
@Controller('api/events/:id/report.pdf')
export class EventReportController {
  constructor(private readonly reports: EventReportService) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary:
      'The event’s bilan (PDF): the figures of `/stats` — key figures, organisation types, départements (Occitanie first), themes, workshop fill rates, check-in rate — as bar charts with their figures',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf', schema: { type: 'string', format: 'binary' } })
  @ApiUnauthorizedResponse({ description: 'Not signed in as an organiser' })
  @ApiNotFoundResponse({ description: 'Unknown event' })
  async report(@Param('id', new UuidPipe('Event')) id: string): Promise<StreamableFile> {
    const { pdf, filename } = await this.reports.report(id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${filename}"` });
  }
}
