import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last line of defence against overbooking. The application decides under row locks; these
 * statement triggers re-check, after every statement that confirms someone, that the confirmed
 * count of each touched event mode and workshop is within its capacity, and raise a
 * check_violation (SQLSTATE 23514, answered as 409) otherwise. Each trigger takes the same row
 * lock the application takes (a no-op when it already holds it), so its count is exact even for
 * a code path that forgot to lock.
 */
export class RegistrationCapacityGuard1764370000020 implements MigrationInterface {
  name = 'RegistrationCapacityGuard1764370000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION assert_event_capacity(p_event uuid, p_mode text) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        cap integer;
        taken bigint;
      BEGIN
        SELECT CASE WHEN p_mode = 'online' AND e.format = 'hybrid' THEN e.online_capacity ELSE e.capacity END
          INTO cap FROM event e WHERE e.id = p_event FOR UPDATE;
        IF cap IS NULL THEN RETURN; END IF;
        SELECT count(*) INTO taken FROM registration
          WHERE event_id = p_event AND attendance_mode = p_mode AND status = 'confirmed';
        IF taken > cap THEN
          RAISE EXCEPTION 'event % overbooked (%): % confirmed for % seats', p_event, p_mode, taken, cap
            USING ERRCODE = 'check_violation', CONSTRAINT = 'registration_capacity';
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION assert_session_capacity(p_session uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        cap integer;
        taken bigint;
      BEGIN
        SELECT coalesce(s.capacity, r.capacity) INTO cap
          FROM session s LEFT JOIN room r ON r.id = s.room_id WHERE s.id = p_session FOR UPDATE OF s;
        IF cap IS NULL THEN RETURN; END IF;
        SELECT count(*) INTO taken FROM session_choice WHERE session_id = p_session AND status = 'confirmed';
        IF taken > cap THEN
          RAISE EXCEPTION 'session % overbooked: % confirmed for % seats', p_session, taken, cap
            USING ERRCODE = 'check_violation', CONSTRAINT = 'session_choice_capacity';
        END IF;
      END $$`);
    // Only rows that became confirmed (or changed mode while confirmed) can overbook: check-ins
    // and anonymisation never pay for the check.
    await q.query(`
      CREATE FUNCTION registration_capacity_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k record;
      BEGIN
        FOR k IN SELECT DISTINCT event_id, attendance_mode FROM new_rows WHERE status = 'confirmed' ORDER BY 1, 2 LOOP
          PERFORM assert_event_capacity(k.event_id, k.attendance_mode);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION registration_capacity_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k record;
      BEGIN
        FOR k IN SELECT DISTINCT n.event_id, n.attendance_mode FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.status = 'confirmed' AND (o.status <> 'confirmed' OR o.attendance_mode <> n.attendance_mode)
                 ORDER BY 1, 2 LOOP
          PERFORM assert_event_capacity(k.event_id, k.attendance_mode);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION session_choice_capacity_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k record;
      BEGIN
        FOR k IN SELECT DISTINCT session_id FROM new_rows WHERE status = 'confirmed' ORDER BY 1 LOOP
          PERFORM assert_session_capacity(k.session_id);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION session_choice_capacity_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE k record;
      BEGIN
        FOR k IN SELECT DISTINCT n.session_id FROM new_rows n
                 JOIN old_rows o ON o.registration_id = n.registration_id AND o.session_id = n.session_id
                 WHERE n.status = 'confirmed' AND o.status <> 'confirmed' ORDER BY 1 LOOP
          PERFORM assert_session_capacity(k.session_id);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER registration_capacity_insert AFTER INSERT ON registration
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_capacity_on_insert()`);
    await q.query(`CREATE TRIGGER registration_capacity_update AFTER UPDATE ON registration
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registration_capacity_on_update()`);
    await q.query(`CREATE TRIGGER session_choice_capacity_insert AFTER INSERT ON session_choice
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_choice_capacity_on_insert()`);
    await q.query(`CREATE TRIGGER session_choice_capacity_update AFTER UPDATE ON session_choice
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION session_choice_capacity_on_update()`);
    // Workshop waiting lists are read in FIFO order per session.
    await q.query(`CREATE INDEX session_choice_waitlist ON session_choice (session_id, waitlist_seq) WHERE status = 'waitlisted'`);
    await q.query(`CREATE INDEX session_choice_registration ON session_choice (registration_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX session_choice_registration`);
    await q.query(`DROP INDEX session_choice_waitlist`);
    await q.query(`DROP TRIGGER session_choice_capacity_update ON session_choice`);
    await q.query(`DROP TRIGGER session_choice_capacity_insert ON session_choice`);
    await q.query(`DROP TRIGGER registration_capacity_update ON registration`);
    await q.query(`DROP TRIGGER registration_capacity_insert ON registration`);
    await q.query(`DROP FUNCTION session_choice_capacity_on_update()`);
    await q.query(`DROP FUNCTION session_choice_capacity_on_insert()`);
    await q.query(`DROP FUNCTION registration_capacity_on_update()`);
    await q.query(`DROP FUNCTION registration_capacity_on_insert()`);
    await q.query(`DROP FUNCTION assert_session_capacity(uuid)`);
    await q.query(`DROP FUNCTION assert_event_capacity(uuid, text)`);
  }
}
