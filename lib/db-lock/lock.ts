import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The embedded database (PGlite) can be open in one process only. Whoever opens it — the
 * server (which also runs the jobs in embedded mode), a separate worker, or the CLI — first
 * takes `<dataDir>/tailor.lock`. The file is created atomically and holds JSON describing the
 * holder; a lock whose process is gone is stale and taken over. Postgres modes need no lock.
 */

export type LockRole = 'server' | 'cli' | 'worker';

export interface LockInfo {
  pid: number;
  role: LockRole;
  /** ISO 8601, UTC. */
  startedAt: string;
  hostname: string;
  /** The server's HTTP port, so a CLI can point at it. */
  port?: number;
}

export const LOCK_FILE = 'tailor.lock';

/** Thrown by `acquireDataDirLock` when a live process holds the folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly holder: LockInfo,
    readonly dataDir: string,
    role: LockRole,
  ) {
    super(lockedMessage(holder, dataDir, role));
    this.name = 'DataDirLockedError';
  }
}

interface Held {
  file: string;
  info: LockInfo;
  onExit: () => void;
}
let held: Held | undefined;

/**
 * Takes the lock on `dataDir` for this process (creating the folder if needed) and releases it
 * automatically when the process exits normally. Idempotent within one process.
 * Throws `DataDirLockedError` when another live process holds it; I/O errors otherwise.
 */
export function acquireDataDirLock(dataDir: string, role: LockRole, opts: { port?: number } = {}): LockInfo {
  const dir = path.resolve(/*turbopackIgnore: true*/ dataDir);
  const file = path.join(dir, LOCK_FILE);
  if (held && held.file === file) return held.info;
  if (held) throw new Error(`This process already holds the lock on ${path.dirname(held.file)}.`);
  fs.mkdirSync(dir, { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    role,
    startedAt: new Date().toISOString(),
    hostname: os.hostname(),
    ...(opts.port ? { port: opts.port } : {}),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, info)) {
      const onExit = () => releaseDataDirLock();
      process.once('exit', onExit);
      held = { file, info, onExit };
      return info;
    }
    const raw = readRaw(file);
    if (raw === null) continue; // removed in between: try again
    const holder = parseLock(raw);
    if (holder && isAlive(holder)) throw new DataDirLockedError(holder, dir, role);
    if (!holder && isFresh(file)) {
      // Being written by a process without hard links (fallback path): give it a moment.
      sleepSync(50);
      continue;
    }
    takeOver(file, raw);
  }
  throw new Error(`Could not take the lock ${file}; another process keeps changing it.`);
}

/** Removes the lock if this process holds it (safe to call more than once). */
export function releaseDataDirLock(): void {
  const h = held;
  if (!h) return;
  held = undefined;
  process.removeListener('exit', h.onExit);
  const current = parseLock(readRaw(h.file) ?? '');
  // Only delete our own lock: a stale-lock takeover by someone else must survive.
  if (current && current.pid === h.info.pid && current.startedAt === h.info.startedAt) {
    fs.rmSync(h.file, { force: true });
  }
}

/** Records the port once the server listens (the lock may be taken before the port is known). */
export function updateDataDirLock(patch: { port?: number }): void {
  if (!held) return;
  held.info = { ...held.info, ...patch };
  const tmp = `${held.file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(held.info));
  fs.renameSync(tmp, held.file);
}

/** The current holder of `dataDir`'s lock, or null when free or stale. */
export function readDataDirLock(dataDir: string): LockInfo | null {
  const holder = parseLock(
    readRaw(path.join(path.resolve(/*turbopackIgnore: true*/ dataDir), LOCK_FILE)) ?? '',
  );
  return holder && isAlive(holder) ? holder : null;
}

/** One line for people: who holds the folder and what to do about it. */
export function lockedMessage(holder: LockInfo, dataDir: string, wanted: LockRole): string {
  const who =
    holder.role === 'server'
      ? 'The Tailor server'
      : holder.role === 'worker'
        ? 'A Tailor worker'
        : 'A tailor CLI command';
  const where = holder.hostname !== os.hostname() ? ` on ${holder.hostname}` : '';
  if (wanted === 'cli') {
    if (holder.role === 'cli') {
      return `${who} (pid ${holder.pid}${where}) is using the embedded database in ${dataDir}. Wait for it to finish and try again.`;
    }
    return `${who} (pid ${holder.pid}${where}) has the embedded database in ${dataDir} open. Stop it first, or run the CLI against Postgres with DATABASE_URL.`;
  }
  return `${who} (pid ${holder.pid}${where}) has the embedded database in ${dataDir} open; only one process can use it. Stop it first, or use Postgres (DATABASE_URL) to run several processes.`;
}

// Write the full content to a private file, then hard-link it into place: link() fails when
// the lock exists, and readers never see a half-written lock.
function tryCreate(file: string, info: LockInfo): boolean {
  const body = JSON.stringify(info);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, body, { mode: 0o644 });
  try {
    fs.linkSync(tmp, file);
    return true;
  } catch (e) {
    if (errCode(e) === 'EEXIST') return false;
    return tryCreateExclusive(file, body); // file systems without hard links
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function tryCreateExclusive(file: string, body: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (e) {
    if (errCode(e) === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, body);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

// Two processes may find the same stale lock; a short exclusive guard makes sure only one
// of them removes it, and only if it is still the stale one (not a fresh lock just taken).
function takeOver(file: string, staleRaw: string): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx');
  } catch (e) {
    if (errCode(e) !== 'EEXIST') throw e;
    if (!isFresh(guard, 10_000))
      fs.rmSync(guard, { force: true }); // left by a crashed process
    else sleepSync(50);
    return;
  }
  try {
    if (readRaw(file) === staleRaw) fs.rmSync(file, { force: true });
  } finally {
    fs.closeSync(fd);
    fs.rmSync(guard, { force: true });
  }
}

function parseLock(raw: string): LockInfo | null {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0) return null;
    if (v.role !== 'server' && v.role !== 'cli' && v.role !== 'worker') return null;
    return {
      pid: v.pid,
      role: v.role,
      startedAt: typeof v.startedAt === 'string' ? v.startedAt : '', // unknown: skip the pid-reuse check
      hostname: typeof v.hostname === 'string' ? v.hostname : os.hostname(),
      ...(typeof v.port === 'number' ? { port: v.port } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * Whether the holder still runs. A lock from another machine (shared folder) cannot be
 * checked and counts as held. On Linux a pid reused by a process started after the lock
 * does not count.
 */
function isAlive(holder: LockInfo): boolean {
  if (holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if (errCode(e) !== 'EPERM') return false; // ESRCH: no such process
  }
  const started = processStartTime(holder.pid);
  const lockedAt = Date.parse(holder.startedAt);
  if (started !== null && Number.isFinite(lockedAt) && started > lockedAt + 5_000) return false;
  return true;
}

/** Linux: when `pid` started (ms since epoch), from /proc; null elsewhere. */
function processStartTime(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22 overall: starttime, in clock ticks since boot
    const btime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!btime || !Number.isFinite(ticks)) return null;
    return Number(btime) * 1000 + (ticks / 100) * 1000; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function readRaw(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null;
    throw e;
  }
}

function isFresh(file: string, ms = 2_000): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}
