import { MigrationInterface, QueryRunner } from 'typeorm';
import { REGISTER_ATTENDEE as REGISTER_ATTENDEE_110 } from './1764370000110-registration-quotas';

/**
 * Workshops allocated by preference. An event chooses `workshop_allocation` ('first_come', today's
 * behaviour, or 'preferences'); with preferences, registrants rank the workshops of each slot
 * (workshops starting at the same time) in `workshop_preference`, nobody gets a workshop seat at
 * registration, and one allocation (allocation_seed, allocated_at, set once under the event's lock)
 * turns the ranks into session_choice rows. Afterwards the event behaves as first come.
 *
 * register_attendee (the decision at registration) now also decides, in the same transaction:
 * - a preferences event refuses `sessionIds` until it is allocated ('workshops_by_preference');
 * - preferences (p_registration->'preferences', [{sessionId, rank}]) are only for a preferences event
 *   not yet allocated ('preferences_not_accepted'), name workshops of the event ('not_workshop'),
 *   and give at most one workshop per rank in a slot ('rank_taken'); they are stored with the row.
 */
export class WorkshopAllocation1764370000120 implements MigrationInterface {
  name = 'WorkshopAllocation1764370000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event
      ADD COLUMN workshop_allocation text NOT NULL DEFAULT 'first_come' CONSTRAINT event_workshop_allocation_check CHECK (workshop_allocation IN ('first_come', 'preferences')),
      ADD COLUMN preferences_close_at timestamptz,
      ADD COLUMN allocation_seed text,
      ADD COLUMN allocated_at timestamptz,
      ADD CONSTRAINT event_preferences_close_check CHECK (workshop_allocation = 'first_come' OR preferences_close_at IS NOT NULL)`);
    await q.query(`CREATE TABLE workshop_preference (
      registration_id uuid NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
      session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
      rank int NOT NULL CONSTRAINT workshop_preference_rank_check CHECK (rank BETWEEN 1 AND 3),
      PRIMARY KEY (registration_id, session_id))`);
    await q.query(`CREATE INDEX workshop_preference_session ON workshop_preference (session_id)`);
    await q.query(`CREATE INDEX event_allocation_due ON event (preferences_close_at) WHERE workshop_allocation = 'preferences' AND allocated_at IS NULL`);
    await q.query(withPreferences(REGISTER_ATTENDEE_110));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(REGISTER_ATTENDEE_110);
    await q.query(`DROP TABLE workshop_preference`);
    await q.query(`DROP INDEX event_allocation_due`);
    await q.query(`ALTER TABLE event DROP CONSTRAINT event_preferences_close_check,
      DROP COLUMN workshop_allocation, DROP COLUMN preferences_close_at, DROP COLUMN allocation_seed, DROP COLUMN allocated_at`);
  }
}

const CHECKS_ANCHOR = `  -- Exact under the event lock (every path that sets an email holds it); the unique index backs it.`;
const CHECKS = `  -- Workshops by preference: no seat at registration, ranks instead (until the allocation is made).
  IF e.workshop_allocation = 'preferences' AND e.allocated_at IS NULL AND cardinality(p_session_ids) > 0 THEN
    outcome := 'workshops_by_preference'; detail := to_json(e.preferences_close_at); RETURN NEXT; RETURN;
  END IF;
  IF jsonb_array_length(coalesce(p_registration->'preferences', '[]'::jsonb)) > 0 THEN
    IF e.workshop_allocation <> 'preferences' OR e.allocated_at IS NOT NULL THEN
      outcome := 'preferences_not_accepted'; RETURN NEXT; RETURN;
    END IF;
    SELECT json_agg(p."sessionId") INTO v_detail
    FROM jsonb_to_recordset(p_registration->'preferences') AS p("sessionId" uuid, rank int)
    WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.id = p."sessionId" AND s.event_id = e.id AND s.type = 'workshop');
    IF v_detail IS NOT NULL THEN
      outcome := 'not_workshop'; detail := v_detail; RETURN NEXT; RETURN;
    END IF;
    SELECT json_build_object('startsAt', s.starts_at, 'rank', p.rank) INTO v_detail
    FROM jsonb_to_recordset(p_registration->'preferences') AS p("sessionId" uuid, rank int)
    JOIN session s ON s.id = p."sessionId"
    GROUP BY s.starts_at, p.rank HAVING count(*) > 1
    LIMIT 1;
    IF v_detail IS NOT NULL THEN
      outcome := 'rank_taken'; detail := v_detail; RETURN NEXT; RETURN;
    END IF;
  END IF;

`;
const STORE_ANCHOR = `  -- A workshop seat only for a confirmed registrant, and only while the workshop has room.`;
const STORE = `  INSERT INTO workshop_preference (registration_id, session_id, rank)
  SELECT r.id, p."sessionId", p.rank
  FROM jsonb_to_recordset(coalesce(p_registration->'preferences', '[]'::jsonb)) AS p("sessionId" uuid, rank int);

`;

/** register_attendee of 1764370000110 with the preference checks and the ranks stored. */
export function withPreferences(sql: string): string {
  if (!sql.includes(CHECKS_ANCHOR) || !sql.includes(STORE_ANCHOR)) throw new Error('register_attendee changed: update withPreferences');
  return sql.replace(CHECKS_ANCHOR, CHECKS + CHECKS_ANCHOR).replace(STORE_ANCHOR, STORE + STORE_ANCHOR);
}
