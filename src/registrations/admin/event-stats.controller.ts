import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidPipe } from '../../common/uuid.pipe';
import { EventStatsDto } from './dto/event-stats.dto';
import { EventStatsService } from './event-stats.service';
import { OrganiserOnly } from '../../auth/organiser-only.decorator';

@ApiTags('registrations (organisers)')
@OrganiserOnly()
@Controller('api/events/:id/stats')
export class EventStatsController {
  constructor(private readonly stats: EventStatsService) {}

  @Get()
  @ApiOperation({
    summary: 'The event’s figures: registrations by status, mode, organisation type, département, workshop theme; fill rates; check-in rate',
  })
  @ApiOkResponse({ type: EventStatsDto })
  @ApiNotFoundResponse({ description: 'Unknown event' })
  forEvent(@Param('id', new UuidPipe('Event')) id: string): Promise<EventStatsDto> {
    return this.stats.forEvent(id);
  }
}
