import { MigrationInterface, QueryRunner } from 'typeorm';
import { withNeeds } from './1764370000100-registration-needs';
import { REGISTER_ATTENDEE as REGISTER_ATTENDEE_050 } from './register-attendee-baseline';

/**
 * Places kept for kinds of participant (quotas). An event keeps `seats` of a mode's capacity for an
 * organisation type until `quotas_release_at`; `quotas_released_at` is set once, by the release job,
 * under the event's row lock (so however many instances run it, the waiting list is promoted once).
 *
 * The seat rule lives in SQL, in one place, and every path asks it:
 * - seat_state(event, mode, now): general seats left (null = unlimited) and the organisation types
 *   that still have a kept seat free. Kept seats are a minimum guaranteed to their type, not a
 *   ceiling: a confirmed registrant of a quota type fills a kept seat first, then general ones; so
 *   the kept seats taken are min(confirmed of the type, seats), and general seats used are the
 *   rest of the confirmed.
 * - seat_for(event, mode, type, now): 'kept' | 'general' | null, for one person.
 * - can_confirm(event, mode, type, now): a seat for them, and nobody waiting who would take it first
 *   (the waiting list stays one FIFO list; a kept seat only waits for people of its type).
 * - promote_waitlisted(event, mode, now): walks the waiting list in order and confirms each person a
 *   seat is free for: a freed kept seat goes to the first waiting person it is kept for.
 * register_attendee (the decision at registration) now asks can_confirm.
 */
