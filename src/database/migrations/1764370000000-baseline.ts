import { MigrationInterface, QueryRunner } from 'typeorm';
import { REGISTER_ATTENDEE } from './register-attendee-baseline';

/** The tally trigger's function as the baseline creates it; 1764370000300 rewrites it from this text. */
export const REGISTRATION_TALLY_TRACK = String.raw`
    CREATE FUNCTION public.registration_tally_track() RETURNS trigger
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

/**
 * The whole schema as it stood before the first release, in one migration: what the fourteen
 * migrations 1764370000000…1764370000070 built, without the capacity trigger functions that only
 * survived as dead code (assert_event_capacity, assert_session_capacity and their four trigger
 * functions: the tallies and register_attendee(s) decide seats). Written from `pg_dump
 * --schema-only` of a database those migrations built, and checked against it with
 * `scripts/schema-snapshot.cjs` (identical but for the dead functions). Later migrations
 * (1764370000100 on) build on it.
 *
 * One object per statement, in the dump's dependency order: extension, functions, tables and
 * sequences, keys, indexes, triggers, foreign keys. Function bodies are kept as PostgreSQL prints
 * them (String.raw: no escape is interpreted).
 */
const STATEMENTS: string[] = [
  // extension btree_gist
  String.raw`
    CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public`,
  // function fold(text)
  String.raw`
    CREATE FUNCTION public.fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN translate(lower($1), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸŒÆ’'::text, 'aaaaaaceeeeiiiinooooouuuuyyoaaaaaaaceeeeiiiinooooouuuuyyoa'''::text)`,
  // function programme_changed_notify()
  String.raw`
    CREATE FUNCTION public.programme_changed_notify() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
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
          END $$`,
  // function register_attendee(jsonb, uuid[], timestamp with time zone): the seat decision, whose
  // text later migrations rewrite (register-attendee-baseline.ts)
  REGISTER_ATTENDEE,
  // function register_attendees(jsonb, timestamp with time zone)
  String.raw`
    CREATE FUNCTION public.register_attendees(p_items jsonb, p_now timestamp with time zone) RETURNS TABLE(ord integer, outcome text, status text, "position" integer, sessions json, detail json)
        LANGUAGE plpgsql
        SET plan_cache_mode TO 'force_generic_plan'
        AS $$
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
          $$`,
  // function registration_tally_track(): later migrations rewrite it (REGISTRATION_TALLY_TRACK)
  REGISTRATION_TALLY_TRACK,
  // function session_tally_track()
  String.raw`
    CREATE FUNCTION public.session_tally_track() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
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
          END $$`,
  // table broadcast
  String.raw`
    CREATE TABLE public.broadcast (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        event_id uuid NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        audience text NOT NULL,
        session_id uuid,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        CONSTRAINT broadcast_audience_check CHECK ((audience = ANY (ARRAY['confirmed'::text, 'waitlisted'::text, 'all'::text, 'session'::text])))
    )`,
  // table event
  String.raw`
    CREATE TABLE public.event (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        slug text NOT NULL,
        title text NOT NULL,
        kind text NOT NULL,
        format text NOT NULL,
        description text,
        starts_at timestamp with time zone NOT NULL,
        ends_at timestamp with time zone NOT NULL,
        timezone text DEFAULT 'Europe/Paris'::text NOT NULL,
        venue jsonb,
        online_url text,
        capacity integer,
        online_capacity integer,
        registration_opens_at timestamp with time zone,
        registration_closes_at timestamp with time zone,
        themes text[] DEFAULT '{}'::text[] NOT NULL,
        departments text[] DEFAULT '{}'::text[] NOT NULL,
        reminder_offsets integer[] DEFAULT '{}'::integer[] NOT NULL,
        status text DEFAULT 'draft'::text NOT NULL,
        cancel_reason text,
        published_at timestamp with time zone,
        cancelled_at timestamp with time zone,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        updated_at timestamp with time zone DEFAULT now() NOT NULL,
        CONSTRAINT event_capacity_check CHECK (((capacity IS NULL) OR (capacity >= 1))),
        CONSTRAINT event_dates_in_order CHECK ((ends_at > starts_at)),
        CONSTRAINT event_format_check CHECK ((format = ANY (ARRAY['onsite'::text, 'online'::text, 'hybrid'::text]))),
        CONSTRAINT event_kind_check CHECK ((kind = ANY (ARRAY['conference'::text, 'study_day'::text, 'webinar'::text]))),
        CONSTRAINT event_online_capacity_check CHECK (((online_capacity IS NULL) OR (online_capacity >= 1))),
        CONSTRAINT event_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'published'::text, 'cancelled'::text])))
    )`,
  // table highlighted_action
  String.raw`
    CREATE TABLE public.highlighted_action (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        event_id uuid NOT NULL,
        title text NOT NULL,
        summary text NOT NULL,
        organisation text NOT NULL,
        organisation_type text NOT NULL,
        departments text[] DEFAULT '{}'::text[] NOT NULL,
        themes text[] DEFAULT '{}'::text[] NOT NULL,
        contact_name text,
        contact_email text,
        url text,
        status text NOT NULL,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        updated_at timestamp with time zone DEFAULT now() NOT NULL,
        CONSTRAINT highlighted_action_status_check CHECK ((status = ANY (ARRAY['proposed'::text, 'selected'::text, 'rejected'::text])))
    )`,
  // table login_failure
  String.raw`
    CREATE TABLE public.login_failure (
        id bigint NOT NULL,
        email text NOT NULL,
        address text NOT NULL,
        failed_at timestamp with time zone NOT NULL
    )`,
  // sequence login_failure_id_seq
  String.raw`
    CREATE SEQUENCE public.login_failure_id_seq
        START WITH 1
        INCREMENT BY 1
        NO MINVALUE
        NO MAXVALUE
        CACHE 1`,
  // sequence owned by login_failure_id_seq
  String.raw`
    ALTER SEQUENCE public.login_failure_id_seq OWNED BY public.login_failure.id`,
  // table organiser
  String.raw`
    CREATE TABLE public.organiser (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        email text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        CONSTRAINT organiser_email_lower CHECK ((email = lower(email)))
    )`,
  // table outgoing_mail
  String.raw`
    CREATE TABLE public.outgoing_mail (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        event_id uuid,
        registration_id uuid NOT NULL,
        reason text NOT NULL,
        status text DEFAULT 'pending'::text NOT NULL,
        attempts integer DEFAULT 0 NOT NULL,
        next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
        last_error text,
        sent_at timestamp with time zone,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        payload jsonb DEFAULT '{}'::jsonb NOT NULL,
        lease_until timestamp with time zone,
        smtp_id text,
        updated_at timestamp with time zone DEFAULT now() NOT NULL,
        CONSTRAINT outgoing_mail_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'sent'::text, 'failed'::text, 'dead'::text])))
    )`,
  // table programme_revision
  String.raw`
    CREATE TABLE public.programme_revision (
        event_id uuid NOT NULL,
        revision bigint DEFAULT 1 NOT NULL
    )`,
  // table rate_window
  String.raw`
    CREATE UNLOGGED TABLE public.rate_window (
        scope text NOT NULL,
        key text NOT NULL,
        window_start timestamp with time zone NOT NULL,
        hits integer NOT NULL
    )`,
  // table registration
  String.raw`
    CREATE TABLE public.registration (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        event_id uuid NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text NOT NULL,
        organisation text,
        organisation_type text NOT NULL,
        job_title text,
        department text,
        attendance_mode text NOT NULL,
        accessibility_needs text,
        dietary_requirements text,
        consent_at timestamp with time zone NOT NULL,
        photo_consent boolean DEFAULT false NOT NULL,
        photo_consent_at timestamp with time zone,
        status text NOT NULL,
        waitlist_seq bigint,
        manage_token_hash text NOT NULL,
        check_in_code text NOT NULL,
        checked_in_at timestamp with time zone,
        confirmed_at timestamp with time zone,
        cancelled_at timestamp with time zone,
        anonymised_at timestamp with time zone,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        updated_at timestamp with time zone DEFAULT now() NOT NULL,
        search_text text GENERATED ALWAYS AS (public.fold(((((((((((first_name || ' '::text) || last_name) || chr(31)) || last_name) || ' '::text) || first_name) || chr(31)) || email) || chr(31)) || COALESCE(organisation, ''::text)))) STORED,
        sort_name text GENERATED ALWAYS AS (((public.fold(last_name) || chr(31)) || public.fold(first_name))) STORED,
        token_version integer DEFAULT 1 NOT NULL,
        CONSTRAINT registration_attendance_mode_check CHECK ((attendance_mode = ANY (ARRAY['onsite'::text, 'online'::text]))),
        CONSTRAINT registration_status_check CHECK ((status = ANY (ARRAY['confirmed'::text, 'waitlisted'::text, 'cancelled'::text]))),
        CONSTRAINT registration_waitlist_seq CHECK (((status = 'waitlisted'::text) = (waitlist_seq IS NOT NULL)))
    )`,
  // table registration_tally
  String.raw`
    CREATE TABLE public.registration_tally (
        event_id uuid NOT NULL,
        attendance_mode text NOT NULL,
        confirmed integer DEFAULT 0 NOT NULL,
        waitlisted integer DEFAULT 0 NOT NULL,
        CONSTRAINT registration_tally_confirmed_check CHECK ((confirmed >= 0)),
        CONSTRAINT registration_tally_waitlisted_check CHECK ((waitlisted >= 0))
    )`,
  // table room
  String.raw`
    CREATE TABLE public.room (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        event_id uuid NOT NULL,
        name text NOT NULL,
        capacity integer,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        CONSTRAINT room_capacity_check CHECK (((capacity IS NULL) OR (capacity >= 1)))
    )`,
  // table session
  String.raw`
    CREATE TABLE public.session (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        event_id uuid NOT NULL,
        title text NOT NULL,
        type text NOT NULL,
        description text,
        starts_at timestamp with time zone NOT NULL,
        ends_at timestamp with time zone NOT NULL,
        room_id uuid,
        themes text[] DEFAULT '{}'::text[] NOT NULL,
        capacity integer,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        updated_at timestamp with time zone DEFAULT now() NOT NULL,
        CONSTRAINT session_capacity_check CHECK (((capacity IS NULL) OR (capacity >= 1))),
        CONSTRAINT session_times_in_order CHECK ((ends_at > starts_at)),
        CONSTRAINT session_type_check CHECK ((type = ANY (ARRAY['plenary'::text, 'workshop'::text, 'round_table'::text, 'talk'::text, 'break'::text, 'networking'::text])))
    )`,
  // table session_action
  String.raw`
    CREATE TABLE public.session_action (
        session_id uuid NOT NULL,
        action_id uuid NOT NULL
    )`,
  // table session_choice
  String.raw`
    CREATE TABLE public.session_choice (
        registration_id uuid NOT NULL,
        session_id uuid NOT NULL,
        status text NOT NULL,
        waitlist_seq bigint,
        created_at timestamp with time zone DEFAULT now() NOT NULL,
        updated_at timestamp with time zone DEFAULT now() NOT NULL,
        CONSTRAINT session_choice_status_check CHECK ((status = ANY (ARRAY['confirmed'::text, 'waitlisted'::text, 'cancelled'::text]))),
        CONSTRAINT session_choice_waitlist_seq CHECK (((status = 'waitlisted'::text) = (waitlist_seq IS NOT NULL)))
    )`,
  // table session_speaker
  String.raw`
    CREATE TABLE public.session_speaker (
        session_id uuid NOT NULL,
        speaker_id uuid NOT NULL
    )`,
  // table session_tally
  String.raw`
    CREATE TABLE public.session_tally (
        session_id uuid NOT NULL,
        confirmed integer DEFAULT 0 NOT NULL,
        waitlisted integer DEFAULT 0 NOT NULL,
        CONSTRAINT session_tally_confirmed_check CHECK ((confirmed >= 0)),
        CONSTRAINT session_tally_waitlisted_check CHECK ((waitlisted >= 0))
    )`,
  // table speaker
  String.raw`
    CREATE TABLE public.speaker (
        id uuid DEFAULT gen_random_uuid() NOT NULL,
        event_id uuid NOT NULL,
        full_name text NOT NULL,
        job_title text,
        organisation text,
        bio text,
        email text,
        created_at timestamp with time zone DEFAULT now() NOT NULL
    )`,
  // sequence waitlist_seq
  String.raw`
    CREATE SEQUENCE public.waitlist_seq
        START WITH 1
        INCREMENT BY 1
        NO MINVALUE
        NO MAXVALUE
        CACHE 1`,
  // default login_failure id
  String.raw`
    ALTER TABLE ONLY public.login_failure ALTER COLUMN id SET DEFAULT nextval('public.login_failure_id_seq'::regclass)`,
  // constraint broadcast broadcast_pkey
  String.raw`
    ALTER TABLE ONLY public.broadcast
        ADD CONSTRAINT broadcast_pkey PRIMARY KEY (id)`,
  // constraint event event_pkey
  String.raw`
    ALTER TABLE ONLY public.event
        ADD CONSTRAINT event_pkey PRIMARY KEY (id)`,
  // constraint highlighted_action highlighted_action_pkey
  String.raw`
    ALTER TABLE ONLY public.highlighted_action
        ADD CONSTRAINT highlighted_action_pkey PRIMARY KEY (id)`,
  // constraint login_failure login_failure_pkey
  String.raw`
    ALTER TABLE ONLY public.login_failure
        ADD CONSTRAINT login_failure_pkey PRIMARY KEY (id)`,
  // constraint organiser organiser_pkey
  String.raw`
    ALTER TABLE ONLY public.organiser
        ADD CONSTRAINT organiser_pkey PRIMARY KEY (id)`,
  // constraint outgoing_mail outgoing_mail_once
  String.raw`
    ALTER TABLE ONLY public.outgoing_mail
        ADD CONSTRAINT outgoing_mail_once UNIQUE (registration_id, reason)`,
  // constraint outgoing_mail outgoing_mail_pkey
  String.raw`
    ALTER TABLE ONLY public.outgoing_mail
        ADD CONSTRAINT outgoing_mail_pkey PRIMARY KEY (id)`,
  // constraint programme_revision programme_revision_pkey
  String.raw`
    ALTER TABLE ONLY public.programme_revision
        ADD CONSTRAINT programme_revision_pkey PRIMARY KEY (event_id)`,
  // constraint rate_window rate_window_pkey
  String.raw`
    ALTER TABLE ONLY public.rate_window
        ADD CONSTRAINT rate_window_pkey PRIMARY KEY (scope, key)`,
  // constraint registration registration_pkey
  String.raw`
    ALTER TABLE ONLY public.registration
        ADD CONSTRAINT registration_pkey PRIMARY KEY (id)`,
  // constraint registration_tally registration_tally_pkey
  String.raw`
    ALTER TABLE ONLY public.registration_tally
        ADD CONSTRAINT registration_tally_pkey PRIMARY KEY (event_id, attendance_mode)`,
  // constraint room room_pkey
  String.raw`
    ALTER TABLE ONLY public.room
        ADD CONSTRAINT room_pkey PRIMARY KEY (id)`,
  // constraint session_action session_action_pkey
  String.raw`
    ALTER TABLE ONLY public.session_action
        ADD CONSTRAINT session_action_pkey PRIMARY KEY (session_id, action_id)`,
  // constraint session_choice session_choice_pkey
  String.raw`
    ALTER TABLE ONLY public.session_choice
        ADD CONSTRAINT session_choice_pkey PRIMARY KEY (registration_id, session_id)`,
  // constraint session session_pkey
  String.raw`
    ALTER TABLE ONLY public.session
        ADD CONSTRAINT session_pkey PRIMARY KEY (id)`,
  // constraint session session_room_no_overlap
  String.raw`
    ALTER TABLE ONLY public.session
        ADD CONSTRAINT session_room_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)'::text) WITH &&)`,
  // constraint session_speaker session_speaker_pkey
  String.raw`
    ALTER TABLE ONLY public.session_speaker
        ADD CONSTRAINT session_speaker_pkey PRIMARY KEY (session_id, speaker_id)`,
  // constraint session_tally session_tally_pkey
  String.raw`
    ALTER TABLE ONLY public.session_tally
        ADD CONSTRAINT session_tally_pkey PRIMARY KEY (session_id)`,
  // constraint speaker speaker_pkey
  String.raw`
    ALTER TABLE ONLY public.speaker
        ADD CONSTRAINT speaker_pkey PRIMARY KEY (id)`,
  // index event_public_listing
  String.raw`
    CREATE INDEX event_public_listing ON public.event USING btree (status, starts_at)`,
  // index event_slug_key
  String.raw`
    CREATE UNIQUE INDEX event_slug_key ON public.event USING btree (slug)`,
  // index highlighted_action_identity_key
  String.raw`
    CREATE UNIQUE INDEX highlighted_action_identity_key ON public.highlighted_action USING btree (event_id, lower(title), lower(organisation))`,
  // index login_failure_account
  String.raw`
    CREATE INDEX login_failure_account ON public.login_failure USING btree (email, failed_at)`,
  // index login_failure_lookup
  String.raw`
    CREATE INDEX login_failure_lookup ON public.login_failure USING btree (email, address, failed_at)`,
  // index organiser_email_key
  String.raw`
    CREATE UNIQUE INDEX organiser_email_key ON public.organiser USING btree (email)`,
  // index outgoing_mail_due
  String.raw`
    CREATE INDEX outgoing_mail_due ON public.outgoing_mail USING btree (next_attempt_at) WHERE (status = ANY (ARRAY['pending'::text, 'failed'::text]))`,
  // index outgoing_mail_event
  String.raw`
    CREATE INDEX outgoing_mail_event ON public.outgoing_mail USING btree (event_id, created_at)`,
  // index outgoing_mail_registration
  String.raw`
    CREATE INDEX outgoing_mail_registration ON public.outgoing_mail USING btree (registration_id, status)`,
  // index rate_window_sweep
  String.raw`
    CREATE INDEX rate_window_sweep ON public.rate_window USING btree (window_start)`,
  // index registration_active_email_key
  String.raw`
    CREATE UNIQUE INDEX registration_active_email_key ON public.registration USING btree (event_id, email) WHERE (status <> 'cancelled'::text)`,
  // index registration_check_in_code_key
  String.raw`
    CREATE UNIQUE INDEX registration_check_in_code_key ON public.registration USING btree (check_in_code)`,
  // index registration_event_email
  String.raw`
    CREATE INDEX registration_event_email ON public.registration USING btree (event_id, email)`,
  // index registration_event_sort
  String.raw`
    CREATE INDEX registration_event_sort ON public.registration USING btree (event_id, sort_name, created_at, id)`,
  // index registration_event_status
  String.raw`
    CREATE INDEX registration_event_status ON public.registration USING btree (event_id, status, attendance_mode)`,
  // index registration_manage_token_key
  String.raw`
    CREATE UNIQUE INDEX registration_manage_token_key ON public.registration USING btree (manage_token_hash)`,
  // index registration_waitlist
  String.raw`
    CREATE INDEX registration_waitlist ON public.registration USING btree (event_id, attendance_mode, waitlist_seq) WHERE (status = 'waitlisted'::text)`,
  // index room_event_name_key
  String.raw`
    CREATE UNIQUE INDEX room_event_name_key ON public.room USING btree (event_id, lower(name))`,
  // index session_action_action
  String.raw`
    CREATE INDEX session_action_action ON public.session_action USING btree (action_id)`,
  // index session_choice_registration
  String.raw`
    CREATE INDEX session_choice_registration ON public.session_choice USING btree (registration_id)`,
  // index session_choice_session_status
  String.raw`
    CREATE INDEX session_choice_session_status ON public.session_choice USING btree (session_id, status)`,
  // index session_choice_waitlist
  String.raw`
    CREATE INDEX session_choice_waitlist ON public.session_choice USING btree (session_id, waitlist_seq) WHERE (status = 'waitlisted'::text)`,
  // index session_event_time
  String.raw`
    CREATE INDEX session_event_time ON public.session USING btree (event_id, starts_at)`,
  // index session_speaker_speaker
  String.raw`
    CREATE INDEX session_speaker_speaker ON public.session_speaker USING btree (speaker_id)`,
  // index speaker_event
  String.raw`
    CREATE INDEX speaker_event ON public.speaker USING btree (event_id)`,
  // trigger event event_changed
  String.raw`
    CREATE TRIGGER event_changed AFTER DELETE OR UPDATE ON public.event FOR EACH ROW EXECUTE FUNCTION public.programme_changed_notify()`,
  // trigger registration first_registration
  String.raw`
    CREATE TRIGGER first_registration AFTER INSERT ON public.registration FOR EACH ROW EXECUTE FUNCTION public.programme_changed_notify()`,
  // trigger programme_revision programme_revision_changed
  String.raw`
    CREATE TRIGGER programme_revision_changed AFTER INSERT OR UPDATE ON public.programme_revision FOR EACH ROW EXECUTE FUNCTION public.programme_changed_notify()`,
  // trigger registration registration_tally
  String.raw`
    CREATE TRIGGER registration_tally AFTER INSERT OR DELETE OR UPDATE ON public.registration FOR EACH ROW EXECUTE FUNCTION public.registration_tally_track()`,
  // trigger session_choice session_choice_tally
  String.raw`
    CREATE TRIGGER session_choice_tally AFTER INSERT OR DELETE OR UPDATE ON public.session_choice FOR EACH ROW EXECUTE FUNCTION public.session_tally_track()`,
  // trigger session_tally workshop_seats_added
  String.raw`
    CREATE TRIGGER workshop_seats_added AFTER INSERT OR DELETE ON public.session_tally FOR EACH ROW EXECUTE FUNCTION public.programme_changed_notify()`,
  // trigger session_tally workshop_seats_changed
  String.raw`
    CREATE TRIGGER workshop_seats_changed AFTER UPDATE ON public.session_tally FOR EACH ROW WHEN ((old.confirmed IS DISTINCT FROM new.confirmed)) EXECUTE FUNCTION public.programme_changed_notify()`,
  // fk constraint broadcast broadcast_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.broadcast
        ADD CONSTRAINT broadcast_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
  // fk constraint highlighted_action highlighted_action_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.highlighted_action
        ADD CONSTRAINT highlighted_action_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
  // fk constraint outgoing_mail outgoing_mail_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.outgoing_mail
        ADD CONSTRAINT outgoing_mail_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
  // fk constraint outgoing_mail outgoing_mail_registration_id_fkey
  String.raw`
    ALTER TABLE ONLY public.outgoing_mail
        ADD CONSTRAINT outgoing_mail_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES public.registration(id) ON DELETE CASCADE`,
  // fk constraint programme_revision programme_revision_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.programme_revision
        ADD CONSTRAINT programme_revision_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
  // fk constraint registration registration_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.registration
        ADD CONSTRAINT registration_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
  // fk constraint registration_tally registration_tally_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.registration_tally
        ADD CONSTRAINT registration_tally_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
  // fk constraint room room_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.room
        ADD CONSTRAINT room_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
  // fk constraint session_action session_action_action_id_fkey
  String.raw`
    ALTER TABLE ONLY public.session_action
        ADD CONSTRAINT session_action_action_id_fkey FOREIGN KEY (action_id) REFERENCES public.highlighted_action(id) ON DELETE CASCADE`,
  // fk constraint session_action session_action_session_id_fkey
  String.raw`
    ALTER TABLE ONLY public.session_action
        ADD CONSTRAINT session_action_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.session(id) ON DELETE CASCADE`,
  // fk constraint session_choice session_choice_registration_id_fkey
  String.raw`
    ALTER TABLE ONLY public.session_choice
        ADD CONSTRAINT session_choice_registration_id_fkey FOREIGN KEY (registration_id) REFERENCES public.registration(id) ON DELETE CASCADE`,
  // fk constraint session_choice session_choice_session_id_fkey
  String.raw`
    ALTER TABLE ONLY public.session_choice
        ADD CONSTRAINT session_choice_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.session(id) ON DELETE CASCADE`,
  // fk constraint session session_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.session
        ADD CONSTRAINT session_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
  // fk constraint session session_room_id_fkey
  String.raw`
    ALTER TABLE ONLY public.session
        ADD CONSTRAINT session_room_id_fkey FOREIGN KEY (room_id) REFERENCES public.room(id) DEFERRABLE INITIALLY DEFERRED`,
  // fk constraint session_speaker session_speaker_session_id_fkey
  String.raw`
    ALTER TABLE ONLY public.session_speaker
        ADD CONSTRAINT session_speaker_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.session(id) ON DELETE CASCADE`,
  // fk constraint session_speaker session_speaker_speaker_id_fkey
  String.raw`
    ALTER TABLE ONLY public.session_speaker
        ADD CONSTRAINT session_speaker_speaker_id_fkey FOREIGN KEY (speaker_id) REFERENCES public.speaker(id) DEFERRABLE INITIALLY DEFERRED`,
  // fk constraint speaker speaker_event_id_fkey
  String.raw`
    ALTER TABLE ONLY public.speaker
        ADD CONSTRAINT speaker_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.event(id) ON DELETE CASCADE`,
];

/** Everything the baseline created. */
const TABLES = [
  'broadcast',
  'event',
  'highlighted_action',
  'login_failure',
  'organiser',
  'outgoing_mail',
  'programme_revision',
  'rate_window',
  'registration',
  'registration_tally',
  'room',
  'session',
  'session_action',
  'session_choice',
  'session_speaker',
  'session_tally',
  'speaker',
];
const SEQUENCES = ['login_failure_id_seq', 'waitlist_seq'];
const FUNCTIONS = [
  'fold(text)',
  'programme_changed_notify()',
  'register_attendee(jsonb, uuid[], timestamp with time zone)',
  'register_attendees(jsonb, timestamp with time zone)',
  'registration_tally_track()',
  'session_tally_track()',
];

/** The migrations the baseline replaced, as a database built before the squash records them. */
const SQUASHED = [
  'Foundation1764370000000',
  'Programme1764370000001',
  'Registrations1764370000002',
  'ProgrammeRevision1764370000010',
  'ProgrammeEventDelete1764370000011',
  'RegistrationCapacityGuard1764370000020',
  'RegistrationTallies1764370000021',
  'FoldUppercaseAccents1764370000029',
  'RegistrationSearch1764370000030',
  'RegistrationRushFunction1764370000040',
  'Notifications1764370000050',
  'RequestLimits1764370000060',
  'ProgrammeChanges1764370000061',
  'RegistrationBatches1764370000070',
];
const DEAD_FUNCTIONS = [
  'registration_capacity_on_insert()',
  'registration_capacity_on_update()',
  'session_choice_capacity_on_insert()',
  'session_choice_capacity_on_update()',
  'assert_event_capacity(uuid, text)',
  'assert_session_capacity(uuid)',
];

export class Baseline1764370000000 implements MigrationInterface {
  name = 'Baseline1764370000000';

  async up(q: QueryRunner): Promise<void> {
    // A development database (./var/pg) built by the squashed migrations already holds this
    // schema: it only loses the dead functions and forgets the old names.
    const [{ old }] = (await q.query(`SELECT count(*)::int AS old FROM migration WHERE name = ANY($1)`, [SQUASHED])) as Array<{ old: number }>;
    if (old === SQUASHED.length) {
      for (const fn of DEAD_FUNCTIONS) await q.query(`DROP FUNCTION IF EXISTS public.${fn}`);
      await q.query(`DELETE FROM migration WHERE name = ANY($1)`, [SQUASHED]);
      return;
    }
    if (old > 0) throw new Error(`This database was built by pre-release migrations only partly applied (${old} of ${SQUASHED.length}): recreate it.`);
    // SQL-language functions would be checked against tables created after them: check at first call.
    await q.query(`SET LOCAL check_function_bodies = false`);
    for (const statement of STATEMENTS) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${TABLES.map((t) => `public.${t}`).join(', ')}`);
    for (const sequence of SEQUENCES) await q.query(`DROP SEQUENCE IF EXISTS public.${sequence}`);
    for (const fn of FUNCTIONS) await q.query(`DROP FUNCTION public.${fn}`);
    await q.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
