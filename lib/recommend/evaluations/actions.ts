'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { startEvaluation } from './start';

export type RunEvaluationResult = ActionResult<{ jobId: string; created: boolean; status: string }>;

const run = tenantAction('jobs.run', (db, ctx, input) => startEvaluation(db, ctx, input));

/**
 * Queues an offline evaluation (both protocols), or returns the one already queued or running.
 * Form fields: `tenant`, optional `cutoff` (YYYY-MM-DD, midnight UTC; empty for the default).
 */
export async function runEvaluationAction(prev: unknown, formData: FormData): Promise<RunEvaluationResult> {
  return run(prev, formData);
}
