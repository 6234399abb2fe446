import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every instance, through NOTIFY programme_changed '<event id>', that what the public
 * programme shows of an event may have changed, so each can drop its copy in memory
 * (ProgrammeMemory): its revision moved (every programme write bumps it), the event row changed
 * or went, the event got its first registration, or a workshop's confirmed count moved.
 * Notifications are sent at commit, once per event and transaction, and never for a rollback.
 */
export class ProgrammeChanges1764370000061 implements MigrationInterface {
  name = 'ProgrammeChanges1764370000061';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION programme_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target uuid;
      BEGIN
        IF TG_TABLE_NAME = 'event' THEN
          target := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
        ELSIF TG_TABLE_NAME = 'session_tally' THEN
          SELECT s.event_id INTO target FROM session s WHERE s.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
        ELSIF TG_TABLE_NAME = 'registration' THEN
          -- Only the first registration changes the programme (seats are shown from then on).
          IF EXISTS (SELECT 1 FROM registration r WHERE r.event_id = NEW.event_id AND r.id <> NEW.id) THEN
            RETURN NULL;
          END IF;
          target := NEW.event_id;
        ELSE
          target := NEW.event_id;
        END IF;
        IF target IS NOT NULL THEN
          PERFORM pg_notify('programme_changed', target::text);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER programme_revision_changed AFTER INSERT OR UPDATE ON programme_revision
      FOR EACH ROW EXECUTE FUNCTION programme_changed_notify()`);
    await q.query(`CREATE TRIGGER event_changed AFTER UPDATE OR DELETE ON event
      FOR EACH ROW EXECUTE FUNCTION programme_changed_notify()`);
    await q.query(`CREATE TRIGGER first_registration AFTER INSERT ON registration
      FOR EACH ROW EXECUTE FUNCTION programme_changed_notify()`);
    await q.query(`CREATE TRIGGER workshop_seats_added AFTER INSERT OR DELETE ON session_tally
      FOR EACH ROW EXECUTE FUNCTION programme_changed_notify()`);
    await q.query(`CREATE TRIGGER workshop_seats_changed AFTER UPDATE ON session_tally
      FOR EACH ROW WHEN (OLD.confirmed IS DISTINCT FROM NEW.confirmed) EXECUTE FUNCTION programme_changed_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER workshop_seats_changed ON session_tally`);
    await q.query(`DROP TRIGGER workshop_seats_added ON session_tally`);
    await q.query(`DROP TRIGGER first_registration ON registration`);
    await q.query(`DROP TRIGGER event_changed ON event`);
    await q.query(`DROP TRIGGER programme_revision_changed ON programme_revision`);
    await q.query(`DROP FUNCTION programme_changed_notify()`);
  }
}
