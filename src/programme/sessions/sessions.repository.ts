import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ScheduledSession } from './session-conflicts';
import { Session, SessionType } from './session.entity';

export interface SessionWithLinks {
  session: Session;
  speakerIds: string[];
  actionIds: string[];
}

/** Tables whose rows a session may point at; each belongs to one event. */
type EventOwned = 'room' | 'speaker' | 'highlighted_action';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Every session of the event with its room and speakers: what the clash rule needs. */
  async scheduledInEvent(eventId: string, manager: EntityManager): Promise<ScheduledSession[]> {
    const rows: { id: string; title: string; starts_at: Date; ends_at: Date; room_id: string | null; speaker_ids: string[] }[] = await manager.query(
      `SELECT s.id, s.title, s.starts_at, s.ends_at, s.room_id,
              coalesce(array_agg(ss.speaker_id) FILTER (WHERE ss.speaker_id IS NOT NULL), '{}') AS speaker_ids
         FROM session s LEFT JOIN session_speaker ss ON ss.session_id = s.id
        WHERE s.event_id = $1
        GROUP BY s.id`,
      [eventId],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      roomId: r.room_id,
      speakerIds: r.speaker_ids,
    }));
  }

  /** The ids among `ids` that exist in `table` for this event. */
  async idsInEvent(table: EventOwned, eventId: string, ids: string[], manager: EntityManager): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(`SELECT id FROM ${table} WHERE event_id = $1 AND id = ANY($2::uuid[])`, [eventId, ids]);
    return new Set(rows.map((r) => r.id));
  }

  async speakerNames(ids: string[], manager: EntityManager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; full_name: string }[] = await manager.query(`SELECT id, full_name FROM speaker WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }

  async findInEvent(eventId: string, id: string, manager?: EntityManager): Promise<SessionWithLinks | null> {
    const session = await this.manager(manager).getRepository(Session).findOneBy({ eventId, id });
    if (!session) return null;
    const links = await this.linksOf([id], manager);
    return { session, ...(links.get(id) ?? { speakerIds: [], actionIds: [] }) };
  }

  async listByEvent(eventId: string, filter: { type?: SessionType; roomId?: string }, limit: number, offset: number): Promise<{ items: SessionWithLinks[]; total: number }> {
    const qb = this.dataSource.manager.getRepository(Session).createQueryBuilder('s').where('s.event_id = :eventId', { eventId });
    if (filter.type) qb.andWhere('s.type = :type', { type: filter.type });
    if (filter.roomId) qb.andWhere('s.room_id = :roomId', { roomId: filter.roomId });
    const [sessions, total] = await qb.orderBy('s.starts_at', 'ASC').addOrderBy('s.ends_at', 'ASC').addOrderBy('s.id', 'ASC').take(limit).skip(offset).getManyAndCount();
    const links = await this.linksOf(sessions.map((s) => s.id));
    return { items: sessions.map((session) => ({ session, ...(links.get(session.id) ?? { speakerIds: [], actionIds: [] }) })), total };
  }

  /** Speaker and action ids of many sessions in one query. */
  private async linksOf(sessionIds: string[], manager?: EntityManager): Promise<Map<string, { speakerIds: string[]; actionIds: string[] }>> {
    if (sessionIds.length === 0) return new Map();
    const rows: { session_id: string; speaker_ids: string[]; action_ids: string[] }[] = await this.manager(manager).query(
      `SELECT s.id AS session_id,
              ARRAY(SELECT ss.speaker_id FROM session_speaker ss JOIN speaker sp ON sp.id = ss.speaker_id
                     WHERE ss.session_id = s.id ORDER BY sp.full_name, sp.id) AS speaker_ids,
              ARRAY(SELECT sa.action_id FROM session_action sa JOIN highlighted_action a ON a.id = sa.action_id
                     WHERE sa.session_id = s.id ORDER BY a.title, a.id) AS action_ids
         FROM session s WHERE s.id = ANY($1::uuid[])`,
      [sessionIds],
    );
    return new Map(rows.map((r) => [r.session_id, { speakerIds: r.speaker_ids, actionIds: r.action_ids }]));
  }

  insert(values: Partial<Session>, manager: EntityManager): Promise<Session> {
    const repo = manager.getRepository(Session);
    return repo.save(repo.create(values));
  }

  save(session: Session, manager: EntityManager): Promise<Session> {
    return manager.getRepository(Session).save(session);
  }

  async replaceSpeakers(sessionId: string, speakerIds: string[], manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM session_speaker WHERE session_id = $1`, [sessionId]);
    if (speakerIds.length) {
      await manager.query(`INSERT INTO session_speaker (session_id, speaker_id) SELECT $1, unnest($2::uuid[])`, [sessionId, speakerIds]);
    }
  }

  async replaceActions(sessionId: string, actionIds: string[], manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM session_action WHERE session_id = $1`, [sessionId]);
    if (actionIds.length) {
      await manager.query(`INSERT INTO session_action (session_id, action_id) SELECT $1, unnest($2::uuid[])`, [sessionId, actionIds]);
    }
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(Session).delete({ id });
  }
}
