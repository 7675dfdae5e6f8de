import { z } from 'zod';
import { EVALUATION_PROTOCOLS } from '@/db/schema/recommend';
import { AppError } from '@/lib/errors';
import { JobError } from '@/lib/jobs/types';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { trainableTenants } from '@/lib/recommend/train/trainable-tenants';
import { EVALUATE_JOB_TYPE, EVALUATE_SCHEDULE_NAME } from './constants';
import { runEvaluation } from './service';

const payloadSchema = z.object({
  /** ISO instant; absent: the default cutoff of the workspace's data. */
  cutoff: z.string().datetime().optional(),
  protocols: z
    .array(z.enum(EVALUATION_PROTOCOLS))
    .min(1)
    .default([...EVALUATION_PROTOCOLS]),
});
export type EvaluatePayload = z.infer<typeof payloadSchema>;

export { EVALUATE_DEDUPE_KEY, EVALUATE_JOB_TYPE } from './constants';

const PROTOCOL_LABEL = { all: 'All items', 'new-items': 'New items' } as const;
/** Per protocol: loading, then the six models (baselines and hybrid) in order. */
const STEPS_PER_PROTOCOL = 7;

/**
 * Runs the offline evaluation of the workspace for each protocol of the payload and stores a
 * report per protocol (lib/recommend/evaluations/service.ts). Resumable by rerunning: an attempt
 * that crashed leaves its rows failed and the retry evaluates again. A data problem (too little
 * data, an empty split) fails the job at once with its message; other errors are retried once.
 */
export const evaluateRecommendationsJob = defineJob<EvaluatePayload>({
  type: EVALUATE_JOB_TYPE,
  maxAttempts: 2,
  timeoutMs: 60 * 60_000,
  backoffMs: 30_000,
  schema: payloadSchema,
  run: async (ctx) => {
    const protocols = ctx.payload.protocols;
    const total = protocols.length * STEPS_PER_PROTOCOL;
    const rows = await runEvaluation(
      ctx.db,
      { tenantId: ctx.tenantId },
      {
        cutoff: ctx.payload.cutoff ? new Date(ctx.payload.cutoff) : undefined,
        protocols,
        jobId: ctx.jobId,
        onStep: (p, step) => {
          ctx.throwIfCancelled();
          const at = p * STEPS_PER_PROTOCOL + (step === 'loading' ? 0 : 1 + stepIndex(step));
          const label = PROTOCOL_LABEL[protocols[p] ?? 'all'];
          ctx.progress(
            at,
            total,
            step === 'loading' ? `${label}: loading interactions` : `${label}: training ${step}`,
          );
        },
      },
    ).catch((error: unknown) => {
      if (error instanceof AppError) throw new JobError(error.message, { retryable: false, cause: error });
      throw error;
    });
    ctx.progress(total, total, 'Done');
    return { evaluations: rows.map((r) => ({ id: r.id, protocol: r.protocol, status: r.status })) };
  },
});

const MODEL_ORDER = ['most-popular', 'recent-popular', 'buy-again', 'item-knn', 'ease', 'hybrid'];
/** Position of a model among the six (unknown names count as the last). */
function stepIndex(model: string): number {
  const i = MODEL_ORDER.indexOf(model);
  return i < 0 ? MODEL_ORDER.length - 1 : i;
}

/** Minutes from the Unix epoch (a Thursday) to Sunday 04:30 UTC: after that night's training. */
const SUNDAY_0430 = 3 * 1440 + 270;

// Weekly, for workspaces with orders or events: the Model quality page and the model card always
// have a recent comparison with the baselines, without anyone pressing "Run evaluation".
scheduleJob(
  evaluateRecommendationsJob,
  { everyMinutes: 7 * 1440, offsetMinutes: SUNDAY_0430, name: EVALUATE_SCHEDULE_NAME },
  (tenant) => (trainableTenants.has(tenant.id) ? { protocols: [...EVALUATION_PROTOCOLS] } : null),
);
