/**
 * "Run report" for prediction fairness: queues `fairness.predictions`, or returns the report
 * already queued or running. Audited when queued.
 */
import type { Db } from '@/db/client';
import { startDedupedJob } from '@/lib/jobs/start-deduped';
import type { TenantContext } from '@/lib/tenant/context';
import { PREDICTION_FAIRNESS_DEDUPE_KEY, PREDICTION_FAIRNESS_JOB_TYPE } from './constants';

/**
 * Queues the prediction fairness report of both kinds.
 * @throws AppError forbidden without `jobs.run`.
 */
export function startPredictionFairness(db: Db, ctx: TenantContext) {
  return startDedupedJob(db, ctx, {
    type: PREDICTION_FAIRNESS_JOB_TYPE,
    dedupeKey: PREDICTION_FAIRNESS_DEDUPE_KEY,
    load: () => import('./job'),
  });
}
