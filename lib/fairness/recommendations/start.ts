/**
 * Queuing a recommendation fairness report from the Fairness page's "Run report": one queued or
 * running per workspace (a second click returns the first).
 */
import type { Db } from '@/db/client';
import { startDedupedJob } from '@/lib/jobs/start-deduped';
import type { TenantContext } from '@/lib/tenant/context';
import { FAIRNESS_REPORT_DEDUPE_KEY, FAIRNESS_REPORT_JOB_TYPE } from './constants';

/**
 * Queues `fairness.recommendations`, or returns the report already queued or running.
 * @throws AppError forbidden without `jobs.run`.
 */
export function startRecommendationFairness(db: Db, ctx: TenantContext) {
  return startDedupedJob(db, ctx, {
    type: FAIRNESS_REPORT_JOB_TYPE,
    dedupeKey: FAIRNESS_REPORT_DEDUPE_KEY,
    load: () => import('./job'),
  });
}