export class RegistrationQuotas1764370000110 implements MigrationInterface {
  name = 'RegistrationQuotas1764370000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event
      ADD COLUMN quotas jsonb NOT NULL DEFAULT '[]' CONSTRAINT event_quotas_array CHECK (jsonb_typeof(quotas) = 'array'),
      ADD COLUMN quotas_release_at timestamptz,
      ADD COLUMN quotas_released_at timestamptz`);
    await q.query(`CREATE INDEX registration_confirmed_type ON registration (event_id, attendance_mode, organisation_type) WHERE status = 'confirmed'`);
    await q.query(`CREATE INDEX event_quotas_due ON event (quotas_release_at) WHERE quotas_released_at IS NULL AND quotas <> '[]'::jsonb`);
    await q.query(QUOTAS_HOLD);
    await q.query(QUOTA_USAGE);
    await q.query(SEAT_STATE);
    await q.query(SEAT_FOR);
    await q.query(CAN_CONFIRM);
    await q.query(PROMOTE_WAITLISTED);
    await q.query(REGISTER_ATTENDEE);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(withNeeds(REGISTER_ATTENDEE_050));
    await q.query(`DROP FUNCTION promote_waitlisted(uuid, text, timestamptz)`);
    await q.query(`DROP FUNCTION can_confirm(event, text, text, timestamptz)`);
    await q.query(`DROP FUNCTION seat_for(event, text, text, timestamptz)`);
    await q.query(`DROP FUNCTION seat_state(event, text, timestamptz)`);
    await q.query(`DROP FUNCTION quota_usage(event, text)`);
    await q.query(`DROP FUNCTION quotas_hold(event, timestamptz)`);
    await q.query(`DROP INDEX event_quotas_due`);
    await q.query(`DROP INDEX registration_confirmed_type`);
    await q.query(`ALTER TABLE event DROP COLUMN quotas, DROP COLUMN quotas_release_at, DROP COLUMN quotas_released_at`);
  }
}

/** Kept seats apply until the release date, and never again once the release job has run. */
const QUOTAS_HOLD = `
CREATE FUNCTION quotas_hold(e event, p_now timestamptz) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT e.quotas <> '[]'::jsonb AND e.quotas_released_at IS NULL AND (e.quotas_release_at IS NULL OR p_now < e.quotas_release_at)
$$`;

/** Each quota of one mode with its kept seats taken (min(confirmed of the type, seats)). */
const QUOTA_USAGE = `
CREATE FUNCTION quota_usage(e event, p_mode text)
  RETURNS TABLE (organisation_type text, seats int, taken int)
  LANGUAGE sql STABLE AS $$
  SELECT q."organisationType", q.seats, least(q.seats, (
    SELECT count(*)::int FROM registration r
    WHERE r.event_id = e.id AND r.attendance_mode = p_mode AND r.organisation_type = q."organisationType" AND r.status = 'confirmed'))
  FROM jsonb_to_recordset(e.quotas) AS q("organisationType" text, "attendanceMode" text, seats int)
  WHERE q."attendanceMode" = p_mode
$$`;

const SEAT_STATE = `
CREATE FUNCTION seat_state(e event, p_mode text, p_now timestamptz)
  RETURNS TABLE (general_left int, open_types text[])
  LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  v_capacity int := CASE WHEN p_mode = 'online' AND e.format = 'hybrid' THEN e.online_capacity ELSE e.capacity END;
  v_confirmed int;
  v_kept int;
  v_kept_taken int;
BEGIN
  open_types := '{}';
  IF v_capacity IS NULL THEN
    general_left := NULL; RETURN NEXT; RETURN;
  END IF;
  SELECT coalesce(max(t.confirmed), 0) INTO v_confirmed
  FROM registration_tally t WHERE t.event_id = e.id AND t.attendance_mode = p_mode;
  general_left := greatest(0, v_capacity - v_confirmed);
  IF general_left = 0 OR NOT quotas_hold(e, p_now) THEN
    RETURN NEXT; RETURN;
  END IF;
  SELECT coalesce(sum(u.seats), 0), coalesce(sum(u.taken), 0), coalesce(array_agg(u.organisation_type) FILTER (WHERE u.taken < u.seats), '{}')
    INTO v_kept, v_kept_taken, open_types
  FROM quota_usage(e, p_mode) u;
  -- General seats: capacity less the kept ones, less what confirmed people hold outside kept seats.
  general_left := greatest(0, least(general_left, (v_capacity - v_kept) - (v_confirmed - v_kept_taken)));
  RETURN NEXT;
END
$fn$`;

const SEAT_FOR = `
CREATE FUNCTION seat_for(e event, p_mode text, p_type text, p_now timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN s.general_left IS NULL THEN 'general'
    WHEN p_type = ANY(s.open_types) THEN 'kept'
    WHEN s.general_left > 0 THEN 'general'
  END
  FROM seat_state(e, p_mode, p_now) s
$$`;

const CAN_CONFIRM = `
CREATE FUNCTION can_confirm(e event, p_mode text, p_type text, p_now timestamptz) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE seat_for(e, p_mode, p_type, p_now)
    WHEN 'kept' THEN NOT EXISTS (
      SELECT 1 FROM registration w WHERE w.event_id = e.id AND w.attendance_mode = p_mode AND w.status = 'waitlisted' AND w.organisation_type = p_type)
    WHEN 'general' THEN coalesce((SELECT t.waitlisted = 0 FROM registration_tally t WHERE t.event_id = e.id AND t.attendance_mode = p_mode), true)
    ELSE false
  END
$$`;

/**
 * Confirms, in waiting-list order, everyone a seat is free for; answers them in that order. The
 * caller holds the event's row lock. Each statement sees the confirmations made before it.
 */
const PROMOTE_WAITLISTED = `
CREATE FUNCTION promote_waitlisted(p_event_id uuid, p_mode text, p_now timestamptz)
  RETURNS TABLE (id uuid)
  LANGUAGE plpgsql VOLATILE AS $fn$
#variable_conflict use_column
DECLARE
  e event%ROWTYPE;
  w record;
  s record;
BEGIN
  SELECT * INTO e FROM event ev WHERE ev.id = p_event_id;
  IF NOT FOUND OR e.status = 'cancelled' THEN RETURN; END IF;
  FOR w IN SELECT r.id AS rid, r.organisation_type FROM registration r
    WHERE r.event_id = p_event_id AND r.attendance_mode = p_mode AND r.status = 'waitlisted' ORDER BY r.waitlist_seq
  LOOP
    SELECT * INTO s FROM seat_state(e, p_mode, p_now);
    EXIT WHEN s.general_left = 0 AND cardinality(s.open_types) = 0;
    IF s.general_left IS NULL OR s.general_left > 0 OR w.organisation_type = ANY(s.open_types) THEN
      UPDATE registration r SET status = 'confirmed', waitlist_seq = NULL, confirmed_at = p_now, updated_at = p_now WHERE r.id = w.rid;
      id := w.rid;
      RETURN NEXT;
    END IF;
  END LOOP;
END
$fn$`;

/** register_attendee as of 1764370000100, deciding the seat with can_confirm. */
export const REGISTER_ATTENDEE = `
CREATE OR REPLACE FUNCTION register_attendee(p_registration jsonb, p_session_ids uuid[], p_now timestamptz)
  RETURNS TABLE (outcome text, status text, "position" int, sessions json, detail json)
  LANGUAGE plpgsql VOLATILE
  SET plan_cache_mode = force_generic_plan
AS $fn$
#variable_conflict use_column
DECLARE
  r registration%ROWTYPE;
  e event%ROWTYPE;
  v_waiting int;
  v_status text;
  v_detail json;
BEGIN
  r := jsonb_populate_record(NULL::registration, p_registration);

  -- Serialises seat decisions for this event (as EventsRepository.lockById); what is read after
  -- this statement includes every registration committed before we got the lock.
  SELECT * INTO e FROM event ev WHERE ev.id = r.event_id FOR UPDATE;
  IF NOT FOUND OR e.status = 'draft' THEN
    outcome := 'event_not_found'; RETURN NEXT; RETURN;
  END IF;
  IF e.status = 'cancelled' THEN
    outcome := 'event_cancelled'; RETURN NEXT; RETURN;
  END IF;
  IF e.registration_opens_at IS NOT NULL AND p_now < e.registration_opens_at THEN
    outcome := 'not_yet_open'; RETURN NEXT; RETURN;
  END IF;
  IF p_now >= coalesce(e.registration_closes_at, e.starts_at) THEN
    outcome := 'closed'; RETURN NEXT; RETURN;
  END IF;

  -- Hybrid events: the person chooses; otherwise the event's own mode.
  IF e.format = 'hybrid' THEN
    IF r.attendance_mode IS NULL THEN
      outcome := 'mode_required'; RETURN NEXT; RETURN;
    END IF;
  ELSE
    r.attendance_mode := e.format;
  END IF;

  SELECT json_agg(x.id) INTO v_detail
  FROM unnest(p_session_ids) AS x(id)
  WHERE NOT EXISTS (SELECT 1 FROM session s WHERE s.id = x.id AND s.event_id = e.id AND s.type = 'workshop');
  IF v_detail IS NOT NULL THEN
    outcome := 'not_workshop'; detail := v_detail; RETURN NEXT; RETURN;
  END IF;

  SELECT json_build_array(json_build_object('id', a.id, 'title', a.title), json_build_object('id', b.id, 'title', b.title))
    INTO v_detail
  FROM session a JOIN session b ON a.starts_at < b.ends_at AND b.starts_at < a.ends_at
    AND (a.starts_at, a.id) < (b.starts_at, b.id)
  WHERE a.id = ANY(p_session_ids) AND b.id = ANY(p_session_ids)
  ORDER BY a.starts_at, b.starts_at
  LIMIT 1;
  IF v_detail IS NOT NULL THEN
    outcome := 'sessions_overlap'; detail := v_detail; RETURN NEXT; RETURN;
  END IF;

  -- Exact under the event lock (every path that sets an email holds it); the unique index backs it.
  IF EXISTS (SELECT 1 FROM registration x WHERE x.event_id = e.id AND x.email = r.email AND x.status <> 'cancelled') THEN
    outcome := 'already_registered'; RETURN NEXT; RETURN;
  END IF;

  -- The seat: can_confirm (kept seats for the person's organisation type, then general ones).
  SELECT coalesce(max(t.waitlisted), 0) INTO v_waiting
  FROM registration_tally t WHERE t.event_id = e.id AND t.attendance_mode = r.attendance_mode;
  v_status := CASE WHEN can_confirm(e, r.attendance_mode, r.organisation_type, p_now) THEN 'confirmed' ELSE 'waitlisted' END;

  INSERT INTO registration (id, event_id, first_name, last_name, email, organisation, organisation_type, job_title, department,
    attendance_mode, accessibility_needs, accessibility, travel_support, dietary_requirements, photo_consent, photo_consent_at, manage_token_hash, token_version,
    check_in_code, consent_at, status, waitlist_seq, confirmed_at, created_at, updated_at)
  VALUES (r.id, e.id, r.first_name, r.last_name, r.email, r.organisation, r.organisation_type, r.job_title, r.department,
    r.attendance_mode, r.accessibility_needs, coalesce(r.accessibility, '{}'), coalesce(r.travel_support, false), r.dietary_requirements, coalesce(r.photo_consent, false),
    CASE WHEN r.photo_consent THEN p_now END, r.manage_token_hash, coalesce(r.token_version, 1), r.check_in_code, p_now, v_status,
    CASE WHEN v_status = 'waitlisted' THEN nextval('waitlist_seq') END, CASE WHEN v_status = 'confirmed' THEN p_now END, p_now, p_now);

  -- A workshop seat only for a confirmed registrant, and only while the workshop has room.
  WITH chosen AS (
    SELECT o.id AS session_id, o.ord, coalesce(s.capacity, rm.capacity) AS capacity
    FROM unnest(p_session_ids) WITH ORDINALITY AS o(id, ord)
    JOIN session s ON s.id = o.id LEFT JOIN room rm ON rm.id = s.room_id
  ), choices AS (
    INSERT INTO session_choice (registration_id, session_id, status, waitlist_seq, created_at, updated_at)
    SELECT r.id, c.session_id, x.status, CASE WHEN x.status = 'waitlisted' THEN nextval('waitlist_seq') END, p_now, p_now
    FROM chosen c
    CROSS JOIN LATERAL (
      SELECT CASE WHEN v_status = 'confirmed' AND (c.capacity IS NULL OR
          coalesce((SELECT t.confirmed FROM session_tally t WHERE t.session_id = c.session_id), 0) < c.capacity)
        THEN 'confirmed' ELSE 'waitlisted' END AS status
    ) x
    ORDER BY c.ord
    RETURNING session_id, status
  )
  SELECT coalesce(json_agg(json_build_object('sessionId', ch.session_id, 'status', ch.status) ORDER BY c.ord), '[]'::json)
    INTO sessions
  FROM choices ch JOIN chosen c ON c.session_id = ch.session_id;

  INSERT INTO outgoing_mail (event_id, registration_id, reason, next_attempt_at, created_at, updated_at)
  VALUES (e.id, r.id, CASE WHEN v_status = 'confirmed' THEN 'confirmation' ELSE 'waitlisted' END, p_now, p_now, p_now);
  PERFORM pg_notify('rencontres_outbox', '');

  outcome := 'registered';
  status := v_status;
  "position" := CASE WHEN v_status = 'waitlisted' THEN v_waiting + 1 END;
  RETURN NEXT;
END
$fn$`;
