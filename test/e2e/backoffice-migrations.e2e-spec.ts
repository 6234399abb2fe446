import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { createTestDatabase } from '../support/database';

describe('back-office migrations revert and re-apply', () => {
  it('down() of 1764370000201 and 1764370000200 (and of what came after) restores the schema, with an invited organiser and an invitation message present', async () => {
    const db = await createTestDatabase();
    const source = new DataSource(dataSourceOptions(db.url, 2));
    await source.initialize();
    try {
      const [{ id }] = await source.query(`INSERT INTO organiser (email, name, password_hash) VALUES ('invitee@occitanie.test', 'Invitée', NULL) RETURNING id`);
      const [inv] = await source.query(
        `INSERT INTO organiser_invitation (organiser_id, token_hash, created_at, expires_at) VALUES ($1, repeat('a', 64), now(), now()) RETURNING id`,
        [id],
      );
      await source.query(
        `INSERT INTO outgoing_mail (invitation_id, reason, payload, next_attempt_at, created_at, updated_at) VALUES ($1, 'organiser_invitation', '{}', now(), now(), now())`,
        [inv.id],
      );
      // Down to just before the back office (migrations after it first, newest first).
      const latest = async () => Number((await source.query(`SELECT max(timestamp) AS t FROM migration`))[0].t);
      while ((await latest()) >= 1764370000200) await source.undoLastMigration({ transaction: 'each' });
      expect(await latest()).toBeLessThan(1764370000200);
      const tables = (await source.query(`SELECT table_name FROM information_schema.tables WHERE table_name IN ('backoffice_session', 'organiser_invitation')`)).length;
      expect(tables).toBe(0);
      const [column] = await source.query(`SELECT is_nullable FROM information_schema.columns WHERE table_name = 'organiser' AND column_name = 'password_hash'`);
      expect(column.is_nullable).toBe('NO');
      await source.runMigrations({ transaction: 'each' });
      expect((await source.query(`SELECT count(*)::int AS n FROM backoffice_session`))[0].n).toBe(0);
    } finally {
      await source.destroy();
      await db.drop();
    }
  });
});
