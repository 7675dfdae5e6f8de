/**
 * What the "Offline evaluation" section of the Model quality page reads: the latest evaluation
 * job (for its progress or failure) and the newest ready report of each protocol. Stored rows
 * only: nothing here fits or evaluates.
 */
import type { Executor } from '@/db/client';
import { EVALUATION_PROTOCOLS, type EvaluationProtocol } from '@/db/schema/recommend';
import { listJobs } from '@/lib/jobs/queries';
import type { JobRow } from '@/lib/jobs/types';
import type { TenantContext } from '@/lib/tenant/context';
import { EVALUATE_JOB_TYPE } from './constants';
import { latestReadyByProtocol } from './queries';
import { type EvaluationReport, reportOf } from './service';

export interface StoredEvaluation {
  id: string;
  protocol: EvaluationProtocol;
  cutoff: Date;
  finishedAt: Date | null;
  report: EvaluationReport;
}

export interface EvaluationOverview {
  /** The latest evaluation job (queued, running or finished), if any. */
  job: Pick<
    JobRow,
    'id' | 'status' | 'progressDone' | 'progressTotal' | 'progressMessage' | 'error' | 'startedAt'
  > | null;
  /** The newest ready evaluation per protocol, in EVALUATION_PROTOCOLS order; absent ones left out. */
  reports: StoredEvaluation[];
}

export async function getEvaluationOverview(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
): Promise<EvaluationOverview> {
  const [[job], latest] = await Promise.all([
    listJobs(exec, ctx, { type: EVALUATE_JOB_TYPE, limit: 1 }),
    latestReadyByProtocol(exec, ctx),
  ]);
  const reports: StoredEvaluation[] = [];
  for (const protocol of EVALUATION_PROTOCOLS) {
    const row = latest[protocol];
    const report = row ? reportOf(row) : null;
    if (row && report)
      reports.push({ id: row.id, protocol, cutoff: row.cutoff, finishedAt: row.finishedAt, report });
  }
  return {
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
    reports,
  };
}
