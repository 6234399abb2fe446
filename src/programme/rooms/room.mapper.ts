import { RoomResponseDto } from './dto/room.dto';
import { Room } from './room.entity';

export const toRoomResponse = (room: Room): RoomResponseDto => ({
  id: room.id,
  eventId: room.eventId,
  name: room.name,
  capacity: room.capacity,
});
