import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrganiserPrincipal } from '../../auth/auth.service';
import { conflict, notFound } from '../../common/domain-error';
import { Page, PaginationQuery } from '../../common/pagination';
import { EventsRepository } from '../../events/events.repository';
import { existingEvent, isUniqueViolation, visibleEvent } from '../event-access';
import { ProgrammeRevisionsRepository } from '../programme-revisions.repository';
import { CreateRoomDto, RoomResponseDto, UpdateRoomDto } from './dto/room.dto';
import { toRoomResponse } from './room.mapper';
import { RoomsRepository } from './rooms.repository';

const nameTaken = () =>
  conflict('room-name-taken', 'Une salle porte déjà ce nom pour cet événement.', [{ field: 'name', message: 'Une salle porte déjà ce nom.' }]);

@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly events: EventsRepository,
    private readonly revisions: ProgrammeRevisionsRepository,
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

  async update(eventId: string, roomId: string, input: UpdateRoomDto): Promise<RoomResponseDto> {
    const room = await this.rooms.findInEvent(eventId, roomId);
    if (!room) throw notFound('Room', 'Salle introuvable.');
    if (input.name !== undefined) room.name = input.name.trim();
    if (input.capacity !== undefined) room.capacity = input.capacity;
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const saved = await this.rooms.save(room, manager);
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
