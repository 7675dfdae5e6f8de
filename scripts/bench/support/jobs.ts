/**
 * Quiet starts for benches: a freshly seeded or imported workspace has background jobs queued
 * (embeddings, profiles, segments, predictions, fairness…), each enqueueing the next. Left to the
 * bench server, they run while the first target is measured and charge it their CPU; run here
 * first, every target is measured on an idle server.
 */
import type { Db } from '@/db/client';
import { countActiveJobs } from '@/lib/jobs/queries';
import { JobRunner } from '@/lib/jobs/runner';
import '@/lib/jobs/all';
import type { TenantContext } from '@/lib/tenant/context';

export interface DrainResult {
  /** Wall time until the queue was seen empty, ms. */
  waitedMs: number;
  /** Active (queued or running) jobs at the first look. */
  initiallyActive: number;
}

/**
 * Runs the workspace's queued jobs in this process (the real runner: leases, retries, chained
 * jobs, due schedules) until none is queued or running on two looks `pollMs` apart, then stops
 * the runner. Throws when the queue is still busy after `timeoutMs` (default 20 minutes).
 */
export async function drainJobs(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
  opts: { timeoutMs?: number; pollMs?: number; onProgress?: (active: number) => void } = {},
): Promise<DrainResult> {
  const t0 = performance.now();
  const pollMs = opts.pollMs ?? 1_000;
  const deadline = t0 + (opts.timeoutMs ?? 20 * 60_000);
  const initiallyActive = await countActiveJobs(db, ctx);
  const runner = new JobRunner(db, { pollMs: 250, backoffBaseMs: 1_000 });
  runner.start();
  try {
    let idleLooks = 0;
    let lastNote = 0;
    while (idleLooks < 2) {
      if (performance.now() > deadline)
        throw new Error(`background jobs still active after ${Math.round((deadline - t0) / 1000)} s`);
      await new Promise((r) => setTimeout(r, pollMs));
      const active = await countActiveJobs(db, ctx);
      idleLooks = active === 0 ? idleLooks + 1 : 0;
      if (opts.onProgress && active > 0 && performance.now() - lastNote >= 5_000) {
        lastNote = performance.now();
        opts.onProgress(active);
      }
    }
  } finally {
    await runner.stop();
  }
  return { waitedMs: performance.now() - t0, initiallyActive };
}

/**
 * Waits until a process uses less than `maxShare` of one core over `windowMs` (read from
 * /proc; resolves at once elsewhere), at most `timeoutMs`. Returns the wait in ms and whether it
 * became quiet: a server's own start-up work (caches, schedules) must not be charged to a target.
 */
export async function waitForQuietProcess(
  cpuMs: () => number | null,
  opts: { maxShare?: number; windowMs?: number; timeoutMs?: number } = {},
): Promise<{ waitedMs: number; quiet: boolean }> {
  const t0 = performance.now();
  const windowMs = opts.windowMs ?? 1_000;
  const maxShare = opts.maxShare ?? 0.05;
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  for (;;) {
    const c0 = cpuMs();
    const w0 = performance.now();
    if (c0 === null) return { waitedMs: 0, quiet: true };
    await new Promise((r) => setTimeout(r, windowMs));
    const c1 = cpuMs();
    if (c1 === null) return { waitedMs: performance.now() - t0, quiet: false };
    if ((c1 - c0) / (performance.now() - w0) < maxShare)
      return { waitedMs: performance.now() - t0, quiet: true };
    if (performance.now() > deadline) return { waitedMs: performance.now() - t0, quiet: false };
  }
}
