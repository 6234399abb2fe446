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

/** POST/GET as the organiser; the answer's status and JSON body. */
async function asOrganiser(app, method, path, body) {
  const res = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await app.token()}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The day the benchmarks' events start: in 30 days, 08:00 UTC. */
function benchEventStart() {
  const start = new Date(Date.now() + 30 * 86400_000);
  start.setUTCHours(8, 0, 0, 0);
  return start;
}

/** An onsite conference of one 9-hour day at Le Corum (Montpellier), created by the organiser, still a draft. */
async function createConference(app, title, capacity) {
  const start = benchEventStart();
  const created = await asOrganiser(app, 'POST', '/api/events', {
    title,
    kind: 'conference',
    format: 'onsite',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 9 * 3600_000).toISOString(),
    venue: { name: 'Le Corum', address: 'Esplanade Charles-de-Gaulle', postalCode: '34000', city: 'Montpellier' },
    capacity,
  });
  if (created.status !== 201) throw new Error(`event: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}

async function publishEvent(app, eventId) {
  const published = await asOrganiser(app, 'POST', `/api/events/${eventId}/publish`);
  if (published.status !== 200) throw new Error(`publish: ${published.status}`);
}

/**
 * CPU seconds used so far by the benchmark's own PostgreSQL (its postmaster, found by its data
 * directory under a `rencontres-bench-` folder, and that postmaster's children, the live ones and
 * those that ended, which the postmaster has reaped), from /proc; null where /proc is not available.
 */
function postgresCpuSeconds() {
  const fs = require('node:fs');
  try {
    const procs = [];
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        procs.push({ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]), cmd });
      } catch {
        // The process ended while we looked.
      }
    }
    const master = procs.find((p) => p.cmd.includes('rencontres-bench-') && p.cmd.includes('postgres'));
    if (!master) return null;
    return (master.reaped + procs.filter((p) => p.pid === master.pid || p.ppid === master.pid).reduce((sum, p) => sum + p.ticks, 0)) / 100;
  } catch {
    return null;
  }
}

module.exports = { startBenchApp, percentile, createConference, publishEvent, postgresCpuSeconds };
