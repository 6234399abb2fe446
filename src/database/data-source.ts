import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      // A request waiting on a lock gives up rather than piling up: the caller gets a 503 to retry.
      options: '-c lock_timeout=5000 -c statement_timeout=30000',
      application_name: 'rencontres',
    },
  };
}

/** Held while migrating, so instances starting together apply each migration once. */
const MIGRATION_LOCK = 7_264_011;

/** Apply pending migrations on a short-lived connection, one instance at a time. */
export async function runMigrations(url: string): Promise<string[]> {
  const source = new DataSource(dataSourceOptions(url, 2));
  await source.initialize();
  const lock = source.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await source.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await source.destroy();
  }
}
