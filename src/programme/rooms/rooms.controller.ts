import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { CurrentOrganiser } from '../../auth/organiser.guard';
import { PaginationQuery } from '../../common/pagination';
import { UuidPipe } from '../../common/uuid.pipe';
import { CreateRoomDto, RoomPageDto, RoomResponseDto, UpdateRoomDto } from './dto/room.dto';
import { RoomsService } from './rooms.service';
import { OrganiserOnly, OrganiserOptional } from '../../auth/organiser-only.decorator';

const eventId = new UuidPipe('Event');
const roomId = new UuidPipe('Room');

@ApiTags('programme')
@Controller('api/events/:id/rooms')
export class RoomsController {
  constructor(private readonly rooms: RoomsService) {}

  @Post()
  @OrganiserOnly()
  @ApiOperation({ summary: 'Add a room to the event' })
  @ApiCreatedResponse({ type: RoomResponseDto })
  @ApiConflictResponse({ description: 'A room of this event already has that name; or the event is cancelled (its programme is frozen)' })
  create(@Param('id', eventId) id: string, @Body() body: CreateRoomDto): Promise<RoomResponseDto> {
    return this.rooms.create(id, body);
  }

  @Get()
  @OrganiserOptional()
  @ApiOperation({ summary: 'The event’s rooms by name (public for published events)' })
  @ApiOkResponse({ type: RoomPageDto })
  @ApiNotFoundResponse({ description: 'Unknown event, or a draft seen without organiser token' })
  list(@Param('id', eventId) id: string, @Query() query: PaginationQuery, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<RoomPageDto> {
    return this.rooms.list(id, query, organiser);
  }

  @Get(':roomId')
  @OrganiserOptional()
  @ApiOperation({ summary: 'One room' })
  @ApiOkResponse({ type: RoomResponseDto })
  @ApiNotFoundResponse()
  get(@Param('id', eventId) id: string, @Param('roomId', roomId) room: string, @CurrentOrganiser() organiser?: OrganiserPrincipal): Promise<RoomResponseDto> {
    return this.rooms.get(id, room, organiser);
  }

  @Patch(':roomId')
  @OrganiserOnly()
  @ApiConflictResponse({
    description: 'A name another room has, a capacity below the seats confirmed in its workshops; or the event is cancelled (its programme is frozen)',
  })
  @ApiOperation({ summary: 'Rename a room or change its capacity' })
  @ApiOkResponse({ type: RoomResponseDto })
  @ApiNotFoundResponse()
  update(@Param('id', eventId) id: string, @Param('roomId', roomId) room: string, @Body() body: UpdateRoomDto): Promise<RoomResponseDto> {
    return this.rooms.update(id, room, body);
  }

  @Delete(':roomId')
  @HttpCode(204)
  @OrganiserOnly()
  @ApiOperation({ summary: 'Delete a room no session uses' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Sessions still use the room; `errors` names them; or the event is cancelled (its programme is frozen)' })
  async remove(@Param('id', eventId) id: string, @Param('roomId', roomId) room: string): Promise<void> {
    await this.rooms.remove(id, room);
  }
}
