import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The back office's sign-in. A session row's id is the SHA-256 of a random token that only the
 * browser's cookie holds: the table alone cannot sign anyone in. `expires_at` slides with use
 * (idle expiry). Organisers get a display name, and can be deactivated (their sessions are
 * deleted with it and they cannot sign in again); an invited organiser has no password yet.
 */
export class BackofficeSessions1764370000200 implements MigrationInterface {
  name = 'BackofficeSessions1764370000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organiser
      ADD COLUMN name text,
      ADD COLUMN deactivated_at timestamptz,
      ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(`
      CREATE TABLE backoffice_session (
        id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
        organiser_id uuid NOT NULL REFERENCES organiser(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX backoffice_session_organiser ON backoffice_session (organiser_id)`);
    await q.query(`CREATE INDEX backoffice_session_expiry ON backoffice_session (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE backoffice_session`);
    // Invited organisers who never chose a password cannot sign in: a hash no password matches.
    await q.query(`UPDATE organiser SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE organiser DROP COLUMN name, DROP COLUMN deactivated_at, ALTER COLUMN password_hash SET NOT NULL`);
  }
}
