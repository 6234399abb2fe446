import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { EVENT_ID_OR_SLUG } from './dto/event-id-or-slug';
import type { OrganiserPrincipal } from '../auth/auth.service';
import { CurrentOrganiser } from '../auth/organiser.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { CancelEventDto, CreateEventDto, UpdateEventDto } from './dto/event-input.dto';
import { EventQueryDto } from './dto/event-query.dto';
import { EventPageDto, EventResponseDto } from './dto/event-response.dto';
import { EventsService } from './events.service';
import { OrganiserOnly, OrganiserOptional } from '../auth/organiser-only.decorator';

const eventId = new UuidPipe('Event');

@ApiTags('events')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @OrganiserOnly()
  @ApiOperation({ summary: 'Create an event (draft)' })
  @ApiCreatedResponse({ type: EventResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'A rule is broken: dates, venue, online URL, capacity, codes' })
  create(@Body() body: CreateEventDto): Promise<EventResponseDto> {
    return this.events.create(body);
  }

  @Get()
  @OrganiserOptional()
  @ApiOperation({ summary: 'Published events still to come, soonest first; organisers may filter by status' })
  @ApiOkResponse({ type: EventPageDto })
  list(@Query() query: EventQueryDto, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<EventPageDto> {
    return this.events.list(query, organiser);
  }

  @Get(':id')
  @ApiParam(EVENT_ID_OR_SLUG)
  @OrganiserOptional()
  @ApiOperation({ summary: 'One event by id or slug (drafts: organisers only)' })
  @ApiOkResponse({ type: EventResponseDto })
  @ApiNotFoundResponse()
  get(@Param('id') idOrSlug: string, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<EventResponseDto> {
    return this.events.get(idOrSlug, organiser);
  }

  @Patch(':id')
  @OrganiserOnly()
  @ApiOperation({ summary: 'Change an event; the result is checked against every rule' })
  @ApiOkResponse({ type: EventResponseDto })
  @ApiConflictResponse({ description: 'The event is cancelled' })
  update(@Param('id', eventId) id: string, @Body() body: UpdateEventDto): Promise<EventResponseDto> {
    return this.events.update(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @OrganiserOnly()
  @ApiOperation({ summary: 'Delete a draft (published events are cancelled instead)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Not a draft' })
  async remove(@Param('id', eventId) id: string): Promise<void> {
    await this.events.remove(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @OrganiserOnly()
  @ApiOperation({ summary: 'Publish a draft: it becomes public and registration opens in its window' })
  @ApiOkResponse({ type: EventResponseDto })
  @ApiConflictResponse({ description: 'Already published or cancelled' })
  publish(@Param('id', eventId) id: string): Promise<EventResponseDto> {
    return this.events.publish(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @OrganiserOnly()
  @ApiOperation({ summary: 'Cancel an event; every active registrant is told once' })
  @ApiOkResponse({ type: EventResponseDto })
  @ApiConflictResponse({ description: 'Already cancelled' })
  cancel(@Param('id', eventId) id: string, @Body() body: CancelEventDto): Promise<EventResponseDto> {
    return this.events.cancel(id, body.reason);
  }
}
