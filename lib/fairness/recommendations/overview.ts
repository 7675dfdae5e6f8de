/**
 * What the recommendation part of the Fairness page reads: the live model (for the empty state),
 * the mitigation in force, the latest report job (progress or failure) and the newest ready report.
 * Stored rows only: nothing here trains or measures.
 */
import type { Executor } from '@/db/client';
import type { RecommendationMitigation } from '@/db/schema/fairness';
import { listJobs } from '@/lib/jobs/queries';
import type { JobRow } from '@/lib/jobs/types';
import type { TenantContext } from '@/lib/tenant/context';
import { getFairnessSettings } from '../settings';
import { FAIRNESS_REPORT_JOB_TYPE } from './constants';
import { getLatestReadyReport, getLiveModel } from './queries';
import { type RecommendationFairnessReport, readReport } from './report';

export interface RecommendationFairnessOverview {
  liveModel: { version: number; trainedAt: Date | null } | null;
  mitigation: RecommendationMitigation;
  job: Pick<
    JobRow,
    'id' | 'status' | 'progressDone' | 'progressTotal' | 'progressMessage' | 'error' | 'startedAt'
  > | null;
  latest: { id: string; computedAt: Date | null; report: RecommendationFairnessReport } | null;
}

export async function getRecommendationFairnessOverview(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
): Promise<RecommendationFairnessOverview> {
  const [liveModel, settings, [job], row] = await Promise.all([
    getLiveModel(exec, ctx),
    getFairnessSettings(exec, ctx),
    listJobs(exec, ctx, { type: FAIRNESS_REPORT_JOB_TYPE, limit: 1 }),
    getLatestReadyReport(exec, ctx),
  ]);
  const report = row ? readReport(row.report) : null;
  return {
    liveModel,
    mitigation: settings.recommendations,
    job: job
      ? {
          id: job.id,
          status: job.status,
          progressDone: job.progressDone,
          progressTotal: job.progressTotal,
          progressMessage: job.progressMessage,
          error: job.error,
          startedAt: job.startedAt,
        }
      : null,
    latest: row && report ? { id: row.id, computedAt: row.computedAt, report } : null,
  };
}
