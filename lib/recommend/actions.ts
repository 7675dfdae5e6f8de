'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { makeModelLive, startTraining } from './train/overview';

export type StartTrainingResult = ActionResult<{ jobId: string; created: boolean; status: string }>;
export type MakeModelLiveResult = ActionResult<{ id: string }>;

const train = tenantAction('jobs.run', (db, ctx) => startTraining(db, ctx));

/** Queues training now, or returns the one already queued or running. Form fields: `tenant`. */
export async function startTrainingAction(prev: unknown, formData: FormData): Promise<StartTrainingResult> {
  return train(prev, formData);
}

// Which version answers the storefront is a workspace setting (rollbackModel checks it too).
const makeLive = tenantAction('settings.update', (db, ctx, input) => makeModelLive(db, ctx, input));

/** Makes a ready version live again (rollback). Form fields: `tenant`, `id` (the version's id). */
export async function makeModelLiveAction(prev: unknown, formData: FormData): Promise<MakeModelLiveResult> {
  return makeLive(prev, formData);
}
