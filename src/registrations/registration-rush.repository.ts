import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { OutboxMessage } from '../notifications/outbox.repository';
import type { InsertedRegistration, NewRegistration } from './registrations.repository';

/** Markers in the pre-rendered messages that the statement fills in once the seats are decided. */
export const POSITION_MARK = '\u0001position\u0001';
export const WORKSHOPS_MARK = '\u0001workshops\u0001';

export interface RushRequest {
  registration: NewRegistration;
  /** What the pre-read saw; the statement re-checks it under the lock. */
  eventFormat: string;
  now: Date;
  /** Chosen workshops, in the order their lines appear in the messages. */
  workshops: Array<{ sessionId: string; textLine: string; htmlLine: string }>;
  statusLabels: { confirmed: string; waitlisted: string };
  confirmed: OutboxMessage;
  waitlisted: OutboxMessage;
}

/**
 * An escaped string literal. E'' syntax, so the meaning does not depend on
 * standard_conforming_strings; NUL cannot be stored in text and is dropped. (Two native regex
 * passes: pg's escapeLiteral walks the string character by character, which shows in a rush.)
 */
const lit = (value: string | null) =>
  value === null ? 'NULL' : `E'${value.replace(/\u0000/g, '').replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const ts = (value: Date) => `'${value.toISOString()}'::timestamptz`;
const textArray = (values: string[]) => `ARRAY[${values.map(lit).join(', ')}]::text[]`;
const uuidArray = (values: string[]) => `ARRAY[${values.map(lit).join(', ')}]::uuid[]`;

const STATEMENT = 'registration_rush';
const prepared = new WeakSet<object>();

/** The event row lock that serialises seat decisions for one event (as EventsRepository.lockById). */
const PREPARE_LOCK = `PREPARE ${STATEMENT}_lock (uuid) AS SELECT 1 FROM event WHERE id = $1 FOR UPDATE`;

/** The decision and every insert, in one statement; run right after the event row is locked. */
const PREPARE = `PREPARE ${STATEMENT} (uuid, uuid, text, text, text, text, text, text, text, text, text, text, boolean, text, text,
  timestamptz, text, uuid[], text[], text[], text, text, text, text, text, text, text, text, text, jsonb, text, text, int) AS
WITH ev AS (
  SELECT CASE WHEN $10 = 'online' AND format = 'hybrid' THEN online_capacity ELSE capacity END AS capacity
  FROM event
  WHERE id = $2 AND status = 'published' AND format = $17
    AND (registration_opens_at IS NULL OR registration_opens_at <= $16) AND $16 < coalesce(registration_closes_at, starts_at)
    AND (SELECT count(*) FROM session WHERE id = ANY($18) AND event_id = $2 AND type = 'workshop') = $33
    AND NOT EXISTS (SELECT 1 FROM session a JOIN session b ON a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                    WHERE a.id = ANY($18) AND b.id = ANY($18))
), counts AS (
  SELECT coalesce(max(confirmed), 0) AS confirmed, coalesce(max(waitlisted), 0) AS waiting
  FROM registration_tally WHERE event_id = $2 AND attendance_mode = $10
), decision AS (
  SELECT CASE WHEN c.waiting = 0 AND (ev.capacity IS NULL OR c.confirmed < ev.capacity) THEN 'confirmed' ELSE 'waitlisted' END AS status,
    c.waiting + 1 AS position
  FROM ev, counts c
), ins AS (
  INSERT INTO registration (id, event_id, first_name, last_name, email, organisation, organisation_type, job_title, department,
    attendance_mode, accessibility_needs, dietary_requirements, photo_consent, photo_consent_at, manage_token_hash, check_in_code,
    consent_at, status, waitlist_seq, confirmed_at, created_at, updated_at)
  SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CASE WHEN $13 THEN $16 END, $14, $15,
    $16, d.status, CASE WHEN d.status = 'waitlisted' THEN nextval('waitlist_seq') END,
    CASE WHEN d.status = 'confirmed' THEN $16 END, $16, $16
  FROM decision d
  RETURNING id, status
), chosen AS (
  SELECT o.id AS session_id, o.ord, o.text_line, o.html_line, coalesce(s.capacity, rm.capacity) AS capacity
  FROM unnest($18, $19, $20) WITH ORDINALITY AS o(id, text_line, html_line, ord)
  JOIN session s ON s.id = o.id LEFT JOIN room rm ON rm.id = s.room_id
), choices AS (
  INSERT INTO session_choice (registration_id, session_id, status, waitlist_seq, created_at, updated_at)
  SELECT i.id, s.session_id, x.status, CASE WHEN x.status = 'waitlisted' THEN nextval('waitlist_seq') END, $16, $16
  FROM ins i CROSS JOIN chosen s
  CROSS JOIN LATERAL (
    SELECT CASE WHEN i.status = 'confirmed' AND (s.capacity IS NULL OR
        coalesce((SELECT t.confirmed FROM session_tally t WHERE t.session_id = s.session_id), 0) < s.capacity)
      THEN 'confirmed' ELSE 'waitlisted' END AS status
  ) x
  RETURNING session_id, status
), lines AS (
  SELECT string_agg(s.text_line || CASE c.status WHEN 'confirmed' THEN $21 ELSE $22 END, E'\\n' ORDER BY s.ord) AS text_lines,
    string_agg(s.html_line || CASE c.status WHEN 'confirmed' THEN $21 ELSE $22 END, '<br>' ORDER BY s.ord) AS html_lines
  FROM choices c JOIN chosen s ON s.session_id = c.session_id
), mail AS (
  INSERT INTO outgoing_mail (event_id, registration_id, recipient, reason, subject, html, text, attachments, next_attempt_at, created_at)
  SELECT $2, i.id, $23, CASE WHEN i.status = 'confirmed' THEN 'confirmation' ELSE 'waitlisted' END,
    CASE WHEN i.status = 'confirmed' THEN $24 ELSE $25 END,
    replace(replace(CASE WHEN i.status = 'confirmed' THEN $26 ELSE $27 END, $31, d.position::text), $32, coalesce(l.html_lines, '')),
    replace(replace(CASE WHEN i.status = 'confirmed' THEN $28 ELSE $29 END, $31, d.position::text), $32, coalesce(l.text_lines, '')),
    CASE WHEN i.status = 'confirmed' THEN $30 ELSE '[]'::jsonb END,
    $16, $16
  FROM ins i, decision d, lines l
  RETURNING id
)
SELECT i.status, d.position::int AS position, (SELECT count(*) FROM mail)::int AS mails,
  coalesce((SELECT json_agg(json_build_object('sessionId', session_id, 'status', status)) FROM choices), '[]'::json) AS sessions
