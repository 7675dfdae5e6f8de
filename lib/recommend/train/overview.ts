/**
 * What the "Model quality" page shows and does: the versions with their training metrics, the
 * latest training job, and "Train now". Reads only stored rows: nothing here fits or evaluates.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { ModelMetrics } from '@/db/schema/recommend';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { listJobs } from '@/lib/jobs/queries';
import type { JobRow } from '@/lib/jobs/types';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { TRAIN_DEDUPE_KEY, TRAIN_JOB_TYPE, trainRecommendationsJob } from './job';
import { listModels, type ModelSummary } from './queries';
import { rollbackModel } from './service';

/** How many versions the page lists (the retired ones stay as history). */
export const VERSIONS_SHOWN = 20;

export type TrainJobView = Pick<
  JobRow,
  | 'id'
  | 'status'
  | 'progressDone'
  | 'progressTotal'
  | 'progressMessage'
  | 'error'
  | 'createdAt'
  | 'startedAt'
  | 'finishedAt'
>;

export interface ModelQualityOverview {
  /** Newest first. */
  versions: ModelSummary[];
  live: ModelSummary | null;
  /** The latest training job (queued, running or finished), if any. */
  job: TrainJobView | null;
}

/** The stored metrics when training finished, else null (`{}` while training or after a failure). */
export function metricsOf(model: Pick<ModelSummary, 'metrics'>): ModelMetrics | null {
  const m = model.metrics as Partial<ModelMetrics>;
  return typeof m.validationNdcg === 'number' ? (m as ModelMetrics) : null;
}

export async function getModelQualityOverview(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
): Promise<ModelQualityOverview> {
  const [versions, [job]] = await Promise.all([
    listModels(db, ctx, VERSIONS_SHOWN),
    listJobs(db, ctx, { type: TRAIN_JOB_TYPE, limit: 1 }),
  ]);
  return {
    versions,
    live: versions.find((v) => v.live) ?? null,
    job: job
      ? {
          id: job.id,
          status: job.status,
          progressDone: job.progressDone,
          progressTotal: job.progressTotal,
          progressMessage: job.progressMessage,
          error: job.error,
          createdAt: job.createdAt,
          startedAt: job.startedAt,
          finishedAt: job.finishedAt,
        }
      : null,
  };
}

/**
 * Queues training now, or returns the training already queued or running (the dedupe key is the
 * one the nightly schedule and imports use). Throws forbidden without `jobs.run`.
 */
export async function startTraining(
  db: Db,
  ctx: TenantContext,
): Promise<{ jobId: string; created: boolean; status: string }> {
  if (!hasPermission(ctx, 'jobs.run')) throw forbidden();
  const { job, created } = await enqueueJob(
    db,
    ctx,
    trainRecommendationsJob,
    {},
    { dedupeKey: TRAIN_DEDUPE_KEY },
  );
  if (created) {
    await recordAudit(db, ctx, {
      action: 'job.started',
      targetType: 'job',
      targetId: job.id,
      details: { type: job.type },
    });
  }
  return { jobId: job.id, created, status: job.status };
}

const makeLiveInput = z.object({ id: z.string().uuid('Unknown model version.') });

/** Form input → rollbackModel (which checks `settings.update` and the tenant). */
export async function makeModelLive(db: Db, ctx: TenantContext, input: unknown): Promise<{ id: string }> {
  const { id } = parseOrThrow(makeLiveInput, input);
  await rollbackModel(db, ctx, id);
  return { id };
}
