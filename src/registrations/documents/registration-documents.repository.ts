import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REGISTRATION_ORDER } from '../admin/admin-registrations.repository';

/** What documents print about a person. */
export interface DocumentPerson {
  id: string;
  eventId: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  organisationType: string;
  attendanceMode: 'onsite' | 'online';
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  checkInCode: string;
  checkedInAt: Date | null;
  accessibility: string[];
}

/** A session on someone's programme: every session without choices, and the workshops they chose. */
export interface PlannedSession {
  id: string;
  title: string;
  type: string;
  startsAt: Date;
  endsAt: Date;
  room: string | null;
  speakers: string[];
  /** null for sessions everyone attends. */
  choice: 'confirmed' | 'waitlisted' | null;
  waitlistPosition: number | null;
  updatedAt: Date;
}

const PERSON = `r.id, r.event_id AS "eventId", r.first_name AS "firstName", r.last_name AS "lastName", r.organisation,
  r.organisation_type AS "organisationType", r.attendance_mode AS "attendanceMode", r.status,
  r.check_in_code AS "checkInCode", r.checked_in_at AS "checkedInAt", r.accessibility`;

/** Confirmed, on site: who gets a badge and signs the sheets. */
const PRESENT = `r.status = 'confirmed' AND r.attendance_mode = 'onsite'`;

const SPEAKERS = `coalesce((SELECT json_agg(sp.full_name ORDER BY sp.full_name) FROM session_speaker ss
  JOIN speaker sp ON sp.id = ss.speaker_id WHERE ss.session_id = s.id), '[]'::json)`;

const BATCH = 200;

