import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { conflict, notFound } from '../../common/domain-error';
import { Page, PaginationQuery } from '../../common/pagination';
import { EventsRepository } from '../../events/events.repository';
import { existingEvent, visibleEvent } from '../event-access';
import { isUniqueViolation } from '../../common/database-errors';
import { ProgrammeRevisionsRepository } from '../programme-revisions.repository';
import { SessionHooks } from '../sessions/session-hooks';
import { CreateRoomDto, RoomResponseDto, UpdateRoomDto } from './dto/room.dto';
import { toRoomResponse } from './room.mapper';
import { RoomsRepository } from './rooms.repository';

const nameTaken = () => conflict('room-name-taken', 'Une salle porte déjà ce nom pour cet événement.', [{ field: 'name', message: 'Une salle porte déjà ce nom.' }]);

@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly events: EventsRepository,
    private readonly revisions: ProgrammeRevisionsRepository,
    private readonly sessionHooks: SessionHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(eventId: string, input: CreateRoomDto): Promise<RoomResponseDto> {
    existingEvent(await this.events.findById(eventId));
    try {
      const room = await this.dataSource.transaction(async (manager) => {
        const room = await this.rooms.insert({ eventId, name: input.name.trim(), capacity: input.capacity ?? null }, manager);
        await this.revisions.bump(eventId, manager);
        return room;
      });
      return toRoomResponse(room);
    } catch (error) {
      if (isUniqueViolation(error, 'room_event_name_key')) throw nameTaken();
      throw error;
    }
  }

  async list(eventId: string, query: PaginationQuery, organiser?: OrganiserPrincipal): Promise<Page<RoomResponseDto>> {
    visibleEvent(await this.events.findById(eventId), organiser);
    const { items, total } = await this.rooms.listByEvent(eventId, query.limit, query.offset);
    return { items: items.map(toRoomResponse), total };
  }

  async get(eventId: string, roomId: string, organiser?: OrganiserPrincipal): Promise<RoomResponseDto> {
    visibleEvent(await this.events.findById(eventId), organiser);
    const room = await this.rooms.findInEvent(eventId, roomId);
    if (!room) throw notFound('Room', 'Salle introuvable.');
    return toRoomResponse(room);
  }

  /**
   * A new capacity is also the capacity of every session in the room that has none of its own: each
   * goes through the session hooks as if its own capacity had changed (registrations refuse a
   * capacity below a workshop's confirmed count and give raised capacity to its waiting list),
   * under the event lock that serialises seat decisions.
   */
  async update(eventId: string, roomId: string, input: UpdateRoomDto): Promise<RoomResponseDto> {
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        if (input.capacity !== undefined) existingEvent(await this.events.lockById(eventId, manager));
        const room = await this.rooms.findInEvent(eventId, roomId, manager);
        if (!room) throw notFound('Room', 'Salle introuvable.');
        const capacityChanged = input.capacity !== undefined && input.capacity !== room.capacity;
        if (input.name !== undefined) room.name = input.name.trim();
        if (input.capacity !== undefined) room.capacity = input.capacity;
        const saved = await this.rooms.save(room, manager);
        if (capacityChanged) {
          // The session rows themselves are unchanged (before = after): the handlers read the new
          // effective capacity (coalesce(session, room)) under their own locks.
          for (const session of await this.rooms.sessionsTakingItsCapacity(roomId, manager)) {
            await this.sessionHooks.updated(session, session, manager);
          }
        }
        await this.revisions.bump(eventId, manager);
        return saved;
      });
      return toRoomResponse(saved);
    } catch (error) {
      if (isUniqueViolation(error, 'room_event_name_key')) throw nameTaken();
      throw error;
    }
  }

  /** Refused while a session is placed in the room: the organiser moves those sessions first. */
  async remove(eventId: string, roomId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // The event lock keeps a concurrent session create from slipping into the room meanwhile.
      existingEvent(await this.events.lockById(eventId, manager));
      const room = await this.rooms.findInEvent(eventId, roomId, manager);
      if (!room) throw notFound('Room', 'Salle introuvable.');
      const sessions = await this.rooms.sessionsUsing(roomId, manager);
      if (sessions.length) {
        throw conflict(
          'room-in-use',
          `La salle « ${room.name} » accueille encore ${sessions.length} session(s) : déplacez-les d’abord.`,
          sessions.map((s) => ({ field: 'sessions', message: `« ${s.title} » (id ${s.id})` })),
        );
      }
      await this.rooms.delete(roomId, manager);
      await this.revisions.bump(eventId, manager);
    });
  }
}
