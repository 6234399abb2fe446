import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceMode, Registration } from './registration.entity';
import { rowsOf } from './sql-rows';

/** Raw SQL rows come back under the entity's property names. */
const COLUMNS = `id, event_id AS "eventId", first_name AS "firstName", last_name AS "lastName", email, organisation,
  organisation_type AS "organisationType", job_title AS "jobTitle", department, attendance_mode AS "attendanceMode",
  accessibility_needs AS "accessibilityNeeds", dietary_requirements AS "dietaryRequirements", consent_at AS "consentAt",
  photo_consent AS "photoConsent", photo_consent_at AS "photoConsentAt", status, waitlist_seq::text AS "waitlistSeq",
  manage_token_hash AS "manageTokenHash", check_in_code AS "checkInCode", checked_in_at AS "checkedInAt",
  confirmed_at AS "confirmedAt", cancelled_at AS "cancelledAt", anonymised_at AS "anonymisedAt",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface NewRegistration {
  id: string;
  eventId: string;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string | null;
  organisationType: string;
  jobTitle: string | null;
  department: string | null;
  attendanceMode: AttendanceMode;
  accessibilityNeeds: string | null;
  dietaryRequirements: string | null;
  photoConsent: boolean;
  manageTokenHash: string;
  checkInCode: string;
}

export interface SeatRequest {
  sessionId: string;
  /** Effective capacity (session, else room); null = unlimited. */
  capacity: number | null;
}

export interface InsertedRegistration {
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
  sessions: Array<{ sessionId: string; status: 'confirmed' | 'waitlisted' }>;
}

/**
 * Registration rows. Every method that changes a status expects the caller to hold the event's
 * row lock (and the workshops' locks for choices): the counts below are then exact.
 */
@Injectable()
export class RegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts the registration and its workshop choices in one statement (one round trip while the
   * event is locked): confirmed while the mode has seats and nobody waits, else at the end of the
   * waiting list; each workshop confirmed while it has seats and the registration is confirmed.
   */
  async insertWithChoices(
    r: NewRegistration,
    capacity: number | null,
    seats: SeatRequest[],
    now: Date,
    manager: EntityManager,
  ): Promise<InsertedRegistration> {
    const rows: Array<{ status: InsertedRegistration['status']; position: number; sessions: InsertedRegistration['sessions'] }> =
      await manager.query(
        `WITH counts AS (
           SELECT coalesce(max(confirmed), 0) AS confirmed, coalesce(max(waitlisted), 0) AS waiting
           FROM registration_tally WHERE event_id = $2 AND attendance_mode = $10
         ), decision AS (
           SELECT CASE WHEN waiting = 0 AND ($16::int IS NULL OR confirmed < $16::int) THEN 'confirmed' ELSE 'waitlisted' END AS status
           FROM counts
         ), ins AS (
           INSERT INTO registration (id, event_id, first_name, last_name, email, organisation, organisation_type, job_title,
             department, attendance_mode, accessibility_needs, dietary_requirements, photo_consent, manage_token_hash,
             check_in_code, consent_at, photo_consent_at, status, waitlist_seq, confirmed_at, created_at, updated_at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $17, CASE WHEN $13 THEN $17::timestamptz END,
             d.status, CASE WHEN d.status = 'waitlisted' THEN nextval('waitlist_seq') END,
             CASE WHEN d.status = 'confirmed' THEN $17::timestamptz END, $17, $17
           FROM decision d
           RETURNING id, status
         ), choices AS (
           INSERT INTO session_choice (registration_id, session_id, status, waitlist_seq, created_at, updated_at)
           SELECT i.id, s.session_id, x.status, CASE WHEN x.status = 'waitlisted' THEN nextval('waitlist_seq') END, $17, $17
           FROM ins i
           CROSS JOIN unnest($18::uuid[], $19::int[]) WITH ORDINALITY AS s(session_id, capacity, ord)
           CROSS JOIN LATERAL (
             SELECT CASE WHEN i.status = 'confirmed' AND (s.capacity IS NULL OR
                 coalesce((SELECT t.confirmed FROM session_tally t WHERE t.session_id = s.session_id), 0) < s.capacity)
               THEN 'confirmed' ELSE 'waitlisted' END AS status
           ) x
           RETURNING session_id, status
         )
         SELECT i.status, (SELECT waiting FROM counts)::int + 1 AS position,
           coalesce((SELECT json_agg(json_build_object('sessionId', session_id, 'status', status)) FROM choices), '[]'::json) AS sessions
         FROM ins i`,
        [
          r.id, r.eventId, r.firstName, r.lastName, r.email, r.organisation, r.organisationType, r.jobTitle, r.department,
          r.attendanceMode, r.accessibilityNeeds, r.dietaryRequirements, r.photoConsent, r.manageTokenHash, r.checkInCode,
          capacity, now, seats.map((s) => s.sessionId), seats.map((s) => s.capacity),
        ],
      );
    const row = rows[0];
    return { status: row.status, waitlistPosition: row.status === 'waitlisted' ? row.position : null, sessions: row.sessions };
  }

  async findByTokenHash(hash: string, manager?: EntityManager): Promise<Registration | null> {
    const rows: Registration[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM registration WHERE manage_token_hash = $1`,
      [hash],
    );
    return rows[0] ?? null;
  }

  /** The registration row locked for the rest of the transaction (after its event's lock). */
  async lockById(id: string, eventId: string, manager: EntityManager): Promise<Registration | null> {
    const rows: Registration[] = await manager.query(
      `SELECT ${COLUMNS} FROM registration WHERE id = $1 AND event_id = $2 FOR UPDATE`,
      [id, eventId],
    );
    return rows[0] ?? null;
  }

  async findInEvent(id: string, eventId: string, manager?: EntityManager): Promise<Registration | null> {
    const rows: Registration[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM registration WHERE id = $1 AND event_id = $2`,
      [id, eventId],
    );
    return rows[0] ?? null;
  }

  async countActive(eventId: string, mode: AttendanceMode, manager: EntityManager): Promise<{ confirmed: number; waitlisted: number }> {
    const rows: Array<{ confirmed: number; waitlisted: number }> = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
       FROM registration WHERE event_id = $1 AND attendance_mode = $2 AND status <> 'cancelled'`,
      [eventId, mode],
    );
    return rows[0];
  }

  /** Rank on the waiting list of its event and mode (1 = next), or null when not waitlisted. */
  async waitlistPosition(r: Pick<Registration, 'eventId' | 'attendanceMode' | 'status' | 'waitlistSeq'>, manager?: EntityManager): Promise<number | null> {
    if (r.status !== 'waitlisted' || r.waitlistSeq === null) return null;
    const rows: Array<{ n: number }> = await (manager ?? this.dataSource.manager).query(
      `SELECT count(*)::int AS n FROM registration
       WHERE event_id = $1 AND attendance_mode = $2 AND status = 'waitlisted' AND waitlist_seq <= $3`,
      [r.eventId, r.attendanceMode, r.waitlistSeq],
    );
    return rows[0].n;
  }

  /** Confirms the first waitlisted of the mode while seats are free; returns them in FIFO order. */
  async promoteWaitlisted(eventId: string, mode: AttendanceMode, capacity: number | null, now: Date, manager: EntityManager): Promise<Registration[]> {
    const result: unknown = await manager.query(
      `UPDATE registration r SET status = 'confirmed', waitlist_seq = NULL, confirmed_at = $4, updated_at = $4
       FROM (
         SELECT id AS pick_id, waitlist_seq AS pick_seq FROM registration
         WHERE event_id = $1 AND attendance_mode = $2 AND status = 'waitlisted'
         ORDER BY waitlist_seq
         LIMIT CASE WHEN $3::int IS NULL THEN NULL ELSE GREATEST(0, $3::int - (
           SELECT count(*) FROM registration WHERE event_id = $1 AND attendance_mode = $2 AND status = 'confirmed')) END
       ) pick
       WHERE r.id = pick.pick_id
       RETURNING ${COLUMNS}, pick.pick_seq::text AS "previousSeq"`,
      [eventId, mode, capacity, now],
    );
    const rows = rowsOf<Registration & { previousSeq: string }>(result);
    return rows.sort((a, b) => compareSeq(a.previousSeq, b.previousSeq));
  }

  /** Sets columns of one registration (the caller holds its lock). */
  async update(id: string, values: Partial<Registration>, manager: EntityManager): Promise<void> {
    await manager.getRepository(Registration).update({ id }, values);
  }

  /**
   * Moves a registration to another attendance mode in one statement (so the capacity guard sees
   * the final state): confirmed there, or at the end of that mode's waiting list.
   */
  async moveMode(id: string, mode: AttendanceMode, confirmed: boolean, now: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE registration SET attendance_mode = $2,
         status = CASE WHEN $3::boolean THEN 'confirmed' ELSE 'waitlisted' END,
         waitlist_seq = CASE WHEN $3::boolean THEN NULL ELSE nextval('waitlist_seq') END,
         confirmed_at = CASE WHEN $3::boolean THEN coalesce(confirmed_at, $4) END,
         updated_at = $4
       WHERE id = $1`,
      [id, mode, confirmed, now],
    );
  }

  /** Everyone still holding a place or waiting for one (for event-wide messages). */
  active(eventId: string, manager: EntityManager): Promise<Registration[]> {
    return manager.query(`SELECT ${COLUMNS} FROM registration WHERE event_id = $1 AND status <> 'cancelled' ORDER BY created_at`, [eventId]);
  }

  async findByIds(ids: string[], manager: EntityManager): Promise<Registration[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${COLUMNS} FROM registration WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** Registrants of a mode that a new format would no longer have. */
  async countActiveInMode(eventId: string, mode: AttendanceMode, manager: EntityManager): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM registration WHERE event_id = $1 AND attendance_mode = $2 AND status <> 'cancelled'`,
      [eventId, mode],
    );
    return rows[0].n;
  }
}

/** Sequence values as decimal strings (bigint): shorter is smaller. */
export function compareSeq(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
