import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; tiny race until the server binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Started {
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves when the process exits. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let hooked = false;

/** Kills every started process group, synchronously: safe in an `exit` handler. */
export function killAll(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of running) killGroup(child, signal);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: tsx/Next may start helpers
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Starts a command in its own process group with output appended to `logFile`. The group is
 * killed when this process exits, is interrupted, or crashes.
 */
export function startProcess(
  command: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Started {
  if (!hooked) {
    hooked = true;
    process.once('exit', () => killAll('SIGKILL'));
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.once(sig, () => {
        killAll('SIGTERM');
        setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : 143), 200);
      });
    }
  }
  const log = fs.openSync(opts.logFile, 'a');
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    child,
    pid: child.pid,
    logFile: opts.logFile,
    exited,
    async stop() {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers `status`; rejects on timeout or when the process dies first. */
export async function waitForStatus(
  url: string,
  status: number,
  opts: { timeoutMs: number; exited: Promise<unknown> },
): Promise<number> {
  const t0 = performance.now();
  let dead = false;
  void opts.exited.then(() => {
    dead = true;
  });
  let last = 'no answer';
  while (performance.now() - t0 < opts.timeoutMs) {
    if (dead) throw new Error(`the server exited before ${url} answered ${status} (last: ${last})`);
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === status) return performance.now() - t0;
      last = `status ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer ${status} within ${opts.timeoutMs / 1000} s (last: ${last})`);
}

/** Resident memory of a process and its descendants in kB (Linux /proc; `ps` elsewhere). */
export function rssKb(pid: number): { self: number | null; peak: number | null; tree: number | null } {
  const status = readStatus(pid);
  if (!status) return { self: psRss(pid), peak: null, tree: null };
  const self = kb(status, 'VmRSS');
  const peak = kb(status, 'VmHWM');
  let tree = self ?? 0;
  for (const child of descendants(pid)) tree += kb(readStatus(child) ?? '', 'VmRSS') ?? 0;
  return { self, peak, tree };
}

function readStatus(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
}

function kb(status: string, field: string): number | null {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) : null;
}

function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = /^PPid:\s+(\d+)/m.exec(readStatus(Number(entry)) ?? '')?.[1];
    if (ppid) parent.set(Number(entry), Number(ppid));
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    for (const [child, pp] of parent) {
      if (pp === p) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

function psRss(pid: number): number | null {
  try {
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || null;
  } catch {
    return null;
  }
}
