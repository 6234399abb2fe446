/**
 * The seat decision as the baseline creates it (the text migration 1764370000050 had, before the
 * squash). Later migrations rewrite register_attendee from this text, and go back to it on the way down.
 */
export const REGISTER_ATTENDEE = `
CREATE FUNCTION register_attendee(p_registration jsonb, p_session_ids uuid[], p_now timestamptz)
  RETURNS TABLE (outcome text, status text, "position" int, sessions json, detail json)
  LANGUAGE plpgsql VOLATILE
  SET plan_cache_mode = force_generic_plan
AS $fn$
#variable_conflict use_column
DECLARE
  r registration%ROWTYPE;
  e event%ROWTYPE;
  v_capacity int;
  v_confirmed int;
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

  v_capacity := CASE WHEN r.attendance_mode = 'online' AND e.format = 'hybrid' THEN e.online_capacity ELSE e.capacity END;
  SELECT coalesce(max(t.confirmed), 0), coalesce(max(t.waitlisted), 0) INTO v_confirmed, v_waiting
  FROM registration_tally t WHERE t.event_id = e.id AND t.attendance_mode = r.attendance_mode;
  v_status := CASE WHEN v_waiting = 0 AND (v_capacity IS NULL OR v_confirmed < v_capacity) THEN 'confirmed' ELSE 'waitlisted' END;

  INSERT INTO registration (id, event_id, first_name, last_name, email, organisation, organisation_type, job_title, department,
    attendance_mode, accessibility_needs, dietary_requirements, photo_consent, photo_consent_at, manage_token_hash, token_version,
    check_in_code, consent_at, status, waitlist_seq, confirmed_at, created_at, updated_at)
  VALUES (r.id, e.id, r.first_name, r.last_name, r.email, r.organisation, r.organisation_type, r.job_title, r.department,
    r.attendance_mode, r.accessibility_needs, r.dietary_requirements, coalesce(r.photo_consent, false),
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
