import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { urlFor } from '../support/database';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { schemaSnapshot, diffSnapshots } = require('../../scripts/schema-snapshot.cjs') as {
  schemaSnapshot(url: string): Promise<string[]>;
  diffSnapshots(a: string[], b: string[]): string[];
};

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the migrations', () => {
  const name = `m_${randomBytes(6).toString('hex')}`;
  let source: DataSource;
  beforeAll(async () => {
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    source = new DataSource(dataSourceOptions(urlFor(name), 2));
    await source.initialize();
  });
  afterAll(async () => {
    await source.destroy();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('go up on an empty database, down one by one to nothing, and up again to the same schema', async () => {
    const empty = await schemaSnapshot(urlFor(name));
    const applied = await source.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    const first = await schemaSnapshot(urlFor(name));
    expect(first.filter((l) => l.startsWith('relation: r ')).length).toBeGreaterThan(10);
    expect(first).toEqual(
      expect.arrayContaining([expect.stringMatching(/^function: register_attendees\(/), expect.stringMatching(/^trigger: CREATE TRIGGER registration_tally /)]),
    );

    for (let left = MIGRATIONS.length; left > 0; left--) {
      await source.undoLastMigration({ transaction: 'each' });
      const remaining: Array<{ name: string }> = await source.query(`SELECT name FROM migration ORDER BY id`);
      expect(remaining).toHaveLength(left - 1);
    }
    // Down to nothing: only TypeORM's own bookkeeping (its migration table, its uuid extension) remains.
    const bare = await schemaSnapshot(urlFor(name));
    const bookkeeping =
      /^[+-] (relation: [rS] migration(_id_seq)?|column: migration\.|constraint: migration |index: .* ON public\.migration |sequence: migration_id_seq |sequence owner: migration_id_seq |extension: uuid-ossp$)/;
    expect(diffSnapshots(empty, bare).filter((l) => !bookkeeping.test(l))).toEqual([]);

    await source.runMigrations({ transaction: 'each' });
    const second = await schemaSnapshot(urlFor(name));
    expect(diffSnapshots(first, second)).toEqual([]);
  });

  it('take over a development database built by the migrations the baseline replaced: same schema, the dead functions gone', async () => {
    const current = await schemaSnapshot(urlFor(name));
    // As such a database stands: the old names recorded, a dead capacity function still there.
    await source.query(`DELETE FROM migration WHERE name = 'Baseline1764370000000'`);
    const old = [
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
    for (const [i, n] of old.entries()) await source.query(`INSERT INTO migration (timestamp, name) VALUES ($1, $2)`, [1764370000000 + i, n]);
    await source.query(`CREATE FUNCTION registration_capacity_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
    const applied = await source.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(['Baseline1764370000000']);
    expect(diffSnapshots(current, await schemaSnapshot(urlFor(name)))).toEqual([]);
    const names: Array<{ name: string }> = await source.query(`SELECT name FROM migration ORDER BY timestamp`);
    expect(names.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => new m().name));
  });
});
