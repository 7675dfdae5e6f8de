/**
 * Queuing prediction training from the dashboard ("Train predictions"): one training queued or
 * running per workspace, shared with the weekly schedule and the post-import trigger.
 */
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { getJobDefinition } from '@/lib/jobs/registry';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { PREDICT_TRAIN_DEDUPE_KEY, PREDICT_TRAIN_JOB_TYPE } from './service-constants';
import { startTrainingInput } from './schemas';

/**
 * The job type, registered: by this process's runner (lib/jobs/all.ts) when there is one, else
 * by loading job.ts here (a web process that only enqueues).
 */
export async function predictJobType(): Promise<string> {
  if (!getJobDefinition(PREDICT_TRAIN_JOB_TYPE)) await import('./job');
  return PREDICT_TRAIN_JOB_TYPE;
}

/**
 * Queues `predict.train` (input `{ kinds? }`: one kind, a list, or all when absent), or returns
 * the training already queued or running. Audited when queued.
 * @throws AppError forbidden without `jobs.run`, validation_failed for an unknown kind.
 */
export async function startPredictionTraining(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<{ jobId: string; created: boolean; status: string }> {
  if (!hasPermission(ctx, 'jobs.run')) throw forbidden();
  const { kinds } = parseOrThrow(startTrainingInput, input ?? {});
  const payload = kinds?.length ? { kinds: [...new Set(kinds)] } : {};
  const { job, created } = await enqueueJob(db, ctx, await predictJobType(), payload, {
    dedupeKey: PREDICT_TRAIN_DEDUPE_KEY,
  });
  if (created) {
    await recordAudit(db, ctx, {
      action: 'job.started',
      targetType: 'job',
      targetId: job.id,
      details: { type: job.type, ...payload },
    });
  }
  return { jobId: job.id, created, status: job.status };
}
