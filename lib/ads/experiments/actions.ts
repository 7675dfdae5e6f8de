'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { createExperiment, type ExperimentSummary, startExperiment, stopExperiment } from './service';

export type ExperimentActionResult = ActionResult<{ id: string; status: ExperimentSummary['status'] }>;

const create = tenantAction('ads.manage', async (db, ctx, input) => {
  const e = await createExperiment(db, ctx, input);
  return { id: e.id, status: e.status };
});

/**
 * Creates a draft A/B experiment. Fields: `tenant`, `campaignId`, `name`, `creativeIds` (repeated,
 * control first), `metric` (click | conversion), `baselineRate` and `minDetectableLift` (fractions),
 * `alpha?`, `power?`. Success: `{ ok: true, data: { id, status } }`.
 */
export async function createExperimentAction(
  prev: unknown,
  formData: FormData,
): Promise<ExperimentActionResult> {
  return create(prev, formData);
}

const start = tenantAction('ads.manage', async (db, ctx, input) => {
  const e = await startExperiment(db, ctx, String(input.id ?? ''));
  return { id: e.id, status: e.status };
});

/** Starts a draft experiment. Fields: `tenant`, `id`. */
export async function startExperimentAction(
  prev: unknown,
  formData: FormData,
): Promise<ExperimentActionResult> {
  return start(prev, formData);
}

const stop = tenantAction('ads.manage', async (db, ctx, input) => {
  const e = await stopExperiment(db, ctx, String(input.id ?? ''));
  return { id: e.id, status: e.status };
});

/** Stops a draft or running experiment. Fields: `tenant`, `id`. */
export async function stopExperimentAction(
  prev: unknown,
  formData: FormData,
): Promise<ExperimentActionResult> {
  return stop(prev, formData);
}
