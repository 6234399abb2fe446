import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { CurrentOrganiser } from '../../auth/organiser.guard';
import { PaginationQuery } from '../../common/pagination';
import { UuidPipe } from '../../common/uuid.pipe';
import { CreateSpeakerDto, SpeakerPageDto, SpeakerResponseDto, UpdateSpeakerDto } from './dto/speaker.dto';
import { SpeakersService } from './speakers.service';
import { OrganiserOnly, OrganiserOptional } from '../../auth/organiser-only.decorator';

const eventId = new UuidPipe('Event');
const speakerId = new UuidPipe('Speaker');

@ApiTags('programme')
@Controller('api/events/:id/speakers')
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Post()
  @OrganiserOnly()
  @ApiConflictResponse({ description: 'The event is cancelled: its programme is frozen' })
  @ApiOperation({ summary: 'Add a speaker to the event (a speaker may speak in several sessions)' })
  @ApiCreatedResponse({ type: SpeakerResponseDto })
  create(@Param('id', eventId) id: string, @Body() body: CreateSpeakerDto): Promise<SpeakerResponseDto> {
    return this.speakers.create(id, body);
  }

  @Get()
  @OrganiserOptional()
  @ApiOperation({ summary: 'The event’s speakers by name (public for published events; email for organisers only)' })
  @ApiOkResponse({ type: SpeakerPageDto })
  @ApiNotFoundResponse({ description: 'Unknown event, or a draft seen without organiser token' })
  list(@Param('id', eventId) id: string, @Query() query: PaginationQuery, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<SpeakerPageDto> {
    return this.speakers.list(id, query, organiser);
  }

  @Get(':speakerId')
  @OrganiserOptional()
  @ApiOperation({ summary: 'One speaker' })
  @ApiOkResponse({ type: SpeakerResponseDto })
  @ApiNotFoundResponse()
  get(@Param('id', eventId) id: string, @Param('speakerId', speakerId) speaker: string, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<SpeakerResponseDto> {
    return this.speakers.get(id, speaker, organiser);
  }

  @Patch(':speakerId')
  @OrganiserOnly()
  @ApiConflictResponse({ description: 'The event is cancelled: its programme is frozen' })
  @ApiOperation({ summary: 'Change a speaker’s details' })
  @ApiOkResponse({ type: SpeakerResponseDto })
  @ApiNotFoundResponse()
  update(@Param('id', eventId) id: string, @Param('speakerId', speakerId) speaker: string, @Body() body: UpdateSpeakerDto): Promise<SpeakerResponseDto> {
    return this.speakers.update(id, speaker, body);
  }

  @Delete(':speakerId')
  @HttpCode(204)
  @OrganiserOnly()
  @ApiOperation({ summary: 'Delete a speaker who speaks in no session' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The speaker is still in sessions; `errors` names them; or the event is cancelled (its programme is frozen)' })
  async remove(@Param('id', eventId) id: string, @Param('speakerId', speakerId) speaker: string): Promise<void> {
    await this.speakers.remove(id, speaker);
  }
}
