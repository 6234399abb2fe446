import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Session } from '../sessions/session.entity';
import { Room } from './room.entity';

export interface SessionRef {
  id: string;
  title: string;
}

@Injectable()
export class RoomsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Room);
  }

  findInEvent(eventId: string, id: string, manager?: EntityManager): Promise<Room | null> {
    return this.repo(manager).findOneBy({ eventId, id });
  }

  async listByEvent(eventId: string, limit: number, offset: number): Promise<{ items: Room[]; total: number }> {
    const [items, total] = await this.repo().findAndCount({ where: { eventId }, order: { name: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  insert(values: Partial<Room>, manager?: EntityManager): Promise<Room> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  save(room: Room, manager?: EntityManager): Promise<Room> {
    return this.repo(manager).save(room);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  /** Sessions placed in the room whose capacity is the room's (their own is null), in time order. */
  sessionsTakingItsCapacity(roomId: string, manager: EntityManager): Promise<Session[]> {
    return manager.getRepository(Session).find({ where: { roomId, capacity: IsNull() }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  /** Sessions placed in the room, in time order. */
  sessionsUsing(roomId: string, manager: EntityManager): Promise<SessionRef[]> {
    return manager.query(`SELECT id, title FROM session WHERE room_id = $1 ORDER BY starts_at, id`, [roomId]);
  }
}
