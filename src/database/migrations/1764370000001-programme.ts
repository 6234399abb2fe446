import { MigrationInterface, QueryRunner } from 'typeorm';

export class Programme1764370000001 implements MigrationInterface {
  name = 'Programme1764370000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE room (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        name text NOT NULL,
        capacity integer CHECK (capacity IS NULL OR capacity >= 1),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX room_event_name_key ON room (event_id, lower(name))`);
    await q.query(`
      CREATE TABLE speaker (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        full_name text NOT NULL,
        job_title text,
        organisation text,
        bio text,
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX speaker_event ON speaker (event_id)`);
    await q.query(`
      CREATE TABLE highlighted_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        title text NOT NULL,
        summary text NOT NULL,
        organisation text NOT NULL,
        organisation_type text NOT NULL,
        departments text[] NOT NULL DEFAULT '{}',
        themes text[] NOT NULL DEFAULT '{}',
        contact_name text,
        contact_email text,
        url text,
        status text NOT NULL CHECK (status IN ('proposed', 'selected', 'rejected')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // An action proposed twice (same title, same organisation) is one action.
    await q.query(
      `CREATE UNIQUE INDEX highlighted_action_identity_key ON highlighted_action (event_id, lower(title), lower(organisation))`,
    );
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event(id) ON DELETE CASCADE,
        title text NOT NULL,
        type text NOT NULL CHECK (type IN ('plenary', 'workshop', 'round_table', 'talk', 'break', 'networking')),
        description text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        room_id uuid REFERENCES room(id) ON DELETE RESTRICT,
        themes text[] NOT NULL DEFAULT '{}',
        capacity integer CHECK (capacity IS NULL OR capacity >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT session_times_in_order CHECK (ends_at > starts_at),
        -- Last line of defence against two sessions in one room at once ([) : touching is fine).
        CONSTRAINT session_room_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
      )`);
    await q.query(`CREATE INDEX session_event_time ON session (event_id, starts_at)`);
    await q.query(`
      CREATE TABLE session_speaker (
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        speaker_id uuid NOT NULL REFERENCES speaker(id) ON DELETE RESTRICT,
        PRIMARY KEY (session_id, speaker_id)
      )`);
    await q.query(`CREATE INDEX session_speaker_speaker ON session_speaker (speaker_id)`);
    await q.query(`
      CREATE TABLE session_action (
        session_id uuid NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        action_id uuid NOT NULL REFERENCES highlighted_action(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, action_id)
      )`);
    await q.query(`CREATE INDEX session_action_action ON session_action (action_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_action`);
    await q.query(`DROP TABLE session_speaker`);
    await q.query(`DROP TABLE session`);
    await q.query(`DROP TABLE highlighted_action`);
    await q.query(`DROP TABLE speaker`);
    await q.query(`DROP TABLE room`);
  }
}
