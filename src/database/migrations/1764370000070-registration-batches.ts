import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registrations that arrive together for one event are decided together: one statement, one
 * transaction, the event's row lock taken once, each registration decided in arrival order by
 * register_attendee (which stays the only place that decides; its own FOR UPDATE on the event is
 * then free). Under a rush this replaces fifty statements queueing on one row lock by a few that
 * each decide many seats, with the same result as deciding them one by one in that order.
 * Answers one row per item, `ord` being its 1-based position in `p_items`.
 */
export class RegistrationBatches1764370000070 implements MigrationInterface {
  name = 'RegistrationBatches1764370000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION register_attendees(p_items jsonb, p_now timestamptz)
        RETURNS TABLE (ord int, outcome text, status text, "position" int, sessions json, detail json)
        LANGUAGE plpgsql VOLATILE
        SET plan_cache_mode = force_generic_plan
      AS $fn$
      DECLARE
        item jsonb;
        decided record;
      BEGIN
        ord := 0;
        FOR item IN SELECT value FROM jsonb_array_elements(p_items) LOOP
          ord := ord + 1;
          SELECT * INTO decided FROM register_attendee(
            item->'registration',
            ARRAY(SELECT jsonb_array_elements_text(item->'sessionIds'))::uuid[],
            p_now);
          outcome := decided.outcome;
          status := decided.status;
          "position" := decided."position";
          sessions := decided.sessions;
          detail := decided.detail;
          RETURN NEXT;
        END LOOP;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION register_attendees(jsonb, timestamptz)`);
  }
}
