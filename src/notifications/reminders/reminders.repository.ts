import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTBOX_CHANNEL } from '../outbox.repository';

/**
 * The reminder rule, in one statement: a reminder `offset` minutes before an event is due at
 * `starts_at − offset` (so moving the event moves it) and goes to those confirmed at that moment
 * who are still confirmed, never to someone confirmed after it (their confirmation said it all).
 * A reminder missed while the service was down still goes at the next scan, unless the event has
 * started or a nearer reminder is due too (then only the nearer one goes). The outbox's unique
 * (registration, reason) key makes it exactly once, whatever the number of instances scanning.
 */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues the reminders due at `now`; returns how many. */
  async queueDue(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `INSERT INTO outgoing_mail (event_id, registration_id, reason, next_attempt_at, created_at, updated_at)
         SELECT e.id, r.id, 'reminder:' || o.offset_minutes, $1, $1, $1
         FROM event e
         CROSS JOIN LATERAL unnest(e.reminder_offsets) AS o(offset_minutes)
         JOIN registration r ON r.event_id = e.id AND r.status = 'confirmed'
           AND r.confirmed_at <= e.starts_at - o.offset_minutes * interval '1 minute'
         WHERE e.status = 'published' AND e.starts_at > $1
           AND e.starts_at - o.offset_minutes * interval '1 minute' <= $1
           AND NOT EXISTS (
             SELECT 1 FROM unnest(e.reminder_offsets) AS nearer(offset_minutes)
             WHERE nearer.offset_minutes < o.offset_minutes AND e.starts_at - nearer.offset_minutes * interval '1 minute' <= $1)
           AND NOT EXISTS (SELECT 1 FROM outgoing_mail m WHERE m.registration_id = r.id AND m.reason = 'reminder:' || o.offset_minutes)
         ON CONFLICT (registration_id, reason) DO NOTHING
         RETURNING id`,
        [now],
      );
      if (rows.length) await manager.query(`SELECT pg_notify($1, '')`, [OUTBOX_CHANNEL]);
      return rows.length;
    });
  }
}
