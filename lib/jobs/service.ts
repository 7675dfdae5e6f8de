import { isUniqueViolation } from '@/db/errors';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, conflict, notFound } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { workspaceCleanup } from './builtin/maintenance';
import { dispatchJob } from './dispatch';
import { enqueueJob } from './enqueue';
import { getJob, requestCancelJob, requeueJob } from './queries';
import { abortLocalJob } from './runner';
import { jobIdSchema } from './schemas';
import type { JobRow } from './types';

/**
 * Cancels a queued job at once, or asks the runner of a running one to stop (it settles as
 * cancelled within a heartbeat). Throws not_found (also for another tenant's job) or
 * conflict when the job has already finished.
 */
export async function cancelJob(db: Db, ctx: TenantContext, input: unknown): Promise<JobRow> {
  const { id } = parseOrThrow(jobIdSchema, input);
  const row = await db.transaction(async (tx) => {
    const updated = await requestCancelJob(tx, ctx, id);
    if (!updated) {
      if (!(await getJob(tx, ctx, id))) throw notFound('Job not found.');
      throw conflict('This job has already finished.');
    }
    await recordAudit(tx, ctx, {
      action: 'job.cancelled',
      targetType: 'job',
      targetId: id,
      details: { type: updated.type },
    });
    return updated;
  });
  if (row.status === 'running') abortLocalJob(row.id);
  return row;
}

/**
 * Runs a failed or cancelled job again with a fresh set of attempts (resuming from its
 * checkpoint). Throws not_found, or conflict when the job is not failed/cancelled or an
 * equivalent job is already queued.
 */
export async function retryJob(db: Db, ctx: TenantContext, input: unknown): Promise<JobRow> {
  const { id } = parseOrThrow(jobIdSchema, input);
  let row: JobRow;
  try {
    row = await db.transaction(async (tx) => {
      const updated = await requeueJob(tx, ctx, id);
      if (!updated) {
        if (!(await getJob(tx, ctx, id))) throw notFound('Job not found.');
        throw conflict('Only failed or cancelled jobs can be retried.');
      }
      await recordAudit(tx, ctx, {
        action: 'job.retried',
        targetType: 'job',
        targetId: id,
        details: { type: updated.type },
      });
      return updated;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isUniqueViolation(error)) throw conflict('The same job is already queued or running.');
    throw error;
  }
  await dispatchJob(row);
  return row;
}

/** Queues the workspace clean-up now (or returns the one already queued). */
export async function runCleanupNow(db: Db, ctx: TenantContext): Promise<{ job: JobRow; created: boolean }> {
  const r = await enqueueJob(db, ctx, workspaceCleanup, {}, { dedupeKey: 'manual:maintenance.cleanup' });
  if (r.created) {
    await recordAudit(db, ctx, {
      action: 'job.started',
      targetType: 'job',
      targetId: r.job.id,
      details: { type: r.job.type },
    });
  }
  return r;
}
