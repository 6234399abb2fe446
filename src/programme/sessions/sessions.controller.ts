import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { CurrentOrganiser } from '../../auth/organiser.guard';
import { UuidPipe } from '../../common/uuid.pipe';
import { CreateSessionDto, SessionQueryDto, UpdateSessionDto } from './dto/session-input.dto';
import { SessionPageDto, SessionResponseDto } from './dto/session-response.dto';
import { SessionsService } from './sessions.service';
import { OrganiserOnly, OrganiserOptional } from '../../auth/organiser-only.decorator';

const eventId = new UuidPipe('Event');
const sessionId = new UuidPipe('Session');
const CLASH = 'The room or a speaker is already taken at an overlapping time (touching is fine); `errors` names each other session';

@ApiTags('programme')
@Controller('api/events/:id/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @OrganiserOnly()
  @ApiOperation({ summary: 'Add a session to the programme' })
  @ApiCreatedResponse({ type: SessionResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'Outside the event, ends before it starts, unknown theme, room/speaker/action of another event' })
  @ApiConflictResponse({ description: `${CLASH}; or the event is cancelled (its programme is frozen)` })
  create(@Param('id', eventId) id: string, @Body() body: CreateSessionDto): Promise<SessionResponseDto> {
    return this.sessions.create(id, body);
  }

  @Get()
  @OrganiserOptional()
  @ApiOperation({ summary: 'The event’s sessions in time order (public for published events)' })
  @ApiOkResponse({ type: SessionPageDto })
  @ApiNotFoundResponse({ description: 'Unknown event, or a draft seen without organiser token' })
  list(@Param('id', eventId) id: string, @Query() query: SessionQueryDto, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<SessionPageDto> {
    return this.sessions.list(id, query, organiser);
  }

  @Get(':sessionId')
  @OrganiserOptional()
  @ApiOperation({ summary: 'One session' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiNotFoundResponse()
  get(@Param('id', eventId) id: string, @Param('sessionId', sessionId) session: string, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<SessionResponseDto> {
    return this.sessions.get(id, session, organiser);
  }

  @Patch(':sessionId')
  @OrganiserOnly()
  @ApiOperation({ summary: 'Change or move a session; registrants who chose it are told once' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Same rules as on creation' })
  @ApiConflictResponse({ description: `${CLASH}; or the event is cancelled (its programme is frozen)` })
  update(@Param('id', eventId) id: string, @Param('sessionId', sessionId) session: string, @Body() body: UpdateSessionDto): Promise<SessionResponseDto> {
    return this.sessions.update(id, session, body);
  }

  @Delete(':sessionId')
  @HttpCode(204)
  @OrganiserOnly()
  @ApiConflictResponse({ description: 'The event is cancelled: its programme is frozen' })
  @ApiOperation({ summary: 'Remove a session from the programme' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@Param('id', eventId) id: string, @Param('sessionId', sessionId) session: string): Promise<void> {
    await this.sessions.remove(id, session);
  }
}
