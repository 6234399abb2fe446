import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registrations1764370000002 implements MigrationInterface {
  name = 'Registrations1764370000002';

  async up(q: QueryRunner): Promise<void> {
    // One FIFO order for every waiting list: a row joins the end when it is (re)waitlisted.
    await q.query(`CREATE SEQUENCE waitlist_seq`);
    await q.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text NOT NULL,
        organisation text,
        organisation_type text NOT NULL,
        job_title text,
        department text,
        attendance_mode text NOT NULL CHECK (attendance_mode IN ('onsite', 'online')),
        accessibility_needs text,
        dietary_requirements text,
        consent_at timestamptz NOT NULL,
        photo_consent boolean NOT NULL DEFAULT false,
        photo_consent_at timestamptz,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        waitlist_seq bigint,
        manage_token_hash text NOT NULL,
        check_in_code text NOT NULL,
        checked_in_at timestamptz,
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        anonymised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT registration_waitlist_seq CHECK ((status = 'waitlisted') = (waitlist_seq IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX registration_manage_token_key ON registration (manage_token_hash)`);
    await q.query(`CREATE UNIQUE INDEX registration_check_in_code_key ON registration (check_in_code)`);
    // One active registration per email and event; a cancelled one does not block a new one.
    await q.query(`CREATE UNIQUE INDEX registration_active_email_key ON registration (event_id, email) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX registration_event_status ON registration (event_id, status, attendance_mode)`);
    await q.query(`CREATE INDEX registration_waitlist ON registration (event_id, attendance_mode, waitlist_seq) WHERE status = 'waitlisted'`);
    await q.query(`
      CREATE TABLE session_choice (
        registration_id uuid NOT NULL REFERENCES registration(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        waitlist_seq bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (registration_id, session_id),
        CONSTRAINT session_choice_waitlist_seq CHECK ((status = 'waitlisted') = (waitlist_seq IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX session_choice_session_status ON session_choice (session_id, status)`);
    await q.query(`
      CREATE TABLE outgoing_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid REFERENCES event(id) ON DELETE CASCADE,
        registration_id uuid REFERENCES registration(id) ON DELETE CASCADE,
        recipient text NOT NULL,
        reason text NOT NULL,
        subject text NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Nothing said twice: one message per (registration, reason).
    await q.query(`CREATE UNIQUE INDEX outgoing_mail_once ON outgoing_mail (registration_id, reason) WHERE registration_id IS NOT NULL`);
    await q.query(`CREATE INDEX outgoing_mail_due ON outgoing_mail (next_attempt_at) WHERE status IN ('pending', 'failed')`);
    await q.query(`CREATE INDEX outgoing_mail_event ON outgoing_mail (event_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outgoing_mail`);
    await q.query(`DROP TABLE session_choice`);
    await q.query(`DROP TABLE registration`);
    await q.query(`DROP SEQUENCE waitlist_seq`);
  }
}
