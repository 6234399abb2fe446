import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { COMPILED, compileServer } from '../support/compiled-app';

// The launcher is run, compiled, in child processes, exactly as the server does (it spawns
// PostgreSQL and must outlive nothing but its own process).
const LAUNCHER = join(COMPILED, 'src', 'database', 'embedded-postgres.js');
const DRIVER = join(__dirname, '..', 'support', 'launcher-driver.mjs');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(dataDir: string, mode: 'hold' | 'once'): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [DRIVER, LAUNCHER, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /URL=(\S+)/.exec(chunk.toString());
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`launcher exited (${code}) before starting: ${stderr}`)));
  });
}

const exited = (child: ChildProcess) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));

async function query(url: string, sql: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded PostgreSQL launcher', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    compileServer();
    // mkdtemp makes it 0700: as root, the postgres user cannot search it, like a clone in /root.
    dir = mkdtempSync(join(tmpdir(), 'rencontres-embedded-'));
    dataDir = join(dir, 'var', 'pg');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('initialises, keeps data, shares a running server and stops cleanly on SIGTERM', async () => {
    const first = await run(dataDir, 'hold');
    await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    // A second process (organiser:create, seed:demo) while the server runs: it shares it.
    const second = await run(dataDir, 'once');
    expect(second.url).toBe(first.url);
    await exited(second.child);
    expect(await query(first.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    first.child.kill('SIGTERM');
    await exited(first.child);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('connects the application as a role that is not a superuser, keeping no superuser password', async () => {
    const db = await run(dataDir, 'hold');
    try {
      const [me] = await query(
        db.url,
        `SELECT current_user AS role, current_database() AS database, rolsuper, rolcreaterole, rolcreatedb
        FROM pg_roles WHERE rolname = current_user`,
      );
      expect(me).toEqual({ role: 'rencontres', database: 'rencontres', rolsuper: false, rolcreaterole: false, rolcreatedb: false });
      // It owns its database: migrations can create tables and trusted extensions.
      await query(db.url, 'CREATE EXTENSION IF NOT EXISTS btree_gist');
      // Beside the data: only the application's password, readable by its owner alone.
      const beside = readdirSync(join(dir, 'var')).sort();
      expect(beside).toEqual(['pg', 'pg-app-password']);
      expect(statSync(join(dir, 'var', 'pg-app-password')).mode & 0o777).toBe(0o600);
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith('pg-password-'))).toEqual([]);
    } finally {
      db.child.kill('SIGTERM');
      await exited(db.child);
    }
  });

  (isRoot ? it : it.skip)('as root, leaves the folders above the data as closed as it found them', () => {
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('leaves alone a process that a stale postmaster.pid names but that is not our server', async () => {
    // A process called "postgres" that is not ours: a copy of sleep under that name.
    const fake = join(dir, 'postgres');
    writeFileSync(fake, readFileSync('/bin/sleep'), { mode: 0o755 });
    const stranger = spawn(fake, ['60'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(join(dataDir, 'postmaster.pid'), `${stranger.pid}\n${dataDir}\n0\n5432\n\n127.0.0.1\n`);
      const db = await run(dataDir, 'hold');
      try {
        expect(await query(db.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
        expect(alive(stranger.pid!)).toBe(true);
      } finally {
        db.child.kill('SIGTERM');
        await exited(db.child);
      }
    } finally {
      stranger.kill('SIGKILL');
    }
  });

  it('recovers from a server orphaned by a killed process (stale postmaster.pid)', async () => {
    const crashed = await run(dataDir, 'hold');
    const orphanPid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    crashed.child.kill('SIGKILL');
    await exited(crashed.child);
    expect(alive(orphanPid)).toBe(true);

    const next = await run(dataDir, 'hold');
    try {
      expect(await query(next.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
      expect(alive(orphanPid)).toBe(false);
    } finally {
      next.child.kill('SIGTERM');
      await exited(next.child);
    }
  });
});
