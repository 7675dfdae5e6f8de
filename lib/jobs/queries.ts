import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobs } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { ACTIVE_STATUSES, type JobRow, type JobStatus } from './types';

type Ctx = Pick<TenantContext, 'tenantId'>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ListJobsOptions {
  status?: JobStatus | readonly JobStatus[];
  type?: string;
  /** 1..200, default 50. */
  limit?: number;
  /** Keyset pagination: only jobs created before this instant. */
  before?: Date;
}

/** A tenant's jobs, newest first. */
export async function listJobs(exec: Executor, ctx: Ctx, opts: ListJobsOptions = {}): Promise<JobRow[]> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 200);
  const conds = [tenantFilter(ctx, jobs)];
  if (opts.status !== undefined) {
    const statuses = typeof opts.status === 'string' ? [opts.status] : [...opts.status];
    if (statuses.length === 0) return [];
    conds.push(inArray(jobs.status, statuses));
  }
  if (opts.type) conds.push(eq(jobs.type, opts.type));
  if (opts.before) conds.push(lt(jobs.createdAt, opts.before));
  return exec
    .select()
    .from(jobs)
    .where(and(...conds))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit);
}

/** One job of this tenant; another tenant's id (or a malformed one) is simply not found. */
export async function getJob(exec: Executor, ctx: Ctx, id: string): Promise<JobRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await exec
    .select()
    .from(jobs)
    .where(and(tenantFilter(ctx, jobs), eq(jobs.id, id)))
    .limit(1);
  return row ?? null;
}

/** Jobs still queued or running: the page refreshes itself while this is above zero. */
export async function countActiveJobs(exec: Executor, ctx: Ctx): Promise<number> {
  const [row] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(and(tenantFilter(ctx, jobs), inArray(jobs.status, [...ACTIVE_STATUSES])));
  return row?.n ?? 0;
}

/**
 * Requests cancellation in one statement: a queued job is cancelled at once, a running one
 * is flagged for its runner (which stops it at its next heartbeat or check). Returns the
 * updated row, or null when the job is not this tenant's or already finished.
 */
export async function requestCancelJob(exec: Executor, ctx: Ctx, id: string): Promise<JobRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await exec
    .update(jobs)
    .set({
      cancelRequested: true,
      status: sql`case when ${jobs.status} = 'queued' then 'cancelled' else ${jobs.status} end`,
      finishedAt: sql`case when ${jobs.status} = 'queued' then now() else ${jobs.finishedAt} end`,
    })
    .where(and(tenantFilter(ctx, jobs), eq(jobs.id, id), inArray(jobs.status, [...ACTIVE_STATUSES])))
    .returning();
  return row ?? null;
}

/**
 * Puts a failed or cancelled job back in the queue with a fresh set of attempts. The
 * checkpoint is kept, so a resumable handler continues where it stopped. Returns null when
 * the job is not this tenant's or not in a retryable state. A dedupe key already held by
 * another active job makes the database refuse (unique violation).
 */
export async function requeueJob(exec: Executor, ctx: Ctx, id: string): Promise<JobRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await exec
    .update(jobs)
    .set({
      status: 'queued',
      attempts: 0,
      runAfter: sql`now()`,
      cancelRequested: false,
      error: null,
      result: null,
      lockedBy: null,
      lockedUntil: null,
      startedAt: null,
      finishedAt: null,
    })
    .where(and(tenantFilter(ctx, jobs), eq(jobs.id, id), inArray(jobs.status, ['failed', 'cancelled'])))
    .returning();
  return row ?? null;
}
