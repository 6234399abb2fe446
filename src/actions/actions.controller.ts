import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { OrganiserPrincipal } from '../auth/auth.service';
import { CurrentOrganiser } from '../auth/organiser.guard';
import { PublicRateLimitGuard } from '../common/public-rate-limit.guard';
import { UuidPipe } from '../common/uuid.pipe';
import { ActionsService } from './actions.service';
import { ActionQueryDto, CreateActionDto, ProposeActionDto, UpdateActionDto } from './dto/action-input.dto';
import { ActionPageDto, ActionResponseDto } from './dto/action-response.dto';
import { OrganiserOnly, OrganiserOptional } from '../auth/organiser-only.decorator';

const eventId = new UuidPipe('Event');
const actionId = new UuidPipe('Action');
const DUPLICATE = 'An action with the same title and organisation (case-insensitive) already exists for this event';

@ApiTags('actions')
@Controller('api/events/:id/actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Post()
  @OrganiserOnly()
  @ApiOperation({ summary: 'Add a highlighted action (status selected)' })
  @ApiCreatedResponse({ type: ActionResponseDto })
  @ApiConflictResponse({ description: DUPLICATE })
  create(@Param('id', eventId) id: string, @Body() body: CreateActionDto): Promise<ActionResponseDto> {
    return this.actions.create(id, body);
  }

  @Post('proposals')
  @UseGuards(PublicRateLimitGuard)
  @ApiOperation({ summary: 'Call for contributions: anyone proposes an action (status proposed) for a published event' })
  @ApiCreatedResponse({ type: ActionResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown or draft event' })
  @ApiUnprocessableEntityResponse({ description: 'Invalid fields, or the event is cancelled or over' })
  @ApiConflictResponse({ description: DUPLICATE })
  @ApiTooManyRequestsResponse({ description: 'PUBLIC_RATE_LIMIT_PER_MINUTE reached for this address (Retry-After)' })
  propose(@Param('id', eventId) id: string, @Body() body: ProposeActionDto): Promise<ActionResponseDto> {
    return this.actions.propose(id, body);
  }

  @Get()
  @OrganiserOptional()
  @ApiOperation({ summary: 'Highlighted actions: the public sees selected ones without contact email; organisers see all' })
  @ApiOkResponse({ type: ActionPageDto })
  @ApiNotFoundResponse({ description: 'Unknown event, or a draft seen without organiser token' })
  list(@Param('id', eventId) id: string, @Query() query: ActionQueryDto, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<ActionPageDto> {
    return this.actions.list(id, query, organiser);
  }

  @Get(':actionId')
  @OrganiserOptional()
  @ApiOperation({ summary: 'One action (the public sees selected ones only)' })
  @ApiOkResponse({ type: ActionResponseDto })
  @ApiNotFoundResponse()
  get(@Param('id', eventId) id: string, @Param('actionId', actionId) action: string, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<ActionResponseDto> {
    return this.actions.get(id, action, organiser);
  }

  @Patch(':actionId')
  @OrganiserOnly()
  @ApiOperation({ summary: 'Select or reject a proposal, or edit an action' })
  @ApiOkResponse({ type: ActionResponseDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: DUPLICATE })
  update(@Param('id', eventId) id: string, @Param('actionId', actionId) action: string, @Body() body: UpdateActionDto): Promise<ActionResponseDto> {
    return this.actions.update(id, action, body);
  }

  @Delete(':actionId')
  @HttpCode(204)
  @OrganiserOnly()
  @ApiOperation({ summary: 'Delete an action (it leaves the sessions that showed it)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async remove(@Param('id', eventId) id: string, @Param('actionId', actionId) action: string): Promise<void> {
    await this.actions.remove(id, action);
  }
}
