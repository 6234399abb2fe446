import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { OrganiserGuard } from '../../auth/organiser.guard';
import { UuidPipe } from '../../common/uuid.pipe';
import { EventStatsDto } from './dto/event-stats.dto';
import { EventStatsService } from './event-stats.service';

@ApiTags('registrations (organisers)')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or invalid organiser token' })
@UseGuards(OrganiserGuard)
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
