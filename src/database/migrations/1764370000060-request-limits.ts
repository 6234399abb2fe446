import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request counters shared by every instance: one row per (scope, client key), holding the
 * current fixed window and its hits, bumped by one upsert per request (RateWindowsRepository).
 * UNLOGGED: counters lost in a crash only forgive a minute of traffic, and skipping the WAL
 * keeps the upsert cheap. Rows of past windows are swept, since client addresses are personal data.
 */
export class RequestLimits1764370000060 implements MigrationInterface {
  name = 'RequestLimits1764370000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_window (
        scope text NOT NULL,
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`CREATE INDEX rate_window_sweep ON rate_window (window_start)`);
    // Failures per account, whatever the address (the per-account limit).
    await q.query(`CREATE INDEX login_failure_account ON login_failure (email, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX login_failure_account`);
    await q.query(`DROP TABLE rate_window`);
  }
}
