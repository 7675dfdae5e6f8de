/**
 * The `fairness.predictions` job: measures churn and propensity parity across shopper groups
 * (service.ts) and stores one fairness_reports row per kind. Weekly (Sundays 05:00 UTC, after
 * the 03:30 prediction training), after each prediction training (`enqueuePredictionFairness`)
 * and on demand ("Run report"). Cheap to restart: a retry writes new rows.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { log } from '@/lib/log';
import { predictableTenants } from '@/lib/predict/job-tenants';
import { PREDICTION_FAIRNESS_DEDUPE_KEY, PREDICTION_FAIRNESS_JOB_TYPE } from './constants';
import { runPredictionFairness } from './service';

export const predictionFairnessPayload = z.object({
  kinds: z
    .array(z.enum(['churn', 'propensity']))
    .max(2)
    .optional(),
});
export type PredictionFairnessPayload = z.infer<typeof predictionFairnessPayload>;

export const predictionFairnessJob = defineJob<PredictionFairnessPayload>({
  type: PREDICTION_FAIRNESS_JOB_TYPE,
  maxAttempts: 2,
  timeoutMs: 30 * 60_000,
  backoffMs: 60_000,
  schema: predictionFairnessPayload,
  run: async (ctx) => {
    const outcomes = await runPredictionFairness(
      ctx.db,
      { tenantId: ctx.tenantId },
      {
        kinds: ctx.payload.kinds,
        jobId: ctx.jobId,
        onStep: (done, total, message) => {
          ctx.throwIfCancelled();
          ctx.progress(done, total, message);
        },
      },
    );
    // A kind without enough data is a normal outcome (its row says why), not a job failure.
    return { reports: outcomes.map((o) => ({ kind: o.kind, status: o.status, error: o.error ?? null })) };
  },
});

/**
 * Queues the report unless one is queued or running (call after prediction training).
 * Never throws: the weekly schedule catches up.
 */
export async function enqueuePredictionFairness(db: Db, tenant: { tenantId: string }): Promise<void> {
  await enqueueJob(
    db,
    tenant,
    predictionFairnessJob,
    {},
    { dedupeKey: PREDICTION_FAIRNESS_DEDUPE_KEY },
  ).catch((error: unknown) =>
    log('warn', 'fairness.predictions_enqueue_failed', { tenantId: tenant.tenantId, error }),
  );
}

// Weekly, Sundays 05:00 UTC (slots align to the epoch, a Thursday: +3 days), for workspaces with orders.
scheduleJob(
  predictionFairnessJob,
  { everyMinutes: 7 * 1440, offsetMinutes: 3 * 1440 + 300, name: PREDICTION_FAIRNESS_JOB_TYPE },
  (tenant) => (predictableTenants.has(tenant.id) ? {} : null),
);