FROM ins i, decision d`;

/**
 * The registration rush path: the whole transaction (lock the event row, decide, insert the
 * registration, its choices and its outbox row, commit) travels as ONE multi-statement query, so
 * the event lock is held only for the server's own work, never across network or event-loop
 * round trips. The simple query protocol has no bind parameters: values are inlined as escaped
 * literals into an EXECUTE of the statement above, prepared once per connection. Each statement
 * gets a fresh snapshot (READ COMMITTED), so what the decision reads after the lock is exact.
 * Returns null when the event no longer matches what the caller pre-read (closed, cancelled,
 * changed format, a session no longer a workshop of it, two chosen workshops now overlapping):
 * the caller then takes the fully checked path.
 */
@Injectable()
export class RegistrationRushRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async register(req: RushRequest): Promise<InsertedRegistration | null> {
    const r = req.registration;
    const ids = req.workshops.map((w) => w.sessionId);
    const args = [
      lit(r.id), lit(r.eventId), lit(r.firstName), lit(r.lastName), lit(r.email), lit(r.organisation), lit(r.organisationType),
      lit(r.jobTitle), lit(r.department), lit(r.attendanceMode), lit(r.accessibilityNeeds), lit(r.dietaryRequirements),
      r.photoConsent ? 'TRUE' : 'FALSE', lit(r.manageTokenHash), lit(r.checkInCode), ts(req.now), lit(req.eventFormat),
      uuidArray(ids), textArray(req.workshops.map((w) => w.textLine)), textArray(req.workshops.map((w) => w.htmlLine)),
      lit(req.statusLabels.confirmed), lit(req.statusLabels.waitlisted), lit(req.confirmed.recipient),
      lit(req.confirmed.subject), lit(req.waitlisted.subject), lit(req.confirmed.html), lit(req.waitlisted.html),
      lit(req.confirmed.text), lit(req.waitlisted.text), `${lit(JSON.stringify(req.confirmed.attachments ?? []))}::jsonb`,
      lit(POSITION_MARK), lit(WORKSHOPS_MARK), String(ids.length),
    ];
    // A custom plan would be re-planned at every EXECUTE (about a millisecond, under the lock).
    const sql = `BEGIN;
SET LOCAL plan_cache_mode = force_generic_plan;
EXECUTE ${STATEMENT}_lock(${lit(r.eventId)});
EXECUTE ${STATEMENT}(${args.join(', ')});
COMMIT;`;
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    let broken = false;
    try {
      // Prepared once per connection: the statement is parsed and planned once, not per registration.
      if (!prepared.has(client)) {
        await client.query(`${PREPARE_LOCK};\n${PREPARE}`);
        prepared.add(client);
      }
      const results = (await client.query(sql)) as unknown as Array<{ rows: Array<{ status: 'confirmed' | 'waitlisted'; position: number; sessions: InsertedRegistration['sessions'] }> }>;
      const row = results[3].rows[0];
      if (!row) return null;
      return { status: row.status, waitlistPosition: row.status === 'waitlisted' ? row.position : null, sessions: row.sessions };
    } catch (error) {
      // An error mid-string leaves the transaction open and aborted.
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      // As a QueryFailedError, the problem-details filter maps it like any other (lock timeout → 503, …).
      throw new QueryFailedError('register (rush path)', [], error as Error);
    } finally {
      // A connection that could not even roll back is discarded, not returned to the pool.
      client.release(broken);
    }
  }
}
