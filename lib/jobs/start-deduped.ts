/**
 * "Run now" for a workspace job that runs at most once at a time (a report, a check): queues it
 * under its dedupe key, or returns the one already queued or running. Audited when queued.
 */
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { getJobDefinition } from '@/lib/jobs/registry';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';

export interface DedupedJob {
  type: string;
  dedupeKey: string;
  /** Imports the job's module, which registers it: a web process may not have loaded it yet. */
  load: () => Promise<unknown>;
}

/**
 * Queues `job` for the workspace, or returns the one already queued or running.
 * @throws AppError forbidden without `jobs.run`.
 */
export async function startDedupedJob(
  db: Db,
  ctx: TenantContext,
  job: DedupedJob,
): Promise<{ jobId: string; created: boolean; status: string }> {
  if (!hasPermission(ctx, 'jobs.run')) throw forbidden('Your role cannot run this job.');
  if (!getJobDefinition(job.type)) await job.load();
  const queued = await enqueueJob(db, ctx, job.type, {}, { dedupeKey: job.dedupeKey });
  if (queued.created) {
    await recordAudit(db, ctx, {
      action: 'job.started',
      targetType: 'job',
      targetId: queued.job.id,
      details: { type: queued.job.type },
    });
  }
  return { jobId: queued.job.id, created: queued.created, status: queued.job.status };
}
