'use server';

import { type ActionResult, tenantAction } from '@/lib/actions/action';
import { cancelJob, retryJob, runCleanupNow } from './service';

export type JobActionResult = ActionResult<{ id: string; status: string }>;

const cancel = tenantAction('jobs.cancel', async (db, ctx, input) => {
  const job = await cancelJob(db, ctx, { id: input.id });
  return { id: job.id, status: job.status };
});

/** Cancels a queued job, or asks a running one to stop. Form fields: `tenant`, `id`. */
export async function cancelJobAction(prev: unknown, formData: FormData): Promise<JobActionResult> {
  return cancel(prev, formData);
}

const retry = tenantAction('jobs.run', async (db, ctx, input) => {
  const job = await retryJob(db, ctx, { id: input.id });
  return { id: job.id, status: job.status };
});

/** Queues a failed or cancelled job again. Form fields: `tenant`, `id`. */
export async function retryJobAction(prev: unknown, formData: FormData): Promise<JobActionResult> {
  return retry(prev, formData);
}

const cleanup = tenantAction('jobs.run', async (db, ctx) => {
  const { job } = await runCleanupNow(db, ctx);
  return { id: job.id, status: job.status };
});

/** Queues the workspace clean-up job now. Form field: `tenant`. */
export async function runCleanupAction(prev: unknown, formData: FormData): Promise<JobActionResult> {
  return cleanup(prev, formData);
}
