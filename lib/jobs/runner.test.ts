import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { invitations, jobSchedules, jobs } from '@/db/schema';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { workspaceCleanup } from './builtin/maintenance';
import { enqueueJob } from './enqueue';
import { backoffDelay, publicErrorMessage } from './execute';
import { claimJobs } from './lease';
import { requestCancelJob } from './queries';
import { defineJob } from './registry';
import { JobRunner, type RunnerOptions } from './runner';
import { runDueSchedules, scheduleJob } from './schedule';
import { cancelJob, runCleanupNow } from './service';
import {
  countEffects,
  createEffectsTable,
  isHung,
  releaseHungJob,
  stepsJob,
  stepsOutcomes,
} from './testing/test-jobs';
import { readJob, waitFor, waitForStatus } from './testing/wait';
import { JobError } from './types';

// Short leases and intervals keep the suite quick; no assertion depends on how long anything took.
const FAST: RunnerOptions = {
  leaseMs: 5_000,
  pollMs: 20,
  progressIntervalMs: 20,
  backoffBaseMs: 10,
  backoffMaxMs: 50,
  graceMs: 500,
  scheduleMs: 0,
};

async function withRunner<T>(
  db: Db,
  fn: (r: JobRunner) => Promise<T>,
  options: RunnerOptions = {},
): Promise<T> {
  const runner = new JobRunner(db, { ...FAST, ...options });
  runner.start();
  try {
    return await fn(runner);
  } finally {
    await runner.stop();
  }
}

// --- job types used below -------------------------------------------------------------------
const gates = new Map<string, () => void>();
const gate = (key: string) => new Promise<void>((resolve) => gates.set(key, resolve));
const open = (key: string) => waitFor(() => gates.get(key), `gate ${key}`).then((release) => release());

const progressJob = defineJob<{ total: number }>({
  type: 'test.progress',
  run: async (ctx) => {
    const { total } = ctx.payload;
    for (let i = 1; i <= total; i++) {
      for (let k = 0; k < 1000; k++) ctx.progress(i, total, `Step ${i}`); // throttled, not 1000 writes
      if (i === 2) await gate(`progress:${ctx.jobId}`);
    }
    return { steps: total };
  },
});

const flakyAttempts = new Map<string, number[]>();
const flakyJob = defineJob({
  type: 'test.flaky',
  maxAttempts: 4,
  run: async (ctx) => {
    flakyAttempts.set(ctx.jobId, [...(flakyAttempts.get(ctx.jobId) ?? []), ctx.attempt]);
    if (ctx.attempt === 2) await gate(`flaky:${ctx.jobId}`);
    if (ctx.attempt < 3)
      throw new Error('connect ECONNRESET password=hunter2\n    at Socket.read (net.js:1:1)');
    return { succeededOnAttempt: ctx.attempt };
  },
});

const brokenJob = defineJob({
  type: 'test.broken',
  maxAttempts: 2,
  run: async () => {
    throw new Error(
      'relation "secret_table" does not exist\n    at Parser.parse (/app/node_modules/pg/lib/parser.js:1:1)',
    );
  },
});

const invalidInputJob = defineJob({
  type: 'test.invalid-input',
  maxAttempts: 5,
  run: async () => {
    throw new JobError('The file has no header row.', { retryable: false });
  },
});

const cancellableRuns: string[] = [];
const cancellableJob = defineJob({
  type: 'test.cancellable',
  run: async (ctx) => {
    cancellableRuns.push(ctx.jobId);
    for (let i = 0; i < 100_000; i++) {
      ctx.throwIfCancelled();
      ctx.progress(i);
      await new Promise((r) => setTimeout(r, 10));
    }
    return {};
  },
});

const slowJob = defineJob({
  type: 'test.slow',
  maxAttempts: 1,
  timeoutMs: 100,
  run: (ctx) =>
    new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason))),
});

const scheduledJob = defineJob<{ slug: string }>({ type: 'test.scheduled', run: async () => ({}) });

