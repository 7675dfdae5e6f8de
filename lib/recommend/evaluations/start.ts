/**
 * Queuing an offline evaluation from the dashboard's "Run evaluation" (with an optional cutoff).
 * One evaluation queued or running per workspace.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import { EVALUATION_PROTOCOLS } from '@/db/schema/recommend';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { log } from '@/lib/log';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getJobDefinition } from '@/lib/jobs/registry';
import { EVALUATE_DEDUPE_KEY, EVALUATE_JOB_TYPE } from './constants';

/**
 * The job type, registered: by the runner of this process (lib/jobs/all.ts) when there is one,
 * else by loading job.ts here (a web process that only enqueues).
 */
async function evaluateJobType(): Promise<string> {
  if (!getJobDefinition(EVALUATE_JOB_TYPE)) await import('./job');
  return EVALUATE_JOB_TYPE;
}

const dateMs = (s: string) => Date.parse(`${s}T00:00:00Z`);

/** Why `s` (YYYY-MM-DD) is not a usable cutoff, or null. */
function cutoffProblem(s: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return 'Use a date like 2024-03-01.';
  const ms = dateMs(s);
  // Date.parse rolls 2024-02-30 over; a calendar date reads back as itself.
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== s)
    return 'That is not a calendar date.';
  if (ms > Date.now()) return 'The cutoff must not be in the future: nothing after it could be tested.';
  return null;
}

const startInput = z.object({
  cutoff: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : undefined))
    .superRefine((s, issue) => {
      const problem = s === undefined ? null : cutoffProblem(s);
      if (problem) issue.addIssue({ code: 'custom', message: problem });
    }),
});

/**
 * Queues `recommend.evaluate` for both protocols, or returns the evaluation already queued or
 * running. Input: optional `cutoff`, a YYYY-MM-DD date read as midnight UTC (empty: the default
 * cutoff). Throws forbidden without `jobs.run`, validation_failed for a malformed or future date.
 */
export async function startEvaluation(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<{ jobId: string; created: boolean; status: string }> {
  if (!hasPermission(ctx, 'jobs.run')) throw forbidden();
  const { cutoff } = parseOrThrow(startInput, input);
  const payload = {
    ...(cutoff ? { cutoff: new Date(dateMs(cutoff)).toISOString() } : {}),
    protocols: [...EVALUATION_PROTOCOLS],
  };
  const { job, created } = await enqueueJob(db, ctx, await evaluateJobType(), payload, {
    dedupeKey: EVALUATE_DEDUPE_KEY,
  });
  if (created) {
    await recordAudit(db, ctx, {
      action: 'job.started',
      targetType: 'job',
      targetId: job.id,
      details: { type: job.type },
    });
  }
  return { jobId: job.id, created, status: job.status };
}

/**
 * Queues an evaluation of both protocols for a workspace whose data just arrived in bulk (the demo
 * seed), `delayMs` later so the first training and embeddings get the workers first: the Model
 * quality page and the model card then show the comparison with the baselines without a click.
 * A click meanwhile returns this run (same dedupe key). Never throws: the weekly schedule and the
 * button remain.
 */
export async function evaluateSoon(
  db: Db,
  tenant: Pick<TenantContext, 'tenantId'>,
  delayMs = 60_000,
): Promise<void> {
  await enqueueJob(
    db,
    tenant,
    await evaluateJobType(),
    { protocols: [...EVALUATION_PROTOCOLS] },
    { dedupeKey: EVALUATE_DEDUPE_KEY, runAfter: new Date(Date.now() + delayMs) },
  ).catch((error: unknown) =>
    log('warn', 'recommend.evaluate_enqueue_failed', { tenantId: tenant.tenantId, error }),
  );
}
