'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import type { FairnessSettings } from './settings';
import { updateFairnessSettings } from './settings';
import { startRecommendationFairness } from './recommendations/start';

export type RunFairnessReportResult = ActionResult<{ jobId: string; created: boolean; status: string }>;
export type SaveRecommendationMitigationResult = ActionResult<FairnessSettings['recommendations']>;

const run = tenantAction('jobs.run', (db, ctx) => startRecommendationFairness(db, ctx));
const save = tenantAction('settings.update', async (db, ctx, input) => {
  const settings = await updateFairnessSettings(db, ctx, 'recommendations', input);
  return settings.recommendations;
});

/** Queues a recommendation fairness report (or returns the one queued or running). Form field: `tenant`. */
export async function runRecommendationFairnessAction(
  prev: unknown,
  formData: FormData,
): Promise<RunFairnessReportResult> {
  return run(prev, formData);
}

/**
 * Saves the recommendation mitigation. Form fields: `tenant`, `newItemFloor` and `smallBrandFloor`
 * (percent 0..50), `newItemDays` (1..365), `calibration` (percent 0..100).
 */
export async function saveRecommendationMitigationAction(
  prev: unknown,
  formData: FormData,
): Promise<SaveRecommendationMitigationResult> {
  return save(prev, formData);
}
