'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { makePredictionLive, startPredictionTraining } from './service';

export type TrainPredictionsResult = ActionResult<{ jobId: string; created: boolean; status: string }>;
export type MakePredictionLiveResult = ActionResult<{ id: string }>;

const train = tenantAction('jobs.run', (db, ctx, input) => startPredictionTraining(db, ctx, input));

/**
 * Queues prediction training, or returns the one already queued or running. Form fields:
 * `tenant`, optional `kinds` (churn | propensity | preference | clv, repeatable; absent: all).
 */
export async function trainPredictionsAction(
  prev: unknown,
  formData: FormData,
): Promise<TrainPredictionsResult> {
  return train(prev, formData);
}

const makeLive = tenantAction('data.write', (db, ctx, input) => makePredictionLive(db, ctx, input));

/** Makes a ready prediction version live and rescores shoppers with it. Form fields: `tenant`, `id`. */
export async function makePredictionLiveAction(
  prev: unknown,
  formData: FormData,
): Promise<MakePredictionLiveResult> {
  return makeLive(prev, formData);
}
