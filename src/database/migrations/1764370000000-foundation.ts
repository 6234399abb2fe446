import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764370000000 implements MigrationInterface {
  name = 'Foundation1764370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // Accent- and case-insensitive search without the unaccent extension (not on every server).
    await q.query(`
      CREATE FUNCTION fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN
        translate(lower($1), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa')`);
    await q.query(`
      CREATE TABLE organiser (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organiser_email_lower CHECK (email = lower(email))
      )`);
    await q.query(`CREATE UNIQUE INDEX organiser_email_key ON organiser (email)`);
    await q.query(`
      CREATE TABLE login_failure (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        failed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_failure_lookup ON login_failure (email, address, failed_at)`);
    await q.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('conference', 'study_day', 'webinar')),
        format text NOT NULL CHECK (format IN ('onsite', 'online', 'hybrid')),
        description text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        timezone text NOT NULL DEFAULT 'Europe/Paris',
        venue jsonb,
        online_url text,
        capacity integer CHECK (capacity IS NULL OR capacity >= 1),
        online_capacity integer CHECK (online_capacity IS NULL OR online_capacity >= 1),
        registration_opens_at timestamptz,
        registration_closes_at timestamptz,
        themes text[] NOT NULL DEFAULT '{}',
        departments text[] NOT NULL DEFAULT '{}',
        reminder_offsets integer[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'cancelled')),
        cancel_reason text,
        published_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_dates_in_order CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX event_slug_key ON event (slug)`);
    await q.query(`CREATE INDEX event_public_listing ON event (status, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event`);
    await q.query(`DROP TABLE login_failure`);
    await q.query(`DROP TABLE organiser`);
    await q.query(`DROP FUNCTION fold(text)`);
  }
}
