import { MigrationInterface, QueryRunner } from 'typeorm';
import { REGISTRATION_TALLY_TRACK } from './1764370000000-baseline';
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
    await q.query(withFirstRegistrationNotice(REGISTRATION_TALLY_TRACK));
    await q.query(lighter(withPreferences(REGISTER_ATTENDEE_110)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(withPreferences(REGISTER_ATTENDEE_110));
    await q.query(REGISTRATION_TALLY_TRACK.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
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

const TALLY_RETURNING = `RETURNING t.confirmed INTO taken;`;
const FIRST_NOTICE = `RETURNING t.confirmed, t.confirmed + t.waitlisted INTO taken, active;
              -- The programme shows seats once an event has registrations: say that it changed.
              IF TG_OP = 'INSERT' AND active = 1 THEN
                PERFORM pg_notify('programme_changed', NEW.event_id::text);
              END IF;`;

/** The baseline's tally trigger, which also says when a mode's first active registration arrives. */
export function withFirstRegistrationNotice(sql: string): string {
  if (!sql.includes(TALLY_RETURNING) || !sql.includes('            taken integer;\n')) throw new Error('registration_tally_track changed: update withFirstRegistrationNotice');
  return sql
    .replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')
    .replace('            taken integer;\n', '            taken integer;\n            active integer;\n')
    .replace(TALLY_RETURNING, FIRST_NOTICE);
}
