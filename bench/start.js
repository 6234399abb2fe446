// `npm run bench:start`: how long `npm start` takes to answer GET /health = 200, on a fresh
// clone (no dist/, no ./var: build, initdb, migrations) and on a second start (nothing changed),
// beside the embedded PostgreSQL's own restart on existing data. Targets: first ≤ 10 s, second ≤ 3 s.
'use strict';
const { spawn } = require('node:child_process');
const { cpSync, mkdtempSync, rmSync, symlinkSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A fresh clone: the sources and configuration copied, node_modules linked (npm ci is not timed). */
function freshClone() {
  const dir = mkdtempSync(join(tmpdir(), 'rencontres-start-'));
  for (const entry of ['src', 'scripts', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Runs `npm start` in `dir` and answers the seconds until /health is 200; stops it after. */
async function timeStart(dir) {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}): ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
        (res) => res.status === 200,
        () => false,
      );
      if (ok) return Number(process.hrtime.bigint() - started) / 1e9;
      if (Number(process.hrtime.bigint() - started) > 60e9) throw new Error(`no /health after 60 s: ${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function postgresRestart(dir) {
  const { startEmbeddedPostgres } = require(join(dir, 'dist', 'database', 'embedded-postgres'));
  const started = process.hrtime.bigint();
  const db = await startEmbeddedPostgres({ dataDir: join(dir, 'var', 'pg'), port: 0 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await db.stop();
  return seconds;
}

async function main() {
  const dir = freshClone();
  try {
    const first = await timeStart(dir);
    const second = await timeStart(dir);
    const pg = await postgresRestart(dir);
    console.log(`npm start to GET /health = 200 (${process.platform}, node ${process.version})`);
    console.log(`  first start, fresh clone (build + initdb + migrations): ${first.toFixed(2)} s   (target ≤ 10 s)`);
    console.log(`  second start, nothing changed:                          ${second.toFixed(2)} s   (target ≤ 3 s)`);
    console.log(`  baseline: embedded PostgreSQL restart on existing data: ${pg.toFixed(2)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
