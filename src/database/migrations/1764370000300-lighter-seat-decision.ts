import { MigrationInterface, QueryRunner } from 'typeorm';
import { REGISTER_ATTENDEE as REGISTER_ATTENDEE_110 } from './1764370000110-registration-quotas';
import { withPreferences } from './1764370000120-workshop-allocation';

/**
 * Less work while an event's row lock is held, the same decisions. Every registration of a rush
 * waits for that lock in turn, so what runs under it sets the rush's pace:
 * - the trigger `first_registration` asked, on every insert, whether the event had any other
 *   registration, to say once that the programme changed (its seats are shown from then on). The
 *   tally trigger already knows: when it creates or raises a mode's tally from nothing to one, it
 *   says so itself (also after every registration of a mode was cancelled: one more notice, which
 *   only makes each instance re-read the programme).
 * - register_attendee stored the (empty) preferences and the (empty) workshop choices with a
 *   statement each even when there were none.
 */
export class LighterSeatDecision1764370000300 implements MigrationInterface {
  name = 'LighterSeatDecision1764370000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER first_registration ON registration`);
    await q.query(REGISTRATION_TALLY_TRACK);
    await q.query(lighter(withPreferences(REGISTER_ATTENDEE_110)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(withPreferences(REGISTER_ATTENDEE_110));
    await q.query(REGISTRATION_TALLY_TRACK_BASELINE);
    await q.query(`CREATE TRIGGER first_registration AFTER INSERT ON public.registration FOR EACH ROW EXECUTE FUNCTION public.programme_changed_notify()`);
  }
}

const PREFERENCES = `  INSERT INTO workshop_preference (registration_id, session_id, rank)
  SELECT r.id, p."sessionId", p.rank
  FROM jsonb_to_recordset(coalesce(p_registration->'preferences', '[]'::jsonb)) AS p("sessionId" uuid, rank int);
`;
const CHOICES_START = `  -- A workshop seat only for a confirmed registrant, and only while the workshop has room.
  WITH chosen AS (`;
const CHOICES_END = `  FROM choices ch JOIN chosen c ON c.session_id = ch.session_id;
`;

/** register_attendee without the statements that would store nothing. */
export function lighter(sql: string): string {
  const start = sql.indexOf(CHOICES_START);
  const end = sql.indexOf(CHOICES_END);
  if (!sql.includes(PREFERENCES) || start < 0 || end < start) throw new Error('register_attendee changed: update lighter()');
  const choices = sql.slice(start, end + CHOICES_END.length);
  const indent = (text: string) => text.replace(/^(?=.)/gm, '  ');
  return sql
    .replace(choices, `  IF cardinality(p_session_ids) > 0 THEN\n${indent(choices)}  ELSE\n    sessions := '[]'::json;\n  END IF;\n`)
    .replace(PREFERENCES, `  IF jsonb_array_length(coalesce(p_registration->'preferences', '[]'::jsonb)) > 0 THEN\n${indent(PREFERENCES)}  END IF;\n`);
}

/** The tally trigger of the baseline, which also says when a mode's first active registration arrives. */
const REGISTRATION_TALLY_TRACK = `
CREATE OR REPLACE FUNCTION public.registration_tally_track() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      DECLARE
        cap integer;
        taken integer;
        active integer;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.attendance_mode = NEW.attendance_mode AND OLD.event_id = NEW.event_id THEN
          RETURN NULL;
        END IF;
        IF TG_OP <> 'INSERT' AND OLD.status <> 'cancelled' THEN
          UPDATE registration_tally
            SET confirmed = confirmed - (OLD.status = 'confirmed')::int, waitlisted = waitlisted - (OLD.status = 'waitlisted')::int
            WHERE event_id = OLD.event_id AND attendance_mode = OLD.attendance_mode;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status <> 'cancelled' THEN
          INSERT INTO registration_tally AS t (event_id, attendance_mode, confirmed, waitlisted)
            VALUES (NEW.event_id, NEW.attendance_mode, (NEW.status = 'confirmed')::int, (NEW.status = 'waitlisted')::int)
            ON CONFLICT (event_id, attendance_mode) DO UPDATE
              SET confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted
            RETURNING t.confirmed, t.confirmed + t.waitlisted INTO taken, active;
          -- The programme shows seats once an event has registrations: say that it changed.
          IF TG_OP = 'INSERT' AND active = 1 THEN
            PERFORM pg_notify('programme_changed', NEW.event_id::text);
          END IF;
          IF NEW.status = 'confirmed' THEN
            SELECT CASE WHEN NEW.attendance_mode = 'online' AND e.format = 'hybrid' THEN e.online_capacity ELSE e.capacity END
              INTO cap FROM event e WHERE e.id = NEW.event_id;
            IF cap IS NOT NULL AND taken > cap THEN
              RAISE EXCEPTION 'event % overbooked (%): % confirmed for % seats', NEW.event_id, NEW.attendance_mode, taken, cap
                USING ERRCODE = 'check_violation', CONSTRAINT = 'registration_capacity';
            END IF;
          END IF;
        END IF;
        RETURN NULL;
      END $$`;

/** As the baseline created it (for `down`). */
const REGISTRATION_TALLY_TRACK_BASELINE = `
CREATE OR REPLACE FUNCTION public.registration_tally_track() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
      DECLARE
        cap integer;
        taken integer;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.attendance_mode = NEW.attendance_mode AND OLD.event_id = NEW.event_id THEN
          RETURN NULL;
        END IF;
        IF TG_OP <> 'INSERT' AND OLD.status <> 'cancelled' THEN
          UPDATE registration_tally
            SET confirmed = confirmed - (OLD.status = 'confirmed')::int, waitlisted = waitlisted - (OLD.status = 'waitlisted')::int
            WHERE event_id = OLD.event_id AND attendance_mode = OLD.attendance_mode;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status <> 'cancelled' THEN
          INSERT INTO registration_tally AS t (event_id, attendance_mode, confirmed, waitlisted)
            VALUES (NEW.event_id, NEW.attendance_mode, (NEW.status = 'confirmed')::int, (NEW.status = 'waitlisted')::int)
            ON CONFLICT (event_id, attendance_mode) DO UPDATE
              SET confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted
            RETURNING t.confirmed INTO taken;
          IF NEW.status = 'confirmed' THEN
            SELECT CASE WHEN NEW.attendance_mode = 'online' AND e.format = 'hybrid' THEN e.online_capacity ELSE e.capacity END
              INTO cap FROM event e WHERE e.id = NEW.event_id;
            IF cap IS NOT NULL AND taken > cap THEN
              RAISE EXCEPTION 'event % overbooked (%): % confirmed for % seats', NEW.event_id, NEW.attendance_mode, taken, cap
                USING ERRCODE = 'check_violation', CONSTRAINT = 'registration_capacity';
            END IF;
          END IF;
        END IF;
        RETURN NULL;
      END $$`;
