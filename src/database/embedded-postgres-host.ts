import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * What the embedded PostgreSQL needs from the host: the `postgres` system user when we run as
 * root, paths that user can reach, and the reading of a postmaster.pid left behind.
 */

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export interface RunAs {
  uid: number;
  gid: number;
}

let knownUser: RunAs | undefined;
const postgresUid = () => knownUser?.uid;

/** As root PostgreSQL must run as `postgres` (created when missing); otherwise as ourselves. */
export function postgresUser(): RunAs | undefined {
  if (!isRoot()) return undefined;
  knownUser ??= findOrCreatePostgresUser();
  return knownUser;
}

function findOrCreatePostgresUser(): RunAs {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Folders from `path` up to `/` that other users cannot search (no x bit for others), except the postgres user's own. */
function closedParents(path: string): Array<{ path: string; mode: number }> {
  const closed: Array<{ path: string; mode: number }> = [];
  const own = postgresUid();
  for (let current = resolve(path); ; current = dirname(current)) {
    try {
      const stat = statSync(current);
      const mode = stat.mode & 0o7777;
      if ((mode & 0o001) === 0 && !(stat.uid === own && (mode & 0o100) !== 0)) closed.push({ path: current, mode });
    } catch {
      // Not there yet, or not ours to read: initdb will say what is wrong.
    }
    if (dirname(current) === current) return closed;
  }
}

/**
 * Runs `work` while `postgres` can reach `path`: folders above it that others cannot search get
 * the search bit (never read) for that time only, and their modes are put back after. The server
 * needs the path only to start: it then works from inside its data directory.
 */
export async function withReachable<T>(path: string, log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  const closed = isRoot() ? closedParents(dirname(path)) : [];
  for (const folder of closed) chmodSync(folder.path, folder.mode | 0o001);
  if (closed.length) log(`embedded PostgreSQL: ${closed.map((f) => f.path).join(', ')} searchable by the postgres user while it starts`);
  try {
    return await work();
  } finally {
    for (const folder of closed) {
      try {
        chmodSync(folder.path, folder.mode);
      } catch {
        // Gone meanwhile: nothing to restore.
      }
    }
  }
}

/** Root-owned, reachable by every user: where the binaries are mirrored when theirs is closed. */
const SHARED_BINARIES = '/var/lib/rencontres';

/**
 * The PostgreSQL binaries at a path `postgres` can reach for as long as the server runs (it
 * loads libraries on demand). When the package's folder lies under closed folders (a clone in
 * /root), the binaries are mirrored once into a root-owned folder instead of opening those up.
 */
export function reachableBinaries(nativeDir: string, version: string, log: (line: string) => void): string {
  if (!isRoot() || closedParents(nativeDir).length === 0) return nativeDir;
  const target = join(SHARED_BINARIES, `postgresql-${version}`);
  const marker = join(target, '.complete');
  if (existsSync(marker) && ownedByRootOnly(target)) return target;
  mkdirSync(SHARED_BINARIES, { recursive: true, mode: 0o755 });
  if (!ownedByRootOnly(SHARED_BINARIES)) throw new Error(`${SHARED_BINARIES} must be owned by root and writable by root only`);
  const staging = `${target}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  writeFileSync(join(staging, '.complete'), `${version}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  log(`embedded PostgreSQL: binaries mirrored to ${target} (the package's folder is closed to the postgres user)`);
  return target;
}

function ownedByRootOnly(path: string): boolean {
  const stat = statSync(path);
  return stat.uid === 0 && (stat.mode & 0o022) === 0;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

function parentOf(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  return stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : null;
}

const commandOf = (pid: number) => read(`/proc/${pid}/comm`).trim();

/** The postmaster of `dataDir`: a postgres process whose working folder is that data directory. */
function isServerOf(pid: number, dataDir: string): boolean {
  if (!commandOf(pid).includes('postgres')) return false;
  try {
    return readlinkSync(`/proc/${pid}/cwd`) === realpathSync(dataDir);
  } catch {
    return false;
  }
}

/**
 * Reads a postmaster.pid found in the data directory. Our server, still owned by a live Node
 * process (a running `npm start`), is shared: its port is returned. Our server orphaned by a
 * killed process is stopped. A file naming any other process (a reused pid, another server) is
 * only removed: that process is left alone.
 */
export async function inspectPidFile(dataDir: string, log: (line: string) => void): Promise<number | null> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = read(pidFile).split('\n');
  const pid = Number(lines[0]);
  if (Number.isInteger(pid) && pid > 0 && alive(pid) && isServerOf(pid, dataDir)) {
    const parent = parentOf(pid);
    if (parent && parent > 1 && alive(parent) && commandOf(parent).includes('node')) return Number(lines[3]);
    log(`embedded PostgreSQL: stopping our server left running by an earlier process (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    const deadline = Date.now() + 15_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  } else if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    log(`embedded PostgreSQL: postmaster.pid names process ${pid}, which is not our server: removing the stale file only`);
  }
  if (existsSync(pidFile)) unlinkSync(pidFile);
  return null;
}