/** Reads for documents; nothing here writes. Long lists come through a server-side cursor. */
@Injectable()
export class RegistrationDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findPerson(id: string): Promise<DocumentPerson | null> {
    return (await this.findPersons([id]))[0] ?? null;
  }

  /** Several people in one statement (the messages of a delivery batch). */
  findPersons(ids: string[]): Promise<DocumentPerson[]> {
    return this.dataSource.query(`SELECT ${PERSON} FROM registration r WHERE r.id = ANY($1::uuid[])`, [ids]);
  }

  async findPersonByTokenHash(hash: string): Promise<DocumentPerson | null> {
    const rows: DocumentPerson[] = await this.dataSource.query(`SELECT ${PERSON} FROM registration r WHERE r.manage_token_hash = $1`, [hash]);
    return rows[0] ?? null;
  }

  /** Rank on the event's waiting list of the person's mode (1 = next); null when not waitlisted. */
  async waitlistPosition(id: string): Promise<number | null> {
    const rows: Array<{ n: number | null }> = await this.dataSource.query(
      `SELECT CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM registration w
         WHERE w.event_id = r.event_id AND w.attendance_mode = r.attendance_mode AND w.status = 'waitlisted'
           AND w.waitlist_seq <= r.waitlist_seq) END AS n
       FROM registration r WHERE r.id = $1`,
      [id],
    );
    return rows[0]?.n ?? null;
  }

  /** The person's programme in time order: sessions without choices, and their active workshop choices with ranks. */
  async plannedSessions(registrationId: string, eventId: string): Promise<PlannedSession[]> {
    return (await this.plannedSessionsOf([{ id: registrationId, eventId }])).get(registrationId) ?? [];
  }

  /** The programmes of several people (each in time order) in one statement, by registration id. */
  async plannedSessionsOf(people: Array<{ id: string; eventId: string }>): Promise<Map<string, PlannedSession[]>> {
    const rows: Array<PlannedSession & { registrationId: string }> = await this.dataSource.query(
      `SELECT p.registration_id AS "registrationId", s.id, s.title, s.type, s.starts_at AS "startsAt", s.ends_at AS "endsAt", rm.name AS room, ${SPEAKERS} AS speakers,
         c.status AS choice, greatest(s.updated_at, c.updated_at) AS "updatedAt",
         CASE WHEN c.status = 'waitlisted' THEN (SELECT count(*)::int FROM session_choice w
           WHERE w.session_id = c.session_id AND w.status = 'waitlisted' AND w.waitlist_seq <= c.waitlist_seq) END AS "waitlistPosition"
       FROM unnest($1::uuid[], $2::uuid[]) AS p(registration_id, event_id)
       JOIN session s ON s.event_id = p.event_id
       LEFT JOIN room rm ON rm.id = s.room_id
       LEFT JOIN session_choice c ON c.session_id = s.id AND c.registration_id = p.registration_id AND c.status <> 'cancelled'
       WHERE s.type <> 'workshop' OR c.session_id IS NOT NULL
       ORDER BY p.registration_id, s.starts_at, rm.name NULLS LAST, s.title, s.id`,
      [people.map((p) => p.id), people.map((p) => p.eventId)],
    );
    const byPerson = new Map<string, PlannedSession[]>(people.map((p) => [p.id, []]));
    for (const { registrationId, ...session } of rows) byPerson.get(registrationId)?.push(session);
    return byPerson;
  }

  /** Every session everyone attends (no choices), in time order. */
  commonSessions(eventId: string): Promise<PlannedSession[]> {
    return this.dataSource.query(
      `SELECT s.id, s.title, s.type, s.starts_at AS "startsAt", s.ends_at AS "endsAt", rm.name AS room, ${SPEAKERS} AS speakers,
         NULL AS choice, NULL AS "waitlistPosition", s.updated_at AS "updatedAt"
       FROM session s LEFT JOIN room rm ON rm.id = s.room_id
       WHERE s.event_id = $1 AND s.type <> 'workshop'
       ORDER BY s.starts_at, rm.name NULLS LAST, s.title, s.id`,
      [eventId],
    );
  }

  async findSession(eventId: string, sessionId: string): Promise<{ id: string; title: string; type: string; startsAt: Date; endsAt: Date; room: string | null } | null> {
    const rows = await this.dataSource.query<Array<{ id: string; title: string; type: string; startsAt: Date; endsAt: Date; room: string | null }>>(
      `SELECT s.id, s.title, s.type, s.starts_at AS "startsAt", s.ends_at AS "endsAt", rm.name AS room
       FROM session s LEFT JOIN room rm ON rm.id = s.room_id WHERE s.id = $1 AND s.event_id = $2`,
      [sessionId, eventId],
    );
    return rows[0] ?? null;
  }

  /** Which of `ids` are not confirmed on-site registrants of the event (they get no badge). */
  async withoutBadge(eventId: string, ids: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT i.id::text AS id FROM unnest($2::uuid[]) AS i(id)
       WHERE NOT EXISTS (SELECT 1 FROM registration r WHERE r.id = i.id AND r.event_id = $1 AND ${PRESENT})`,
      [eventId, ids],
    );
    return rows.map((r) => r.id);
  }

  /** Confirmed on-site registrants (or those of `ids`), sorted by name as in the organisers' lists. */
  presentPeople(eventId: string, ids: string[] | null = null): AsyncGenerator<DocumentPerson[]> {
    return this.cursor(
      `SELECT ${PERSON} FROM registration r
       WHERE r.event_id = $1 AND ${PRESENT} AND ($2::uuid[] IS NULL OR r.id = ANY($2::uuid[]))
       ORDER BY ${REGISTRATION_ORDER}`,
      [eventId, ids],
    );
  }

  /** A workshop's confirmed on-site registrants, sorted by name. */
  workshopPeople(sessionId: string): AsyncGenerator<DocumentPerson[]> {
    return this.cursor(
      `SELECT ${PERSON} FROM session_choice c JOIN registration r ON r.id = c.registration_id
       WHERE c.session_id = $1 AND c.status = 'confirmed' AND ${PRESENT}
       ORDER BY ${REGISTRATION_ORDER}`,
      [sessionId],
    );
  }

  /** Everyone checked in, sorted by name, with the ids of the workshops they hold a seat in. */
  checkedIn(eventId: string): AsyncGenerator<Array<DocumentPerson & { workshopIds: string[] }>> {
    return this.cursor(
      `SELECT ${PERSON}, coalesce((SELECT array_agg(c.session_id::text) FROM session_choice c
           WHERE c.registration_id = r.id AND c.status = 'confirmed'), '{}') AS "workshopIds"
       FROM registration r
       WHERE r.event_id = $1 AND r.checked_in_at IS NOT NULL AND r.status <> 'cancelled'
       ORDER BY ${REGISTRATION_ORDER}`,
      [eventId],
    );
  }

  /** The event's workshops by id, for certificates. */
  workshopsOf(eventId: string): Promise<PlannedSession[]> {
    return this.dataSource.query(
      `SELECT s.id, s.title, s.type, s.starts_at AS "startsAt", s.ends_at AS "endsAt", rm.name AS room, '[]'::json AS speakers,
         'confirmed' AS choice, NULL AS "waitlistPosition", s.updated_at AS "updatedAt"
       FROM session s LEFT JOIN room rm ON rm.id = s.room_id WHERE s.event_id = $1 AND s.type = 'workshop'`,
      [eventId],
    );
  }

  /**
   * Rows in batches from a server-side cursor, in one read-only snapshot, on a connection of its
   * own that is given back when the sequence ends, fails or is abandoned (return()).
   */
  private async *cursor<T>(sql: string, params: unknown[]): AsyncGenerator<T[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(`DECLARE documents_cursor NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const rows = (await runner.query(`FETCH ${BATCH} FROM documents_cursor`)) as T[];
        if (rows.length === 0) break;
        yield rows;
        if (rows.length < BATCH) break;
      }
      await runner.query('COMMIT');
    } finally {
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }
}
