import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rowsOf } from '../common/sql-rows';

export interface LockedSession {
  id: string;
  eventId: string;
  type: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  /** Session capacity, else its room's, else null (unlimited). */
  capacity: number | null;
}

export interface ChoiceView {
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
}

export interface ChoiceRow {
  sessionId: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
}

/**
 * Workshop choices. A choice's status changes only while its session row is locked (the
 * registration paths also hold the event lock): that is what keeps the counts exact.
 */
@Injectable()
export class SessionChoicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the sessions of this event among `ids`, in id order so that two transactions cannot deadlock. */
  lockSessions(ids: string[], eventId: string, manager: EntityManager): Promise<LockedSession[]> {
    return this.sessions(ids, eventId, manager, true);
  }

  /** Every workshop of an event, unlocked. */
  findWorkshopsOf(eventId: string): Promise<LockedSession[]> {
    return this.dataSource.query(
      `SELECT s.id, s.event_id AS "eventId", s.type, s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
         s.room_id AS "roomId", coalesce(s.capacity, r.capacity) AS capacity
       FROM session s LEFT JOIN room r ON r.id = s.room_id
       WHERE s.event_id = $1 AND s.type = 'workshop'`,
      [eventId],
    );
  }

  private async sessions(ids: string[], eventId: string, manager: EntityManager, lock: boolean): Promise<LockedSession[]> {
    if (ids.length === 0) return [];
    return manager.query(
      `SELECT s.id, s.event_id AS "eventId", s.type, s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
         s.room_id AS "roomId", coalesce(s.capacity, r.capacity) AS capacity
       FROM session s LEFT JOIN room r ON r.id = s.room_id
       WHERE s.id = ANY($1::uuid[]) AND s.event_id = $2
       ORDER BY s.id${lock ? ' FOR UPDATE OF s' : ''}`,
      [[...new Set(ids)].sort(), eventId],
    );
  }

  /** The choices of one registration (cancelled ones included), without locking. */
  forRegistration(registrationId: string, manager: EntityManager): Promise<ChoiceRow[]> {
    return manager.query(`SELECT session_id AS "sessionId", status FROM session_choice WHERE registration_id = $1`, [registrationId]);
  }

  /** Active choices with their sessions and current ranks, for showing to the registrant. */
  async viewForRegistration(registrationId: string, manager?: EntityManager): Promise<ChoiceView[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT c.session_id AS "sessionId", s.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt", c.status,
         CASE WHEN c.status = 'waitlisted' THEN (
           SELECT count(*)::int FROM session_choice w
           WHERE w.session_id = c.session_id AND w.status = 'waitlisted' AND w.waitlist_seq <= c.waitlist_seq) END AS "waitlistPosition"
       FROM session_choice c JOIN session s ON s.id = c.session_id
       WHERE c.registration_id = $1 AND c.status <> 'cancelled'
       ORDER BY s.starts_at, s.title`,
      [registrationId],
    );
  }

  /**
   * Adds (or re-activates) choices: confirmed while the workshop has seats and the registration
   * is confirmed, else at the end of the workshop's waiting list. Sessions must be locked.
   */
  async upsert(
    registrationId: string,
    registrationConfirmed: boolean,
    seats: Array<{ sessionId: string; capacity: number | null }>,
    now: Date,
    manager: EntityManager,
  ): Promise<void> {
    if (seats.length === 0) return;
    await manager.query(
      `INSERT INTO session_choice (registration_id, session_id, status, waitlist_seq, created_at, updated_at)
       SELECT $1, s.session_id, x.status, CASE WHEN x.status = 'waitlisted' THEN nextval('waitlist_seq') END, $5, $5
       FROM unnest($3::uuid[], $4::int[]) AS s(session_id, capacity)
       CROSS JOIN LATERAL (
         SELECT CASE WHEN $2::boolean AND (s.capacity IS NULL OR
             coalesce((SELECT t.confirmed FROM session_tally t WHERE t.session_id = s.session_id), 0) < s.capacity)
           THEN 'confirmed' ELSE 'waitlisted' END AS status
       ) x
       ON CONFLICT (registration_id, session_id) DO UPDATE
         SET status = excluded.status, waitlist_seq = excluded.waitlist_seq, updated_at = excluded.updated_at`,
      [registrationId, registrationConfirmed, seats.map((s) => s.sessionId), seats.map((s) => s.capacity), now],
    );
  }

  /** Cancels choices of a registration (all, or those listed); returns the sessions where a seat was freed. */
  async cancel(registrationId: string, sessionIds: string[] | null, now: Date, manager: EntityManager): Promise<string[]> {
    const result: unknown = await manager.query(
      `UPDATE session_choice c SET status = 'cancelled', waitlist_seq = NULL, updated_at = $3
       FROM session_choice old
       WHERE c.registration_id = $1 AND c.status <> 'cancelled' AND ($2::uuid[] IS NULL OR c.session_id = ANY($2::uuid[]))
         AND old.registration_id = c.registration_id AND old.session_id = c.session_id
       RETURNING c.session_id AS "sessionId", old.status AS "previous"`,
      [registrationId, sessionIds, now],
    );
    return rowsOf<{ sessionId: string; previous: string }>(result)
      .filter((r) => r.previous === 'confirmed')
      .map((r) => r.sessionId);
  }

  /** A registration that lost its event seat holds no workshop seat: its confirmed choices wait again. */
  async requeueConfirmed(registrationId: string, now: Date, manager: EntityManager): Promise<string[]> {
    const result: unknown = await manager.query(
      `UPDATE session_choice SET status = 'waitlisted', waitlist_seq = nextval('waitlist_seq'), updated_at = $2
       WHERE registration_id = $1 AND status = 'confirmed'
       RETURNING session_id AS "sessionId"`,
      [registrationId, now],
    );
    return rowsOf<{ sessionId: string }>(result).map((r) => r.sessionId);
  }

  /**
   * Confirms the first waiting choices of a workshop while it has seats, in FIFO order, skipping
   * anyone whose registration is not confirmed or who holds a confirmed seat in an overlapping
   * workshop. The session must be locked. Returns the registrations promoted, in order.
   */
  async fill(sessionId: string, capacity: number | null, now: Date, manager: EntityManager): Promise<string[]> {
    const result: unknown = await manager.query(
      `UPDATE session_choice c SET status = 'confirmed', waitlist_seq = NULL, updated_at = $3
       FROM (
         SELECT w.registration_id AS pick_id, w.waitlist_seq AS pick_seq
         FROM session_choice w
         JOIN registration r ON r.id = w.registration_id AND r.status = 'confirmed'
         JOIN session s ON s.id = w.session_id
         WHERE w.session_id = $1 AND w.status = 'waitlisted'
           AND NOT EXISTS (
             SELECT 1 FROM session_choice o JOIN session os ON os.id = o.session_id
             WHERE o.registration_id = w.registration_id AND o.status = 'confirmed' AND o.session_id <> w.session_id
               AND os.starts_at < s.ends_at AND s.starts_at < os.ends_at)
         ORDER BY w.waitlist_seq
         LIMIT CASE WHEN $2::int IS NULL THEN NULL ELSE GREATEST(0, $2::int - (
           SELECT count(*) FROM session_choice t WHERE t.session_id = $1 AND t.status = 'confirmed')) END
       ) pick
       WHERE c.session_id = $1 AND c.registration_id = pick.pick_id
       RETURNING c.registration_id AS "registrationId", pick.pick_seq::text AS seq`,
      [sessionId, capacity, now],
    );
    return rowsOf<{ registrationId: string; seq: string }>(result)
      .sort((a, b) => a.seq.length - b.seq.length || (a.seq < b.seq ? -1 : 1))
      .map((r) => r.registrationId);
  }

  async confirmedCount(sessionId: string, manager: EntityManager): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM session_choice WHERE session_id = $1 AND status = 'confirmed'`, [sessionId]);
    return rows[0].n;
  }

  async roomName(roomId: string | null, manager: EntityManager): Promise<string | null> {
    if (!roomId) return null;
    const rows: Array<{ name: string }> = await manager.query(`SELECT name FROM room WHERE id = $1`, [roomId]);
    return rows[0]?.name ?? null;
  }

  /** Registrations (not cancelled) holding or waiting for a seat in a session. */
  async registrationIdsOf(sessionId: string, manager: EntityManager): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT c.registration_id AS id FROM session_choice c JOIN registration r ON r.id = c.registration_id
       WHERE c.session_id = $1 AND c.status <> 'cancelled' AND r.status <> 'cancelled'`,
      [sessionId],
    );
    return rows.map((r) => r.id);
  }
}
