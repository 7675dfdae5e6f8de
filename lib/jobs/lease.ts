import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobs } from '@/db/schema';
import type { JobRow, JsonObject } from './types';

/**
 * The runner's side of the jobs table. Every write after a claim is fenced on
 * (locked_by, attempts): once the lease has expired and another worker claimed the job again,
 * the old worker's writes match no row, so a job is finished exactly once.
 */
export interface Lease {
  tenantId: string;
  id: string;
  workerId: string;
  attempt: number;
  leaseMs: number;
}

/** `now() + ms` on the database clock: every process compares leases on the same clock. */
const nowPlus = (ms: number): SQL => sql`now() + (${ms}::double precision * interval '1 millisecond')`;

/**
 * Runnable now: due and queued, or running under a lease that expired (its worker died). In outer
 * parentheses: drizzle's `and()` does not wrap its parts, and a bare `a or b and c` would let every
 * queued job through the type, tenant and id conditions claimJobs adds.
 */
const runnable = (): SQL =>
  sql`((${jobs.status} = 'queued' and ${jobs.runAfter} <= now()) or (${jobs.status} = 'running' and ${jobs.lockedUntil} < now() and ${jobs.attempts} < ${jobs.maxAttempts}))`;

export interface ClaimOptions {
  workerId: string;
  leaseMs: number;
  /** Only types this process has handlers for. */
  types: readonly string[];
  limit: number;
  /** Claim this one job only (a pg-boss message names it). */
  job?: { tenantId: string; id: string };
}

/**
 * Claims up to `limit` runnable jobs for this worker (FOR UPDATE SKIP LOCKED, so concurrent
 * workers never claim the same row), incrementing `attempts`. Returns the claimed rows.
 */
export async function claimJobs(exec: Executor, o: ClaimOptions): Promise<JobRow[]> {
  if (o.types.length === 0 || o.limit < 1) return [];
  const where = [runnable(), eq(jobs.cancelRequested, false), inArray(jobs.type, [...o.types])];
  if (o.job) where.push(eq(jobs.tenantId, o.job.tenantId), eq(jobs.id, o.job.id));
  const candidates = exec
    .select({ tenantId: jobs.tenantId, id: jobs.id })
    .from(jobs)
    .where(and(...where))
    .orderBy(jobs.runAfter)
    .limit(o.limit)
    .for('update', { skipLocked: true });
  return exec
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedBy: o.workerId,
      lockedUntil: nowPlus(o.leaseMs),
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
    })
    .where(sql`(${jobs.tenantId}, ${jobs.id}) in ${candidates}`)
    .returning();
}

export const STALLED_MESSAGE = 'The worker running this job stopped responding, and no attempts are left.';

/**
 * Settles jobs whose worker died and that must not run again: cancel was requested, or the
 * crashed attempt was the last one. Returns how many rows were settled.
 */
export async function reapExpiredJobs(exec: Executor, limit = 100): Promise<number> {
  const candidates = exec
    .select({ tenantId: jobs.tenantId, id: jobs.id })
    .from(jobs)
    .where(
      sql`${jobs.status} = 'running' and ${jobs.lockedUntil} < now() and (${jobs.cancelRequested} or ${jobs.attempts} >= ${jobs.maxAttempts})`,
    )
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await exec
    .update(jobs)
    .set({
      status: sql`case when ${jobs.cancelRequested} then 'cancelled' else 'failed' end`,
      error: sql`case when ${jobs.cancelRequested} then ${jobs.error} else ${STALLED_MESSAGE} end`,
      finishedAt: sql`now()`,
      lockedBy: null,
      lockedUntil: null,
    })
    .where(sql`(${jobs.tenantId}, ${jobs.id}) in ${candidates}`)
    .returning({ id: jobs.id });
  return rows.length;
}

const fence = (l: Lease): SQL =>
  and(
    eq(jobs.tenantId, l.tenantId),
    eq(jobs.id, l.id),
    eq(jobs.status, 'running'),
    eq(jobs.lockedBy, l.workerId),
    eq(jobs.attempts, l.attempt),
  ) as SQL;

export interface ProgressValues {
  progressDone: number;
  progressTotal: number | null;
  progressMessage: string | null;
}

/**
 * Renews the lease, optionally writing progress and/or a checkpoint. Returns whether cancel
 * was requested, or null when the lease is no longer ours.
 */
export async function renewLease(
  exec: Executor,
  l: Lease,
  set: Partial<ProgressValues> & { checkpoint?: JsonObject } = {},
): Promise<{ cancelRequested: boolean } | null> {
  const [row] = await exec
    .update(jobs)
    .set({ ...set, lockedUntil: nowPlus(l.leaseMs) })
    .where(fence(l))
    .returning({ cancelRequested: jobs.cancelRequested });
  return row ?? null;
}

const unlocked = { lockedBy: null, lockedUntil: null } as const;

/** Each returns false when the lease was lost (the row belongs to another attempt now). */
export async function markSucceeded(
  exec: Executor,
  l: Lease,
  result: JsonObject | null,
  p: Partial<ProgressValues>,
): Promise<boolean> {
  const rows = await exec
    .update(jobs)
    .set({ ...p, ...unlocked, status: 'succeeded', result, error: null, finishedAt: sql`now()` })
    .where(fence(l))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function markFailed(
  exec: Executor,
  l: Lease,
  error: string,
  p: Partial<ProgressValues>,
): Promise<boolean> {
  const rows = await exec
    .update(jobs)
    .set({ ...p, ...unlocked, status: 'failed', error, finishedAt: sql`now()` })
    .where(fence(l))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function markCancelled(exec: Executor, l: Lease, p: Partial<ProgressValues>): Promise<boolean> {
  const rows = await exec
    .update(jobs)
    .set({ ...p, ...unlocked, status: 'cancelled', finishedAt: sql`now()` })
    .where(fence(l))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Back to the queue after `delayMs`, keeping the error visible. Returns the new run_after. */
export async function markForRetry(
  exec: Executor,
  l: Lease,
  error: string,
  delayMs: number,
  p: Partial<ProgressValues>,
): Promise<Date | null> {
  const [row] = await exec
    .update(jobs)
    .set({ ...p, ...unlocked, status: 'queued', error, runAfter: nowPlus(delayMs) })
    .where(fence(l))
    .returning({ runAfter: jobs.runAfter });
  return row?.runAfter ?? null;
}

/**
 * Gives a job back without counting the attempt (graceful shutdown), or settles it as
 * cancelled when that was requested meanwhile. Returns the new status, or null if lost.
 */
export async function releaseLease(
  exec: Executor,
  l: Lease,
  p: Partial<ProgressValues>,
): Promise<JobRow | null> {
  const [row] = await exec
    .update(jobs)
    .set({
      ...p,
      ...unlocked,
      status: sql`case when ${jobs.cancelRequested} then 'cancelled' else 'queued' end`,
      attempts: sql`case when ${jobs.cancelRequested} then ${jobs.attempts} else ${jobs.attempts} - 1 end`,
      runAfter: sql`now()`,
      finishedAt: sql`case when ${jobs.cancelRequested} then now() else null end`,
    })
    .where(fence(l))
    .returning();
  return row ?? null;
}
