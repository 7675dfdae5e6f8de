import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DataDirLockedError,
  LOCK_FILE,
  type LockInfo,
  acquireDataDirLock,
  readDataDirLock,
  releaseDataDirLock,
  updateDataDirLock,
} from './lock';

let root: string;
let sleeper: ChildProcess;
const fresh = () => fs.mkdtempSync(path.join(root, 'd-'));
const lockOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockInfo;
const writeLock = (dir: string, info: Partial<LockInfo>) =>
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ hostname: os.hostname(), ...info }));

/** The pid of a process that has exited (and, right after, is very unlikely to be reused). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-lock-'));
  sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
});
afterEach(() => releaseDataDirLock());
afterAll(() => {
  sleeper.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('acquireDataDirLock', () => {
  it('creates the folder and a lock naming this process; release removes it', () => {
    const dir = path.join(fresh(), 'nested', 'data');
    const info = acquireDataDirLock(dir, 'server', { port: 3123 });
    expect(info).toMatchObject({ pid: process.pid, role: 'server', port: 3123 });
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, role: 'server', port: 3123 });
    expect(Date.parse(lockOf(dir).startedAt)).toBeGreaterThan(Date.now() - 10_000);
    expect(acquireDataDirLock(dir, 'server')).toEqual(info); // idempotent in one process
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]); // no temporary files left behind
    releaseDataDirLock();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    releaseDataDirLock(); // a second release is harmless
  });

  it('refuses while another live process holds it, naming the holder', () => {
    const dir = fresh();
    writeLock(dir, { pid: sleeper.pid!, role: 'server', startedAt: new Date().toISOString(), port: 3000 });
    let error: unknown;
    try {
      acquireDataDirLock(dir, 'cli');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).holder).toMatchObject({
      pid: sleeper.pid,
      role: 'server',
      port: 3000,
    });
    expect((error as Error).message).toBe(
      `The Tailor server (pid ${sleeper.pid}) has the embedded database in ${dir} open. Stop it first, or run the CLI against Postgres with DATABASE_URL.`,
    );
    expect(lockOf(dir).pid).toBe(sleeper.pid); // untouched
    expect(readDataDirLock(dir)?.pid).toBe(sleeper.pid);
  });

  it('tells a server that a CLI command is running', () => {
    const dir = fresh();
    writeLock(dir, { pid: sleeper.pid!, role: 'cli', startedAt: new Date().toISOString() });
    expect(() => acquireDataDirLock(dir, 'server')).toThrow(
      /A tailor CLI command \(pid \d+\) has the embedded database/,
    );
  });

  it('takes over a stale lock (dead pid, corrupt file, reused pid)', async () => {
    const dead = fresh();
    writeLock(dead, { pid: await deadPid(), role: 'server', startedAt: new Date().toISOString() });
    expect(readDataDirLock(dead)).toBeNull();
    expect(acquireDataDirLock(dead, 'cli').pid).toBe(process.pid);
    expect(lockOf(dead)).toMatchObject({ pid: process.pid, role: 'cli' });
    releaseDataDirLock();

    const corrupt = fresh();
    const file = path.join(corrupt, LOCK_FILE);
    fs.writeFileSync(file, '{"pid":');
    fs.utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(acquireDataDirLock(corrupt, 'cli').pid).toBe(process.pid);
    releaseDataDirLock();

    if (process.platform === 'linux') {
      // The pid is alive but its process started long after the lock was written.
      const reused = fresh();
      writeLock(reused, { pid: sleeper.pid!, role: 'server', startedAt: '2001-01-01T00:00:00.000Z' });
      expect(acquireDataDirLock(reused, 'cli').pid).toBe(process.pid);
    }
  });

  it('does not remove a lock that someone else took over meanwhile', () => {
    const dir = fresh();
    acquireDataDirLock(dir, 'cli');
    writeLock(dir, { pid: sleeper.pid!, role: 'server', startedAt: new Date().toISOString() });
    releaseDataDirLock();
    expect(lockOf(dir).pid).toBe(sleeper.pid);
  });

  it('records the port once known', () => {
    const dir = fresh();
    acquireDataDirLock(dir, 'server');
    updateDataDirLock({ port: 4321 });
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, role: 'server', port: 4321 });
  });

  it('lets exactly one of several racing processes win', async () => {
    const dir = fresh();
    writeLock(dir, { pid: await deadPid(), role: 'server', startedAt: new Date().toISOString() });
    // Each child waits for a common start moment (to collide on the stale lock), reports, and a
    // winner keeps its lock until every child has reported, however slow the machine is.
    const startAt = Date.now() + 4_000;
    const script = `
      import { acquireDataDirLock } from ${JSON.stringify(path.resolve(import.meta.dirname, 'lock.ts'))};
      await new Promise((r) => setTimeout(r, ${startAt} - Date.now()));
      try { acquireDataDirLock(${JSON.stringify(dir)}, 'cli'); console.log('won'); setTimeout(() => {}, 120000); }
      catch (e) { console.log(e.name); }`;
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: path.resolve(import.meta.dirname, '../..'),
      }),
    );
    try {
      const results = await Promise.all(
        children.map((child) => {
          let out = '';
          return new Promise<string>((resolve) => {
            child.stdout.on('data', (d) => {
              out += String(d);
              if (out.includes('\n')) resolve(out.trim());
            });
            child.once('exit', () => resolve(out.trim()));
          });
        }),
      );
      expect(results.filter((r) => r === 'won')).toHaveLength(1);
      expect(results.filter((r) => r === 'DataDirLockedError')).toHaveLength(3);
    } finally {
      for (const child of children) child.kill();
    }
  });
});
