import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceMode, Registration } from './registration.entity';

/** Raw SQL rows come back under the entity's property names. */
const COLUMNS = `id, event_id AS "eventId", first_name AS "firstName", last_name AS "lastName", email, organisation,
  organisation_type AS "organisationType", job_title AS "jobTitle", department, attendance_mode AS "attendanceMode",
  accessibility_needs AS "accessibilityNeeds", accessibility, travel_support AS "travelSupport", dietary_requirements AS "dietaryRequirements", consent_at AS "consentAt",
  photo_consent AS "photoConsent", photo_consent_at AS "photoConsentAt", status, waitlist_seq::text AS "waitlistSeq",
  manage_token_hash AS "manageTokenHash", token_version AS "tokenVersion", check_in_code AS "checkInCode", checked_in_at AS "checkedInAt",
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
  /** Null lets the event's format decide (hybrid events require it). */
  attendanceMode: AttendanceMode | null;
  accessibilityNeeds: string | null;
  accessibility: string[];
  travelSupport: boolean;
  dietaryRequirements: string | null;
  photoConsent: boolean;
  manageTokenHash: string;
  checkInCode: string;
  /** Preferences events: the workshops ranked (register_attendee checks and stores them). */
  preferences: WorkshopRank[];
}

export interface WorkshopRank {
  sessionId: string;
  rank: number;
}

/** register_attendee's answer: `registered`, or the code of why not (with its detail). */
export interface RegistrationDecision {
  outcome: string;
  detail: unknown;
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
   * The seat decisions for registrations of ONE event, in order, by register_attendees
   * (in the baseline migration; it calls register_attendee for each): one parameterised statement
   * outside any explicit transaction, so the event lock is held only for the server's own work.
   */
  async registerBatch(items: Array<{ registration: NewRegistration; sessionIds: string[] }>, now: Date): Promise<RegistrationDecision[]> {
    const rows: Array<{
      ord: number;
      outcome: string;
      status: 'confirmed' | 'waitlisted' | null;
      position: number | null;
      sessions: RegistrationDecision['sessions'] | null;
      detail: unknown;
    }> = await this.dataSource.query(`SELECT ord, outcome, status, "position", sessions, detail FROM register_attendees(p_items => $1::jsonb, p_now => $2::timestamptz)`, [
      JSON.stringify(items.map((item) => ({ registration: asColumns(item.registration), sessionIds: item.sessionIds }))),
      now,
    ]);
    return rows
      .sort((a, b) => a.ord - b.ord)
      .map((row) => ({
        outcome: row.outcome,
        detail: row.detail,
        status: row.status ?? 'waitlisted',
        waitlistPosition: row.status === 'waitlisted' ? row.position : null,
        sessions: row.sessions ?? [],
      }));
  }

  async findByTokenHash(hash: string, manager?: EntityManager): Promise<Registration | null> {
    const rows: Registration[] = await (manager ?? this.dataSource.manager).query(`SELECT ${COLUMNS} FROM registration WHERE manage_token_hash = $1`, [hash]);
    return rows[0] ?? null;
  }

  /** The active registration of an address at an event (emails are stored in lower case). */
  async findActiveByEmail(eventId: string, email: string, manager: EntityManager): Promise<Registration | null> {
    const rows: Registration[] = await manager.query(`SELECT ${COLUMNS} FROM registration WHERE event_id = $1 AND email = $2 AND status <> 'cancelled'`, [eventId, email]);
    return rows[0] ?? null;
  }

  /** The registration row locked for the rest of the transaction (after its event's lock). */
  async lockById(id: string, eventId: string, manager: EntityManager): Promise<Registration | null> {
    const rows: Registration[] = await manager.query(`SELECT ${COLUMNS} FROM registration WHERE id = $1 AND event_id = $2 FOR UPDATE`, [id, eventId]);
    return rows[0] ?? null;
  }

  async findInEvent(id: string, eventId: string, manager?: EntityManager): Promise<Registration | null> {
    const rows: Registration[] = await (manager ?? this.dataSource.manager).query(`SELECT ${COLUMNS} FROM registration WHERE id = $1 AND event_id = $2`, [id, eventId]);
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

  /**
   * Confirms, in waiting-list order, everyone of the mode a seat is free for (promote_waitlisted,
   * migration 1764370000110: kept seats go to the first waiting person of their type); returns
   * them in that order. The event must be locked.
   */
  async promoteWaitlisted(eventId: string, mode: AttendanceMode, now: Date, manager: EntityManager): Promise<Registration[]> {
    const promoted: Array<{ id: string }> = await manager.query(`SELECT id FROM promote_waitlisted($1, $2, $3)`, [eventId, mode, now]);
    if (promoted.length === 0) return [];
    // A second statement: the first one's snapshot does not show what the function changed.
    const rows: Registration[] = await manager.query(`SELECT ${COLUMNS} FROM registration WHERE id = ANY($1::uuid[])`, [promoted.map((p) => p.id)]);
    const order = new Map(promoted.map((p, i) => [p.id, i]));
    return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  /** Whether a registrant of this type would be confirmed in this mode now (can_confirm: the seat rule). The event must be locked. */
  async canConfirm(eventId: string, mode: AttendanceMode, organisationType: string, now: Date, manager: EntityManager): Promise<boolean> {
    const rows: Array<{ ok: boolean }> = await manager.query(`SELECT can_confirm(e, $2, $3, $4) AS ok FROM event e WHERE e.id = $1`, [eventId, mode, organisationType, now]);
    return rows[0]?.ok ?? false;
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
    const rows: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM registration WHERE event_id = $1 AND attendance_mode = $2 AND status <> 'cancelled'`, [
      eventId,
      mode,
    ]);
    return rows[0].n;
  }
}

/** A new registration under its column names, as register_attendee reads it (jsonb_populate_record). */
function asColumns(r: NewRegistration): Record<string, unknown> {
  return {
    id: r.id,
    event_id: r.eventId,
    first_name: r.firstName,
    last_name: r.lastName,
    email: r.email,
    organisation: r.organisation,
    organisation_type: r.organisationType,
    job_title: r.jobTitle,
    department: r.department,
    attendance_mode: r.attendanceMode,
    accessibility_needs: r.accessibilityNeeds,
    accessibility: r.accessibility,
    travel_support: r.travelSupport,
    dietary_requirements: r.dietaryRequirements,
    photo_consent: r.photoConsent,
    manage_token_hash: r.manageTokenHash,
    token_version: 1,
    check_in_code: r.checkInCode,
    preferences: r.preferences,
  };
}

/** Sequence values as decimal strings (bigint): shorter is smaller. */
export function compareSeq(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
