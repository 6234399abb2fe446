import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase } from './database/database-url';
import { runMigrations } from './database/data-source';
import { createRootLogger, loggingOptions } from './observability/logging';

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const root = createRootLogger(loggingOptions(config));
  const logger = { log: (line: string) => root.info(line), warn: (line: string) => root.warn(line) };
  if (config.jwtSecretGenerated) {
    logger.warn(`JWT_SECRET is not set: using a generated secret kept in ${config.varDir}/jwt-secret (set JWT_SECRET in production).`);
  }
  if (config.tokenSecretGenerated) {
    logger.warn(`TOKEN_SECRET is not set: manage links are derived from a generated key kept in ${config.varDir}/token-secret (set TOKEN_SECRET in production).`);
  }
  const db = await openDatabase(config, (line) => logger.log(line));
  if (db.embedded) logger.log(`Embedded PostgreSQL running with its data in ${config.varDir}/pg`);
  const applied = await runMigrations(db.url);
  if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);

  const app = await createApp(config, db.url, { rootLogger: root });
  // Before listening: a signal from then on stops the app cleanly (and only once).
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: stopping`);
    await app.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    root.flush(() => process.exit(0));
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen(config.port);
  const base = config.publicBaseUrl;
  const lines = [
    `Rencontres is listening on http://localhost:${config.port} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  API docs:   ${base}/docs  (OpenAPI document: ${base}/docs-json)`,
    `  Health:     ${base}/health`,
    `  Mail:       ${config.smtpUrl ? `sent through ${new URL(config.smtpUrl).host}` : `written as .eml files to ${config.varDir}/mail/`}`,
    config.organiserEmail
      ? `  Log in:     POST ${base}/api/auth/login with { "email": ORGANISER_EMAIL, "password": ORGANISER_PASSWORD }`
      : `  Log in:     set ORGANISER_EMAIL and ORGANISER_PASSWORD, or run npm run organiser:create -- --email you@example.org`,
  ];
  for (const line of lines) logger.log(line);
}

main().catch((error: Error) => {
  console.error(`Rencontres could not start: ${error.message}`);
  process.exit(1);
});
