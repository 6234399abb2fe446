import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { SessionRef } from '../rooms/rooms.repository';
import { Speaker } from './speaker.entity';

@Injectable()
export class SpeakersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Speaker);
  }

  findInEvent(eventId: string, id: string, manager?: EntityManager): Promise<Speaker | null> {
    return this.repo(manager).findOneBy({ eventId, id });
  }

  async listByEvent(eventId: string, limit: number, offset: number): Promise<{ items: Speaker[]; total: number }> {
    const [items, total] = await this.repo().findAndCount({ where: { eventId }, order: { fullName: 'ASC', id: 'ASC' }, take: limit, skip: offset });
    return { items, total };
  }

  insert(values: Partial<Speaker>, manager?: EntityManager): Promise<Speaker> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  save(speaker: Speaker, manager?: EntityManager): Promise<Speaker> {
    return this.repo(manager).save(speaker);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ id });
  }

  /** Sessions the speaker speaks in, in time order. */
  sessionsOf(speakerId: string, manager: EntityManager): Promise<SessionRef[]> {
    return manager.query(`SELECT s.id, s.title FROM session s JOIN session_speaker ss ON ss.session_id = s.id WHERE ss.speaker_id = $1 ORDER BY s.starts_at, s.id`, [speakerId]);
  }
}