describe('backoff and error messages', () => {
  it('doubles the delay per attempt up to the cap, with at most 10% jitter', () => {
    for (const [attempt, base] of [
      [1, 100],
      [2, 200],
      [3, 400],
    ] as const) {
      const d = backoffDelay(attempt, 100, 10_000);
      expect(d).toBeGreaterThanOrEqual(base);
      expect(d).toBeLessThanOrEqual(base * 1.1);
    }
    expect(backoffDelay(30, 100, 10_000)).toBeLessThanOrEqual(11_000);
  });

  it('keeps our own messages and hides unexpected ones', () => {
    expect(publicErrorMessage(new JobError('No header row.'))).toBe('No header row.');
    const hidden = publicErrorMessage(new Error('password=hunter2'));
    expect(hidden).not.toContain('hunter2');
  });

  it('recognises our errors thrown from another module graph (a copy of the class)', () => {
    // What a handler bundled by Next throws when the custom server's runner executes it.
    class JobError extends Error {
      readonly retryable = false;
      constructor(message: string) {
        super(message);
        this.name = 'JobError';
      }
    }
    expect(publicErrorMessage(new JobError('Too little data to evaluate.'))).toBe(
      'Too little data to evaluate.',
    );
    const impostor = new Error('secret=1');
    impostor.name = 'JobError'; // no retryable flag: not ours
    expect(publicErrorMessage(impostor)).not.toContain('secret');
  });
});

