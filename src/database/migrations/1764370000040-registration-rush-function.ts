import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registration rush path as a function, called as ONE parameterised statement (see
 * RegistrationRushRepository): the event row lock is taken and released inside the server, never
 * held across a network or event-loop round trip, and no value is ever inlined into SQL.
 *
 * Each statement of a VOLATILE PL/pgSQL function takes a fresh snapshot (READ COMMITTED), so what
 * is read after the lock statement includes every registration committed before we got the lock.
 * Returns no row when the event no longer matches what the caller pre-read (no longer published,
 * registration window closed, format changed, a chosen session no longer a workshop of the event,
 * two chosen workshops now overlapping): the caller then takes its fully checked path.
 *
 * The pre-rendered messages carry markers (p_position_mark, p_workshops_mark) replaced here once the
 * seats are decided. plan_cache_mode: PL/pgSQL keeps each statement's plan per session; a generic plan
 * is never re-planned under the lock (a custom plan costs about a millisecond per call).
 */
export class RegistrationRushFunction1764370000040 implements MigrationInterface {
  name = 'RegistrationRushFunction1764370000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION register_attendee(
        p_id uuid, p_event_id uuid, p_first_name text, p_last_name text, p_email text, p_organisation text,
        p_organisation_type text, p_job_title text, p_department text, p_attendance_mode text,
        p_accessibility_needs text, p_dietary_requirements text, p_photo_consent boolean, p_manage_token_hash text,
        p_check_in_code text, p_now timestamptz, p_event_format text,
        p_session_ids uuid[], p_text_lines text[], p_html_lines text[], p_confirmed_label text, p_waitlisted_label text,
        p_recipient text, p_confirmed_subject text, p_waitlisted_subject text, p_confirmed_html text, p_waitlisted_html text,
        p_confirmed_text text, p_waitlisted_text text, p_confirmed_attachments jsonb, p_position_mark text, p_workshops_mark text
      ) RETURNS TABLE (status text, "position" int, sessions json)
      LANGUAGE plpgsql VOLATILE
      SET plan_cache_mode = force_generic_plan
      AS $fn$
      #variable_conflict use_column
      DECLARE
        v_capacity int;
        v_confirmed int;
        v_waiting int;
        v_status text;
        v_text_lines text;
        v_html_lines text;
        v_sessions json;
      BEGIN
        -- Serialises seat decisions for this event (as EventsRepository.lockById).
        PERFORM 1 FROM event e WHERE e.id = p_event_id FOR UPDATE;

        SELECT CASE WHEN p_attendance_mode = 'online' AND e.format = 'hybrid' THEN e.online_capacity ELSE e.capacity END
          INTO v_capacity
        FROM event e
        WHERE e.id = p_event_id AND e.status = 'published' AND e.format = p_event_format
          AND (e.registration_opens_at IS NULL OR e.registration_opens_at <= p_now)
          AND p_now < coalesce(e.registration_closes_at, e.starts_at)
          AND (SELECT count(*) FROM session s WHERE s.id = ANY(p_session_ids) AND s.event_id = p_event_id AND s.type = 'workshop')
            = cardinality(p_session_ids)
          AND NOT EXISTS (
            SELECT 1 FROM session a JOIN session b ON a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
            WHERE a.id = ANY(p_session_ids) AND b.id = ANY(p_session_ids));
        IF NOT FOUND THEN
          RETURN;
        END IF;

        SELECT coalesce(max(t.confirmed), 0), coalesce(max(t.waitlisted), 0) INTO v_confirmed, v_waiting
        FROM registration_tally t WHERE t.event_id = p_event_id AND t.attendance_mode = p_attendance_mode;
        v_status := CASE WHEN v_waiting = 0 AND (v_capacity IS NULL OR v_confirmed < v_capacity) THEN 'confirmed' ELSE 'waitlisted' END;

        INSERT INTO registration (id, event_id, first_name, last_name, email, organisation, organisation_type, job_title, department,
          attendance_mode, accessibility_needs, dietary_requirements, photo_consent, photo_consent_at, manage_token_hash, check_in_code,
          consent_at, status, waitlist_seq, confirmed_at, created_at, updated_at)
        VALUES (p_id, p_event_id, p_first_name, p_last_name, p_email, p_organisation, p_organisation_type, p_job_title, p_department,
          p_attendance_mode, p_accessibility_needs, p_dietary_requirements, p_photo_consent, CASE WHEN p_photo_consent THEN p_now END,
          p_manage_token_hash, p_check_in_code, p_now, v_status, CASE WHEN v_status = 'waitlisted' THEN nextval('waitlist_seq') END,
          CASE WHEN v_status = 'confirmed' THEN p_now END, p_now, p_now);

        -- A workshop seat only for a confirmed registrant, and only while the workshop has room.
        WITH chosen AS (
          SELECT o.id AS session_id, o.ord, o.text_line, o.html_line, coalesce(s.capacity, rm.capacity) AS capacity
          FROM unnest(p_session_ids, p_text_lines, p_html_lines) WITH ORDINALITY AS o(id, text_line, html_line, ord)
          JOIN session s ON s.id = o.id LEFT JOIN room rm ON rm.id = s.room_id
        ), choices AS (
          INSERT INTO session_choice (registration_id, session_id, status, waitlist_seq, created_at, updated_at)
          SELECT p_id, c.session_id, x.status, CASE WHEN x.status = 'waitlisted' THEN nextval('waitlist_seq') END, p_now, p_now
          FROM chosen c
          CROSS JOIN LATERAL (
            SELECT CASE WHEN v_status = 'confirmed' AND (c.capacity IS NULL OR
                coalesce((SELECT t.confirmed FROM session_tally t WHERE t.session_id = c.session_id), 0) < c.capacity)
              THEN 'confirmed' ELSE 'waitlisted' END AS status
          ) x
          ORDER BY c.ord
          RETURNING session_id, status
        )
        SELECT string_agg(c.text_line || CASE ch.status WHEN 'confirmed' THEN p_confirmed_label ELSE p_waitlisted_label END, E'\\n' ORDER BY c.ord),
          string_agg(c.html_line || CASE ch.status WHEN 'confirmed' THEN p_confirmed_label ELSE p_waitlisted_label END, '<br>' ORDER BY c.ord),
          coalesce(json_agg(json_build_object('sessionId', ch.session_id, 'status', ch.status) ORDER BY c.ord), '[]'::json)
          INTO v_text_lines, v_html_lines, v_sessions
        FROM choices ch JOIN chosen c ON c.session_id = ch.session_id;

        INSERT INTO outgoing_mail (event_id, registration_id, recipient, reason, subject, html, text, attachments, next_attempt_at, created_at)
        VALUES (p_event_id, p_id, p_recipient,
          CASE WHEN v_status = 'confirmed' THEN 'confirmation' ELSE 'waitlisted' END,
          CASE WHEN v_status = 'confirmed' THEN p_confirmed_subject ELSE p_waitlisted_subject END,
          replace(replace(CASE WHEN v_status = 'confirmed' THEN p_confirmed_html ELSE p_waitlisted_html END,
            p_position_mark, (v_waiting + 1)::text), p_workshops_mark, coalesce(v_html_lines, '')),
          replace(replace(CASE WHEN v_status = 'confirmed' THEN p_confirmed_text ELSE p_waitlisted_text END,
            p_position_mark, (v_waiting + 1)::text), p_workshops_mark, coalesce(v_text_lines, '')),
          CASE WHEN v_status = 'confirmed' THEN p_confirmed_attachments ELSE '[]'::jsonb END,
          p_now, p_now);

        status := v_status;
        "position" := v_waiting + 1;
        sessions := v_sessions;
        RETURN NEXT;
      END
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION register_attendee(uuid, uuid, text, text, text, text, text, text, text, text, text, text, boolean, text,
      text, timestamptz, text, uuid[], text[], text[], text, text, text, text, text, text, text, text, text, jsonb, text, text)`);
  }
}
