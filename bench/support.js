// Shared by the benchmarks: a real app (compiled dist/) on its own throwaway embedded PostgreSQL.
'use strict';
const { mkdtempSync, chmodSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/**
 * Starts PostgreSQL in a temporary folder, migrates it, starts the app listening on a free port.
 * Returns { baseUrl, databaseUrl, token(), close() }.
 */
async function startBenchApp(env = {}) {
  const { loadConfig } = require('../dist/config/app-config');
  const { startEmbeddedPostgres } = require('../dist/database/embedded-postgres');
  const { runMigrations } = require('../dist/database/data-source');
  const { createApp } = require('../dist/app.factory');
  const dir = mkdtempSync(join(tmpdir(), 'rencontres-bench-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: 0 });
  await runMigrations(db.url);
  const organiser = { email: 'bench@rencontres.test', password: 'bench-password-long-enough' };
  const config = loadConfig({
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-42',
    TOKEN_SECRET: 'bench-token-secret-bench-token-secret-42',
    ORGANISER_EMAIL: organiser.email,
    ORGANISER_PASSWORD: organiser.password,
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    VAR_DIR: join(dir, 'var'),
    PORT: '0',
    ...env,
  });
  const app = await createApp(config, db.url, { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  let token;
  return {
    app,
    baseUrl,
    databaseUrl: db.url,
    async token() {
      if (!token) {
        const res = await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(organiser),
        });
        token = (await res.json()).accessToken;
      }
      return token;
    },
    async close() {
      await app.close();
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** p-th percentile of a list of numbers (ms). */
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

module.exports = { startBenchApp, percentile };
