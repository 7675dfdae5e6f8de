'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { updateFairnessSettings } from '@/lib/fairness/settings';
import { startPredictionFairness } from './start';

export type RunPredictionFairnessResult = ActionResult<{ jobId: string; created: boolean; status: string }>;
export type SavePredictionFairnessResult = ActionResult<{ saved: true }>;

const run = tenantAction('jobs.run', (db, ctx) => startPredictionFairness(db, ctx));

/** Queues the prediction fairness report ("Run report"). Form fields: `tenant`. */
export async function runPredictionFairnessAction(
  prev: unknown,
  formData: FormData,
): Promise<RunPredictionFairnessResult> {
  return run(prev, formData);
}

const saveMitigation = tenantAction('settings.update', async (db, ctx, input) => {
  await updateFairnessSettings(db, ctx, 'predictions', input);
  return { saved: true as const };
});

/**
 * Saves the per-group threshold settings. Form fields: `tenant`, `groupBy` (country | tenure |
 * an attribute key), `target` (selection_rate | true_positive_rate), `enabled` (checkbox).
 */
export async function savePredictionMitigationAction(
  prev: unknown,
  formData: FormData,
): Promise<SavePredictionFairnessResult> {
  return saveMitigation(prev, formData);
}

const saveSensitive = tenantAction('settings.update', async (db, ctx, input) => {
  await updateFairnessSettings(db, ctx, 'sensitiveAttributes', input);
  return { saved: true as const };
});

/** Saves the sensitive attribute keys. Form fields: `tenant`, `sensitiveAttributes` (comma-separated). */
export async function saveSensitiveAttributesAction(
  prev: unknown,
  formData: FormData,
): Promise<SavePredictionFairnessResult> {
  return saveSensitive(prev, formData);
}
