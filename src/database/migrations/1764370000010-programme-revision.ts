import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter per event, bumped in the same transaction as every change to its rooms, speakers,
 * sessions or highlighted actions. The public programme (the most-read endpoint) keeps its
 * rendered form in memory keyed by this counter, so each instance knows at the cost of one tiny
 * read whether its copy is still right, whichever instance made the change.
 */
export class ProgrammeRevision1764370000010 implements MigrationInterface {
  name = 'ProgrammeRevision1764370000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme_revision (
        event_id uuid PRIMARY KEY REFERENCES event(id) ON DELETE CASCADE,
        revision bigint NOT NULL DEFAULT 1
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE programme_revision`);
  }
}
