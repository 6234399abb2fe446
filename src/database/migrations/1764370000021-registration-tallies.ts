import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seat tallies kept by row triggers: how many are confirmed and waiting per event and attendance
 * mode, and per workshop. Deciding a seat then reads one row instead of counting every
 * registration while the event is locked (the registration rush is serialised on that lock, so
 * this is what bounds its throughput). The tallies also make the last line of defence exact and
 * O(1): the trigger that bumps a tally row (which row-locks it) refuses a confirmed count above
 * capacity with a check_violation (SQLSTATE 23514, answered as 409). This replaces the counting
 * statement triggers of 1764370000020.
 */
export class RegistrationTallies1764370000021 implements MigrationInterface {
  name = 'RegistrationTallies1764370000021';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER registration_capacity_insert ON registration`);
    await q.query(`DROP TRIGGER registration_capacity_update ON registration`);
    await q.query(`DROP TRIGGER session_choice_capacity_insert ON session_choice`);
    await q.query(`DROP TRIGGER session_choice_capacity_update ON session_choice`);
    await q.query(`
      CREATE TABLE registration_tally (
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        attendance_mode text NOT NULL,
        confirmed integer NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
        waitlisted integer NOT NULL DEFAULT 0 CHECK (waitlisted >= 0),
        PRIMARY KEY (event_id, attendance_mode)
      )`);
    // No foreign key: a session's choices are deleted by cascade, in an order we do not control.
    await q.query(`
      CREATE TABLE session_tally (
        session_id uuid PRIMARY KEY,
        confirmed integer NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
        waitlisted integer NOT NULL DEFAULT 0 CHECK (waitlisted >= 0)
      )`);
    await q.query(`
      INSERT INTO registration_tally (event_id, attendance_mode, confirmed, waitlisted)
      SELECT event_id, attendance_mode, count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'waitlisted')
      FROM registration WHERE status <> 'cancelled' GROUP BY 1, 2`);
    await q.query(`
      INSERT INTO session_tally (session_id, confirmed, waitlisted)
      SELECT session_id, count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'waitlisted')
      FROM session_choice WHERE status <> 'cancelled' GROUP BY 1`);
    await q.query(`
      CREATE FUNCTION registration_tally_track() RETURNS trigger LANGUAGE plpgsql AS $$
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
      END $$`);
    await q.query(`
      CREATE FUNCTION session_tally_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        cap integer;
        taken integer;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.session_id = NEW.session_id THEN
          RETURN NULL;
        END IF;
        IF TG_OP <> 'INSERT' AND OLD.status <> 'cancelled' THEN
          UPDATE session_tally
            SET confirmed = confirmed - (OLD.status = 'confirmed')::int, waitlisted = waitlisted - (OLD.status = 'waitlisted')::int
            WHERE session_id = OLD.session_id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.status <> 'cancelled' THEN
          INSERT INTO session_tally AS t (session_id, confirmed, waitlisted)
            VALUES (NEW.session_id, (NEW.status = 'confirmed')::int, (NEW.status = 'waitlisted')::int)
            ON CONFLICT (session_id) DO UPDATE
              SET confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted
            RETURNING t.confirmed INTO taken;
          IF NEW.status = 'confirmed' THEN
            SELECT coalesce(s.capacity, r.capacity) INTO cap FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = NEW.session_id;
            IF cap IS NOT NULL AND taken > cap THEN
              RAISE EXCEPTION 'session % overbooked: % confirmed for % seats', NEW.session_id, taken, cap
                USING ERRCODE = 'check_violation', CONSTRAINT = 'session_choice_capacity';
            END IF;
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER registration_tally AFTER INSERT OR UPDATE OR DELETE ON registration
      FOR EACH ROW EXECUTE FUNCTION registration_tally_track()`);
    await q.query(`CREATE TRIGGER session_choice_tally AFTER INSERT OR UPDATE OR DELETE ON session_choice
      FOR EACH ROW EXECUTE FUNCTION session_tally_track()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER session_choice_tally ON session_choice`);
    await q.query(`DROP TRIGGER registration_tally ON registration`);
    await q.query(`DROP FUNCTION session_tally_track()`);
    await q.query(`DROP FUNCTION registration_tally_track()`);
    await q.query(`DROP TABLE session_tally`);
    await q.query(`DROP TABLE registration_tally`);
    await q.query(`CREATE TRIGGER registration_capacity_insert AFTER INSERT ON registration
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_capacity_on_insert()`);
    await q.query(`CREATE TRIGGER registration_capacity_update AFTER UPDATE ON registration
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_capacity_on_update()`);
    await q.query(`CREATE TRIGGER session_choice_capacity_insert AFTER INSERT ON session_choice
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_choice_capacity_on_insert()`);
    await q.query(`CREATE TRIGGER session_choice_capacity_update AFTER UPDATE ON session_choice
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_choice_capacity_on_update()`);
  }
}
