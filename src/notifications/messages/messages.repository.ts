import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../../common/sql-rows';
import type { BroadcastAudience } from './dto/message.dto';

export interface MessageRow {
  id: string;
  registrationId: string;
  recipient: string;
  reason: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
}

const COLUMNS = `m.id, m.registration_id AS "registrationId", r.email AS recipient, m.reason, m.status, m.attempts,
  m.last_error AS "lastError", m.sent_at AS "sentAt", m.next_attempt_at AS "nextAttemptAt", m.created_at AS "createdAt"`;

/** The organisers' view of the outbox, and the broadcasts they write. */
@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(eventId: string, filter: { status?: string; reason?: string }, limit: number, offset: number): Promise<{ items: MessageRow[]; total: number }> {
    const where = `m.event_id = $1 AND ($2::text IS NULL OR m.status = $2) AND ($3::text IS NULL OR m.reason = $3 OR left(m.reason, length($3) + 1) = $3 || ':')`;
    const params = [eventId, filter.status ?? null, filter.reason ?? null];
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query<MessageRow[]>(
        `SELECT ${COLUMNS} FROM outgoing_mail m JOIN registration r ON r.id = m.registration_id
         WHERE ${where} ORDER BY m.created_at DESC, m.id LIMIT $4 OFFSET $5`,
        [...params, limit, offset],
      ),
      this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM outgoing_mail m WHERE ${where}`, params),
    ]);
    return { items, total };
  }

  async find(eventId: string, id: string, manager?: EntityManager): Promise<MessageRow | null> {
    const rows: MessageRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM outgoing_mail m JOIN registration r ON r.id = m.registration_id WHERE m.event_id = $1 AND m.id = $2`,
      [eventId, id],
    );
    return rows[0] ?? null;
  }

  /** A dead message back to the queue, with its attempts counted afresh; false when it is not dead. */
  async revive(eventId: string, id: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE outgoing_mail SET status = 'pending', attempts = 0, next_attempt_at = $3, lease_until = NULL, updated_at = $3
       WHERE event_id = $1 AND id = $2 AND status = 'dead' RETURNING id`,
      [eventId, id, now],
    );
    return rowsOf(result).length === 1;
  }

  async insertBroadcast(
    eventId: string,
    b: { subject: string; body: string; audience: BroadcastAudience; sessionId: string | null },
    now: Date,
    manager: EntityManager,
  ): Promise<string> {
    const [{ id }] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO broadcast (event_id, subject, body, audience, session_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [eventId, b.subject, b.body, b.audience, b.sessionId, now],
    );
    return id;
  }

  /** Registrations a broadcast goes to: by status, or those who chose a workshop (not cancelled). */
  async audience(eventId: string, audience: BroadcastAudience, sessionId: string | null, manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT r.id FROM registration r
       WHERE r.event_id = $1 AND r.status <> 'cancelled' AND r.anonymised_at IS NULL
         AND ($2 = 'all' OR ($2 IN ('confirmed', 'waitlisted') AND r.status = $2)
           OR ($2 = 'session' AND EXISTS (SELECT 1 FROM session_choice c WHERE c.registration_id = r.id AND c.session_id = $3 AND c.status <> 'cancelled')))
       ORDER BY r.created_at`,
      [eventId, audience, sessionId],
    );
    return rows.map((r) => r.id);
  }

  async sessionInEvent(eventId: string, sessionId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM session WHERE id = $1 AND event_id = $2`, [sessionId, eventId]);
    return rows.length === 1;
  }
}
