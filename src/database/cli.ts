import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { openDatabase } from './database-url';

/**
 * `migration:run`, `migration:revert`, `migration:generate <Name>` against DATABASE_URL or the
 * embedded database, without ts-node: it runs from the compiled dist/.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const db = await openDatabase(config, (line) => console.log(line));
  const source = new DataSource(dataSourceOptions(db.url, 2));
  await source.initialize();
  try {
    if (command === 'migration:run') {
      const applied = await source.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migration.');
    } else if (command === 'migration:revert') {
      await source.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else if (command === 'migration:generate') {
      if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error('Usage: npm run migration:generate -- <PascalCaseName>');
      await source.runMigrations({ transaction: 'each' });
      const sql = await source.driver.createSchemaBuilder().log();
      // The schema is hand-written with constraints, indexes and defaults the entities do not
      // model; keep only table and column changes, as a draft to review.
      const noise = /DROP CONSTRAINT|DROP INDEX|DROP DEFAULT|SET DEFAULT|"(IDX|FK)_[0-9a-f]+"/;
      const kept = sql.upQueries.map((up, i) => ({ up, down: sql.downQueries[i] })).filter(({ up }) => !noise.test(up.query));
      sql.upQueries = kept.map((k) => k.up);
      sql.downQueries = kept.map((k) => k.down).filter(Boolean);
      if (sql.upQueries.length === 0) {
        console.log('The entities match the database: nothing to generate.');
        return;
      }
      const stamp = Date.now();
      const quote = (text: string) => '`' + text.replace(/`/g, '\\`') + '`';
      const body = [
        `import { MigrationInterface, QueryRunner } from 'typeorm';`,
        ``,
        `export class ${name}${stamp} implements MigrationInterface {`,
        `  name = '${name}${stamp}';`,
        ``,
        `  async up(q: QueryRunner): Promise<void> {`,
        ...sql.upQueries.map((query) => `    await q.query(${quote(query.query)});`),
        `  }`,
        ``,
        `  async down(q: QueryRunner): Promise<void> {`,
        ...sql.downQueries.reverse().map((query) => `    await q.query(${quote(query.query)});`),
        `  }`,
        `}`,
        ``,
      ].join('\n');
      const file = join(process.cwd(), 'src', 'database', 'migrations', `${stamp}-${name}.ts`);
      writeFileSync(file, body);
      console.log(`Wrote ${file}: review it, then add it to src/database/migrations/index.ts.`);
    } else {
      throw new Error('Usage: node dist/database/cli.js migration:run|migration:revert|migration:generate <Name>');
    }
  } finally {
    await source.destroy();
    await db.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
