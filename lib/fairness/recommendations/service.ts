/**
 * The recommendation fairness report of a workspace (issue 8): the hybrid the storefront serves,
 * trained strictly before the evaluation cutoff (the same default cutoff as Model quality), its
 * lists for the held-out period measured without and with the mitigation in force (or, when none is
 * switched on, a proposal), stored as one `fairness_reports` row the Fairness page reads.
 */
import type { Db } from '@/db/client';
import type { RecommendationMitigation } from '@/db/schema/fairness';
import { runTask } from '@/lib/compute/run';
import { AppError, badRequest } from '@/lib/errors';
import { loadDataset } from '@/lib/recommend/data/load';
import { loadItemVectors } from '@/lib/recommend/data/vectors';
import { EmptySplitError } from '@/lib/recommend/eval/evaluate';
import { defaultCutoff } from '@/lib/recommend/evaluations/service';
import { getInteractionSpan } from '@/lib/recommend/evaluations/queries';
import type { TenantContext } from '@/lib/tenant/context';
import { mitigationOff } from '../rerank';
import { getFairnessSettings } from '../settings';
import {
  type FairnessReportRecord,
  failReport,
  failRunningOfJob,
  finishReport,
  getLiveModel,
  insertReport,
  loadItemFacts,
} from './queries';
import { PROPOSED_MITIGATION, type RecommendationFairnessReport } from './report';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** Progress steps of a run, in order (the job reports `index / REPORT_STEPS.length`). */
export const REPORT_STEPS = ['loading', 'training', 'recommending', 'measuring', 'saving'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

const STEP_LABEL: Record<ReportStep, string> = {
  loading: 'Loading interactions and products',
  training: 'Training the model before the cutoff',
  recommending: 'Recommending for the held-out shoppers',
  measuring: 'Measuring exposure and quality, with and without mitigation',
  saving: 'Saving the report',
};
export const stepLabel = (s: ReportStep) => STEP_LABEL[s];

/** The mitigation to measure: the one in force, or the proposal when everything is off. */
export function mitigationToMeasure(current: RecommendationMitigation): {
  mitigation: RecommendationMitigation;
  proposal: boolean;
} {
  if (!mitigationOff(current)) return { mitigation: current, proposal: false };
  return { mitigation: { ...PROPOSED_MITIGATION, newItemDays: current.newItemDays }, proposal: true };
}

/**
 * Measures and stores one report. Throws AppError bad_request when the workspace has no live
 * model or too little data around the cutoff (the row is stored failed with that message); other
 * errors fail the row generically and are rethrown (the job retries).
 */
export async function runRecommendationFairness(
  db: Db,
  ctx: Tenant,
  opts: { jobId?: string; onStep?: (step: ReportStep) => void } = {},
): Promise<FairnessReportRecord> {
  if (opts.jobId) await failRunningOfJob(db, ctx, opts.jobId, 'Interrupted; the job ran it again.');
  if (!(await getLiveModel(db, ctx)))
    throw badRequest(
      'Train a recommendation model first: the report measures the model the storefront serves.',
    );
  const settings = await getFairnessSettings(db, ctx);
  const { mitigation, proposal } = mitigationToMeasure(settings.recommendations);
  const row = await insertReport(db, ctx, {
    settings: { ...mitigation, proposal },
    jobId: opts.jobId ?? null,
  });
  try {
    const cutoff = defaultCutoff(await getInteractionSpan(db, ctx));
    opts.onStep?.('loading');
    const dataset = await loadDataset(db, ctx);
    const [facts, vectors] = await Promise.all([
      loadItemFacts(db, ctx, dataset.itemIds),
      loadItemVectors(db, ctx, dataset.itemIds),
    ]);
    // Fitting and measuring run on a worker thread in the server (lib/compute): in embedded mode
    // the job shares the event loop with every page and storefront request.
    const report: RecommendationFairnessReport = await runTask(
      'fairness.recommendations',
      { dataset, facts, vectors, cutoff: cutoff.getTime(), mitigation, proposal },
      (step) => opts.onStep?.(step),
    );
    opts.onStep?.('saving');
    const json = JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
    return (await finishReport(db, ctx, row.id, json)) ?? row;
  } catch (error) {
    const safe =
      error instanceof AppError
        ? error
        : error instanceof EmptySplitError
          ? badRequest(`Too little data to measure: ${error.message}.`)
          : null;
    await failReport(db, ctx, row.id, safe?.message ?? 'The report failed unexpectedly; see the server log.');
    throw safe ?? error;
  }
}
