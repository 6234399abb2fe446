import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { rowsOf } from '../../common/sql-rows';
import { Event } from '../../events/event.entity';

/** An outbox row a worker now holds under its lease. */
export interface ClaimedMail {
  id: string;
  eventId: string;
  registrationId: string;
  /** Set instead of registrationId on an organiser's invitation. */
  invitationId: string | null;
  reason: string;
  payload: Record<string, unknown>;
  /** Including this one. */
  attempts: number;
}

export interface RegistrationForMail {
  id: string;
  eventId: string;
  firstName: string;
  lastName: string;
  email: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  attendanceMode: 'onsite' | 'online';
  tokenVersion: number;
  checkInCode: string;
  anonymisedAt: Date | null;
  /** Accessibility codes (easy_read selects the easy-to-read messages). */
  accessibility: string[];
  /** Rank on the event's waiting list (1 = next), when waitlisted. */
  waitlistPosition: number | null;
}

export interface SessionForMail {
  id: string;
  eventId: string;
  title: string;
  type: string;
  startsAt: Date;
  endsAt: Date;
  roomName: string | null;
  updatedAt: Date;
}

export interface ChoiceForMail extends SessionForMail {
  registrationId: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
}

const SESSION = `s.id, s.event_id AS "eventId", s.title, s.type, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
  rm.name AS "roomName", s.updated_at AS "updatedAt"`;