describe.each(testDrivers())('job runner (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('reports progress while running and keeps the last values', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const { job } = await enqueueJob(db, ctx, progressJob, { total: 4 });
    expect(job.status).toBe('queued');
    await withRunner(db, async () => {
      const mid = await waitFor(async () => {
        const row = await readJob(db, ctx.tenantId, job.id);
        return row.progressDone === 2 ? row : undefined;
      }, 'progress 2/4');
      expect(mid).toMatchObject({
        status: 'running',
        progressTotal: 4,
        progressMessage: 'Step 2',
        attempts: 1,
      });
      expect(mid.startedAt).toBeInstanceOf(Date);
      await open(`progress:${job.id}`);
      const done = await waitForStatus(db, ctx.tenantId, job.id, 'succeeded');
      expect(done).toMatchObject({
        progressDone: 4,
        progressTotal: 4,
        progressMessage: 'Step 4',
        result: { steps: 4 },
      });
      expect(done.lockedBy).toBeNull();
      expect(done.finishedAt!.getTime()).toBeGreaterThanOrEqual(done.startedAt!.getTime());
    });
  });

  it('claims only the named job and only the given types, never another queued job', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const { job: other } = await enqueueJob(db, ctx, scheduledJob, { slug: 'other' });
    const { job: wanted } = await enqueueJob(db, ctx, progressJob, { total: 1 });
    const claim = { workerId: 'test', leaseMs: 5_000, limit: 5 };
    // `other` is older (claims go by runAfter): only the job and type conditions keep it out.
    expect(await claimJobs(db, { ...claim, types: ['test.unknown'] })).toEqual([]);
    const named = await claimJobs(db, {
      ...claim,
      types: [progressJob.type, scheduledJob.type],
      job: { tenantId: ctx.tenantId, id: wanted.id },
    });
    expect(named.map((j) => j.id)).toEqual([wanted.id]);
    expect((await readJob(db, ctx.tenantId, other.id)).status).toBe('queued');
  });

  it('retries with backoff, keeping the last error visible, then succeeds', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const { job } = await enqueueJob(db, ctx, flakyJob, {});
    await withRunner(db, async () => {
      await waitFor(() => gates.get(`flaky:${job.id}`), 'attempt 2');
      const between = await readJob(db, ctx.tenantId, job.id);
      expect(between.attempts).toBe(2);
      expect(between.error).toBe(publicErrorMessage(new Error('x'))); // from attempt 1, sanitized
      expect(between.runAfter.getTime()).toBeGreaterThan(between.createdAt.getTime()); // pushed back
      await open(`flaky:${job.id}`);
      const done = await waitForStatus(db, ctx.tenantId, job.id, 'succeeded');
      expect(done).toMatchObject({ attempts: 3, error: null, result: { succeededOnAttempt: 3 } });
    });
    expect(flakyAttempts.get(job.id)).toEqual([1, 2, 3]);
  });

  it('fails after maxAttempts and stores a safe message, never the raw error or stack', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const broken = await enqueueJob(db, ctx, brokenJob, {});
    const invalid = await enqueueJob(db, ctx, invalidInputJob, {});
    await withRunner(db, async () => {
      const failed = await waitForStatus(db, ctx.tenantId, broken.job.id, 'failed');
      expect(failed.attempts).toBe(2);
      expect(failed.error).toBeTruthy();
      expect(failed.error).not.toMatch(/secret_table|node_modules|\bat\b|\n/);
      expect(failed.finishedAt).toBeInstanceOf(Date);
      expect(failed.lockedBy).toBeNull();
      // A JobError's message is ours and shown as is; retryable: false skips the other attempts.
      const rejected = await waitForStatus(db, ctx.tenantId, invalid.job.id, 'failed');
      expect(rejected).toMatchObject({ attempts: 1, error: 'The file has no header row.' });
    });
  });

  it('cancels a queued job at once and a running job through its signal', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const later = await enqueueJob(
      db,
      ctx,
      cancellableJob,
      {},
      { runAfter: new Date(Date.now() + 3_600_000) },
    );
    const cancelled = await cancelJob(db, ctx, { id: later.job.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelRequested: true });
    expect(cancelled.finishedAt).toBeInstanceOf(Date);
    await expect(cancelJob(db, ctx, { id: later.job.id })).rejects.toMatchObject({ code: 'conflict' });

    const running = await enqueueJob(db, ctx, cancellableJob, {});
    const remote = await enqueueJob(db, ctx, cancellableJob, {});
    await withRunner(
      db,
      async () => {
        await waitForStatus(db, ctx.tenantId, running.job.id, 'running');
        await waitForStatus(db, ctx.tenantId, remote.job.id, 'running');
        // Through the service: the local runner is told at once.
        await cancelJob(db, ctx, { id: running.job.id });
        // Straight in the table, as another process would: the runner notices on its heartbeat.
        expect(await requestCancelJob(db, ctx, remote.job.id)).not.toBeNull();
        for (const id of [running.job.id, remote.job.id]) {
          const row = await waitForStatus(db, ctx.tenantId, id, 'cancelled', 'failed', 'succeeded');
          expect(row).toMatchObject({ status: 'cancelled', attempts: 1, lockedBy: null });
        }
      },
      { heartbeatMs: 50 },
    );
    expect(cancellableRuns).not.toContain(later.job.id);
  });

  it('aborts an attempt that exceeds its timeout', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const { job } = await enqueueJob(db, ctx, slowJob, {});
    await withRunner(db, async () => {
      const row = await waitForStatus(db, ctx.tenantId, job.id, 'failed');
      expect(row.error).toBe('The job took longer than its 100 ms limit.');
    });
  });

  it('resumes from its checkpoint after a failure, so no unit of work runs twice', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    await createEffectsTable(db);
    const { job } = await enqueueJob(db, ctx, stepsJob, { items: 5, failAtItem: 3 });
    await withRunner(db, async () => {
      const row = await waitForStatus(db, ctx.tenantId, job.id, 'succeeded');
      expect(row).toMatchObject({
        attempts: 2,
        checkpoint: { next: 5 },
        result: { processed: 5 },
        progressDone: 5,
      });
    });
    expect(await countEffects(db, job.id)).toEqual({ rows: 5, distinct: 5 });
  });

  it('returns the active job for a repeated dedupe key, and frees the key once it finishes', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const other = await createTestTenant(db);
    const a = await enqueueJob(db, ctx, scheduledJob, { slug: 'a' }, { dedupeKey: 'k' });
    const b = await enqueueJob(db, ctx, scheduledJob, { slug: 'b' }, { dedupeKey: 'k' });
    const c = await enqueueJob(db, other.ctx, scheduledJob, { slug: 'c' }, { dedupeKey: 'k' }); // another tenant
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, job: { id: a.job.id } });
    expect(c.created).toBe(true);
    await withRunner(db, () => waitForStatus(db, ctx.tenantId, a.job.id, 'succeeded'));
    const d = await enqueueJob(db, ctx, scheduledJob, { slug: 'd' }, { dedupeKey: 'k' });
    expect(d.created).toBe(true);
    expect(d.job.id).not.toBe(a.job.id);
  });

  it('rejects unknown types and payloads the schema refuses', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    await expect(enqueueJob(db, ctx, 'test.nope', {})).rejects.toMatchObject({ code: 'bad_request' });
    await expect(enqueueJob(db, ctx, workspaceCleanup, { retentionDays: -1 })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });

  it('on graceful stop puts a running job back without using up an attempt', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    await createEffectsTable(db);
    const { job } = await enqueueJob(db, ctx, stepsJob, { items: 4, hangAtItem: 2 });
    await withRunner(db, () => waitFor(() => isHung(job.id), 'the handler to reach item 2'));
    const released = await readJob(db, ctx.tenantId, job.id);
    expect(released).toMatchObject({
      status: 'queued',
      attempts: 0,
      lockedBy: null,
      checkpoint: { next: 2 },
    });
    await withRunner(db, () => waitForStatus(db, ctx.tenantId, job.id, 'succeeded'));
    expect(await countEffects(db, job.id)).toEqual({ rows: 4, distinct: 4 });
  });

  it('reclaims the job of a crashed runner after its lease expires and completes it exactly once', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    await createEffectsTable(db);
    const { job } = await enqueueJob(db, ctx, stepsJob, { items: 5, hangAtItem: 2 });
    const short: RunnerOptions = { ...FAST, leaseMs: 600, heartbeatMs: 100 };

    const crashed = new JobRunner(db, short);
    crashed.start();
    await waitFor(() => isHung(job.id), 'the first runner to reach item 2');
    crashed.crashForTesting(); // no release, no more heartbeats: the lease just lapses
    const orphan = await readJob(db, ctx.tenantId, job.id);
    expect(orphan).toMatchObject({ status: 'running', attempts: 1, lockedBy: crashed.workerId });

    const done = await withRunner(db, () => waitForStatus(db, ctx.tenantId, job.id, 'succeeded'), short);
    expect(done.attempts).toBe(2);
    expect(done.lockedBy).toBeNull();
    expect(await countEffects(db, job.id)).toEqual({ rows: 5, distinct: 5 });

    // The crashed runner's handler wakes up (a paused process coming back): its next write is fenced
    // out by the lease, its transaction rolls back, and the finished job is untouched.
    releaseHungJob(job.id);
    await waitFor(
      () => stepsOutcomes.find((o) => o.jobId === job.id && o.attempt === 1),
      'the stale handler to stop',
    );
    expect(stepsOutcomes.filter((o) => o.jobId === job.id)).toEqual([
      { jobId: job.id, attempt: 2, outcome: 'returned' },
      { jobId: job.id, attempt: 1, outcome: 'lease-lost' },
    ]);
    expect(await countEffects(db, job.id)).toEqual({ rows: 5, distinct: 5 });
    expect(await readJob(db, ctx.tenantId, job.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('fails a job whose worker died on its last attempt', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const { job } = await enqueueJob(db, ctx, stepsJob, { items: 3, hangAtItem: 1 }, { maxAttempts: 1 });
    await createEffectsTable(db);
    const crashed = new JobRunner(db, { ...FAST, leaseMs: 300, heartbeatMs: 50 });
    crashed.start();
    await waitFor(() => isHung(job.id), 'the handler to hang');
    crashed.crashForTesting();
    const row = await withRunner(db, () => waitForStatus(db, ctx.tenantId, job.id, 'failed'));
    expect(row.error).toMatch(/stopped responding/);
    releaseHungJob(job.id);
    await waitFor(() => stepsOutcomes.find((o) => o.jobId === job.id), 'the stale handler to stop');
  });

  it('enqueues due schedules once per tenant and slot, without piling up', async () => {
    const db = h().db;
    const a = await createTestTenant(db);
    const b = await createTestTenant(db);
    scheduleJob(scheduledJob, { everyMinutes: 60, name: 'test.hourly' }, (t) =>
      t.id === b.ctx.tenantId ? null : { slug: t.slug },
    );
    await runDueSchedules(db); // creates the rows; the first slot is in the future
    const scheduledFor = (tenantId: string) =>
      db
        .select()
        .from(jobs)
        .where(and(eq(jobs.tenantId, tenantId), eq(jobs.type, 'test.scheduled')));
    expect(await scheduledFor(a.ctx.tenantId)).toHaveLength(0);

    const makeDue = () =>
      db
        .update(jobSchedules)
        .set({ nextRunAt: sql`now() - interval '1 minute'` })
        .where(eq(jobSchedules.name, 'test.hourly'));
    await makeDue();
    expect(await runDueSchedules(db)).toBeGreaterThanOrEqual(1);
    const [first, ...rest] = await scheduledFor(a.ctx.tenantId);
    expect(rest).toHaveLength(0);
    expect(first).toMatchObject({
      status: 'queued',
      dedupeKey: 'schedule:test.hourly',
      payload: { slug: a.slug },
    });
    expect(await scheduledFor(b.ctx.tenantId)).toHaveLength(0); // payloadPerTenant said no
    const [state] = await db
      .select()
      .from(jobSchedules)
      .where(and(eq(jobSchedules.tenantId, a.ctx.tenantId), eq(jobSchedules.name, 'test.hourly')));
    expect(state!.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    expect(state!.lastJobId).toBe(first!.id);

    await runDueSchedules(db); // not due any more
    await makeDue();
    await runDueSchedules(db); // due, but the previous run is still queued
    expect(await scheduledFor(a.ctx.tenantId)).toHaveLength(1);
  });

  it('runs the workspace clean-up: removes stale invitations and old finished jobs of this tenant only', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    const other = await createTestTenant(db);
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    let n = 0;
    const invite = (tenantId: string, v: Partial<typeof invitations.$inferInsert>) =>
      db
        .insert(invitations)
        .values({
          tenantId,
          email: `x${++n}@example.test`,
          role: 'viewer',
          tokenHash: `h-${Date.now()}-${n}`,
          expiresAt: daysAgo(-7),
          ...v,
        })
        .returning({ id: invitations.id });
    await invite(ctx.tenantId, { expiresAt: daysAgo(40) }); // expired long ago → removed
    await invite(ctx.tenantId, { revokedAt: daysAgo(35) }); // withdrawn long ago → removed
    await invite(ctx.tenantId, { expiresAt: daysAgo(40), acceptedAt: daysAgo(45) }); // accepted → kept
    await invite(ctx.tenantId, {}); // pending → kept
    await invite(other.ctx.tenantId, { expiresAt: daysAgo(40) }); // another workspace → kept
    await db.insert(jobs).values([
      { tenantId: ctx.tenantId, type: 'test.scheduled', status: 'succeeded', finishedAt: daysAgo(31) },
      { tenantId: ctx.tenantId, type: 'test.scheduled', status: 'failed', finishedAt: daysAgo(2) },
      { tenantId: other.ctx.tenantId, type: 'test.scheduled', status: 'succeeded', finishedAt: daysAgo(31) },
    ]);

    const { job } = await runCleanupNow(db, ctx);
    expect((await runCleanupNow(db, ctx)).created).toBe(false); // already queued
    const done = await withRunner(db, () => waitForStatus(db, ctx.tenantId, job.id, 'succeeded', 'failed'));
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { retentionDays: 30, invitationsRemoved: 2, jobsRemoved: 1 },
      progressDone: 2,
      progressTotal: 2,
    });
    const left = await db.select().from(invitations).where(eq(invitations.tenantId, ctx.tenantId));
    expect(left).toHaveLength(2);
    expect(
      await db.select().from(invitations).where(eq(invitations.tenantId, other.ctx.tenantId)),
    ).toHaveLength(1);
    expect(await db.select().from(jobs).where(eq(jobs.tenantId, other.ctx.tenantId))).toHaveLength(1);
  });
});
