import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { createTestDatabase } from '../support/database';

/** The fair-access migrations go down and up again on a migrated database. */
describe('fair-access migrations (1764370000100, 1764370000110)', () => {
  it('undo to the seat decision before them, and redo', async () => {
    const database = await createTestDatabase();
    const ds = new DataSource({ ...dataSourceOptions(database.url, 2), migrationsRun: false });
    await ds.initialize();
    try {
      const columns = async (table: string) =>
        (await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [table])).map((r: { column_name: string }) => r.column_name);
      expect(await columns('event')).toContain('quotas');
      // Undo the later migrations too, down to (and including) the first fair-access one.
      const applied = async () => (await ds.query(`SELECT name FROM migration ORDER BY id`)).map((r: { name: string }) => r.name);
      while ((await applied()).includes('RegistrationNeeds1764370000100')) await ds.undoLastMigration();
      expect(await applied()).toEqual(['Baseline1764370000000']);
      expect(await columns('event')).not.toContain('quotas');
      expect(await columns('registration')).not.toContain('accessibility');
      const fns = (await ds.query(`SELECT proname FROM pg_proc WHERE proname IN ('seat_state', 'can_confirm', 'promote_waitlisted', 'register_attendee')`)).map(
        (r: { proname: string }) => r.proname,
      );
      expect(fns).toEqual(['register_attendee']);
      await ds.runMigrations();
      expect(await columns('registration')).toEqual(expect.arrayContaining(['accessibility', 'travel_support']));
      expect(await columns('event')).toEqual(expect.arrayContaining(['quotas', 'quotas_release_at', 'quotas_released_at']));
    } finally {
      await ds.destroy();
      await database.drop();
    }
  });
});
