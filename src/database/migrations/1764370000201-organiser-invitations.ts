import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new organiser chooses their password through a one-time link sent by email. The link's token
 * is derived (HMAC of TOKEN_SECRET and the invitation id), so the worker can put it in the message
 * at delivery while the table keeps only its SHA-256 hash, for look-up. The message itself is an
 * outbox row about the invitation instead of a registration: one outbox, one worker, the same
 * retries and dead letters.
 */
export class OrganiserInvitations1764370000201 implements MigrationInterface {
  name = 'OrganiserInvitations1764370000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organiser_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organiser_id uuid NOT NULL REFERENCES organiser(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        invited_by uuid REFERENCES organiser(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX organiser_invitation_organiser ON organiser_invitation (organiser_id)`);
    await q.query(`ALTER TABLE outgoing_mail
      ALTER COLUMN registration_id DROP NOT NULL,
      ADD COLUMN invitation_id uuid REFERENCES organiser_invitation(id) ON DELETE CASCADE,
      ADD CONSTRAINT outgoing_mail_about_one CHECK ((registration_id IS NULL) <> (invitation_id IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX outgoing_mail_invitation_once ON outgoing_mail (invitation_id, reason) WHERE invitation_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outgoing_mail WHERE invitation_id IS NOT NULL`);
    await q.query(`DROP INDEX outgoing_mail_invitation_once`);
    await q.query(`ALTER TABLE outgoing_mail DROP CONSTRAINT outgoing_mail_about_one, DROP COLUMN invitation_id, ALTER COLUMN registration_id SET NOT NULL`);
    await q.query(`DROP TABLE organiser_invitation`);
  }
}