/**
 * What the worker reads and writes: claims under a lease, outcomes, and the current data a message
 * is rendered from (read in a few queries per batch, never per message).
 */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes up to `limit` due messages that no live worker holds (`FOR UPDATE SKIP LOCKED`: several
   * instances share the work), leasing them until `leaseUntil` and counting the attempt now — so a
   * message that kills its worker every time still ends `dead`. `holding`: rows this worker is still
   * sending, never taken again here even once their lease has passed (a batch slower than its lease).
   */
  async claim(now: Date, leaseUntil: Date, limit: number, holding: string[] = []): Promise<ClaimedMail[]> {
    const result: unknown = await this.dataSource.query(
      `UPDATE outgoing_mail m SET lease_until = $2, attempts = m.attempts + 1, updated_at = $1
       FROM (
         SELECT id FROM outgoing_mail
         WHERE status IN ('pending', 'failed') AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           AND id <> ALL($4::uuid[])
         ORDER BY next_attempt_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED
       ) due
       WHERE m.id = due.id
       RETURNING m.id, m.event_id AS "eventId", m.registration_id AS "registrationId", m.invitation_id AS "invitationId", m.reason, m.payload, m.attempts`,
      [now, leaseUntil, limit, holding],
    );
    return rowsOf<ClaimedMail>(result);
  }

  /**
   * Renews the lease of rows still held under the lease `from` (the one this worker set: marked
   * rows have none, rows taken over have another); answers their ids.
   */
  async extendLease(ids: string[], from: Date, to: Date): Promise<string[]> {
    const result: unknown = await this.dataSource.query(
      `UPDATE outgoing_mail SET lease_until = $3 WHERE id = ANY($1::uuid[]) AND lease_until = $2 AND status IN ('pending', 'failed') RETURNING id`,
      [ids, from, to],
    );
    return rowsOf<{ id: string }>(result).map((r) => r.id);
  }

  async markSent(id: string, smtpId: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE outgoing_mail SET status = 'sent', sent_at = $3, smtp_id = $2, last_error = NULL, lease_until = NULL, updated_at = $3 WHERE id = $1`, [
      id,
      smtpId.slice(0, 500),
      now,
    ]);
  }

  /** `retryAt` null: no more attempts, the message is dead. */
  async markFailed(id: string, error: string, retryAt: Date | null, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE outgoing_mail SET status = CASE WHEN $3::timestamptz IS NULL THEN 'dead' ELSE 'failed' END,
         next_attempt_at = coalesce($3, next_attempt_at), last_error = $2, lease_until = NULL, updated_at = $4
       WHERE id = $1`,
      [id, error.slice(0, 1000), retryAt, now],
    );
  }

  /** A message that has nothing left to say (a reminder for someone no longer confirmed…) is removed. */
  async discard(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM outgoing_mail WHERE id = $1`, [id]);
  }

  registrations(ids: string[]): Promise<RegistrationForMail[]> {
    return this.dataSource.query(
      `SELECT r.id, r.event_id AS "eventId", r.first_name AS "firstName", r.last_name AS "lastName", r.email, r.status,
         r.attendance_mode AS "attendanceMode", r.token_version AS "tokenVersion", r.check_in_code AS "checkInCode",
         r.anonymised_at AS "anonymisedAt", r.accessibility,
         CASE WHEN r.status = 'waitlisted' THEN (
           SELECT count(*)::int FROM registration w
           WHERE w.event_id = r.event_id AND w.attendance_mode = r.attendance_mode AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq)
         END AS "waitlistPosition"
       FROM registration r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** An invitation as its message needs it; `open` false once used, expired or the organiser deactivated. */
  async invitation(id: string, now: Date): Promise<{ id: string; email: string; name: string | null; expiresAt: Date; open: boolean } | null> {
    const rows: Array<{ id: string; email: string; name: string | null; expiresAt: Date; open: boolean }> = await this.dataSource.query(
      `SELECT i.id, o.email, o.name, i.expires_at AS "expiresAt",
         (i.used_at IS NULL AND i.expires_at > $2 AND o.deactivated_at IS NULL) AS open
       FROM organiser_invitation i JOIN organiser o ON o.id = i.organiser_id WHERE i.id = $1`,
      [id, now],
    );
    return rows[0] ?? null;
  }

  events(ids: string[]): Promise<Event[]> {
    return this.dataSource.getRepository(Event).findBy({ id: In(ids) });
  }

  /** Active workshop choices of these registrations, with their sessions, in programme order. */
  choices(registrationIds: string[]): Promise<ChoiceForMail[]> {
    return this.dataSource.query(
      `SELECT c.registration_id AS "registrationId", c.status, ${SESSION},
         CASE WHEN c.status = 'waitlisted' THEN (
           SELECT count(*)::int FROM session_choice w
           WHERE w.session_id = c.session_id AND w.status = 'waitlisted' AND w.waitlist_seq <= c.waitlist_seq) END AS "waitlistPosition"
       FROM session_choice c JOIN session s ON s.id = c.session_id LEFT JOIN room rm ON rm.id = s.room_id
       WHERE c.registration_id = ANY($1::uuid[]) AND c.status <> 'cancelled'
       ORDER BY s.starts_at, s.title`,
      [registrationIds],
    );
  }

  sessions(ids: string[]): Promise<SessionForMail[]> {
    return this.dataSource.query(`SELECT ${SESSION} FROM session s LEFT JOIN room rm ON rm.id = s.room_id WHERE s.id = ANY($1::uuid[])`, [ids]);
  }

  broadcasts(ids: string[]): Promise<Array<{ id: string; subject: string; body: string }>> {
    return this.dataSource.query(`SELECT id, subject, body FROM broadcast WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * Messages sent since `since` to each (event, address) pair, whichever registration they went
   * to (registering, cancelling and registering again creates a new one each time).
   */
  async sentSince(pairs: Array<{ eventId: string; email: string }>, since: Date): Promise<Map<string, number>> {
    if (pairs.length === 0) return new Map();
    const rows: Array<{ eventId: string; email: string; n: number }> = await this.dataSource.query(
      `SELECT r.event_id AS "eventId", r.email, count(*)::int AS n
       FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::text[]) AS p(event_id, email)) p
       JOIN registration r ON r.event_id = p.event_id AND r.email = p.email
       JOIN outgoing_mail m ON m.registration_id = r.id AND m.status = 'sent' AND m.sent_at > $3
       GROUP BY r.event_id, r.email`,
      [pairs.map((p) => p.eventId), pairs.map((p) => p.email), since],
    );
    return new Map(rows.map((r) => [`${r.eventId}|${r.email}`, r.n]));
  }

  /**
   * The undelivered messages: pending and failed counts and the oldest due time, all from the
   * partial index of due messages; `dead` only when asked (it scans the table: for /metrics, not /health).
   */
  async backlog(now: Date, withDead: boolean): Promise<{ pending: number; failed: number; dead: number | null; oldestDueAt: Date | null }> {
    const [row]: Array<{ pending: number; failed: number; dead: number | null; oldestDueAt: Date | string | null }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              min(next_attempt_at) FILTER (WHERE next_attempt_at <= $1) AS "oldestDueAt",
              CASE WHEN $2 THEN (SELECT count(*)::int FROM outgoing_mail WHERE status = 'dead') END AS dead
         FROM outgoing_mail WHERE status IN ('pending', 'failed')`,
      [now, withDead],
    );
    return { pending: row.pending, failed: row.failed, dead: row.dead, oldestDueAt: row.oldestDueAt ? new Date(row.oldestDueAt) : null };
  }
}
