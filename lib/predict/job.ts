/**
 * The `predict.train` job: trains, evaluates, makes live and scores every prediction kind of a
 * workspace (lib/predict/service-train.ts), weekly for workspaces with orders, after the demo
 * seed and imports (`enqueuePredictionTraining`), and on demand from the dashboard.
 */
import type { Db } from '@/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { JobError } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { enqueuePredictionFairness } from '@/lib/fairness/predictions/job';
import { enqueueDriftCheck } from './drift/job';
import { predictableTenants } from './job-tenants';
import { type TrainPayload, trainPayloadSchema } from './schemas';
import {
  PREDICT_TRAIN_DEDUPE_KEY,
  PREDICT_TRAIN_JOB_TYPE,
  PREDICT_TRAIN_SCHEDULE,
} from './service-constants';
import { trainPredictions } from './service-train';

export { PREDICT_TRAIN_DEDUPE_KEY, PREDICT_TRAIN_JOB_TYPE };

/**
 * Not resumable (a demo-sized workspace trains in seconds), so a retry starts over; two attempts,
 * retried only when a kind failed for a reason other than its data.
 */
export const trainPredictionsJob = defineJob<TrainPayload>({
  type: PREDICT_TRAIN_JOB_TYPE,
  maxAttempts: 2,
  timeoutMs: 60 * 60_000,
  backoffMs: 60_000,
  schema: trainPayloadSchema,
  run: async (ctx) => {
    const result = await trainPredictions(
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
    const ready = result.results.filter((r) => r.status === 'ready').length;
    // A new live model gets its drift baseline checked at once (never throws).
    if (ready > 0) await enqueueDriftCheck(ctx.db, { tenantId: ctx.tenantId });
    // …and the parity of the churn / propensity lists is measured again (never throws).
    if (result.results.some((r) => r.status === 'ready' && (r.kind === 'churn' || r.kind === 'propensity')))
      await enqueuePredictionFairness(ctx.db, { tenantId: ctx.tenantId });
    const steps = 1 + 2 * result.results.length;
    ctx.progress(steps, steps, `${ready} of ${result.results.length} models live`);
    const unexpected = result.results.filter((r) => r.unexpected);
    if (unexpected.length > 0) {
      throw new JobError(`Training failed unexpectedly for ${unexpected.map((r) => r.kind).join(', ')}.`);
    }
    return {
      end: result.end,
      shoppers: result.shoppers,
      unconvertedOrders: result.unconvertedOrders,
      models: result.results.map((r) => ({
        kind: r.kind,
        version: r.version,
        status: r.status,
        method: r.method,
        scored: r.scored,
        error: r.error,
      })),
    };
  },
});

/**
 * Queues training of every kind unless one is queued or running (after the demo seed, an import).
 * Never throws: the data is written either way, and the weekly schedule catches up.
 */
export async function enqueuePredictionTraining(db: Db, tenant: { tenantId: string }): Promise<void> {
  await enqueueJob(db, tenant, trainPredictionsJob, {}, { dedupeKey: PREDICT_TRAIN_DEDUPE_KEY }).catch(
    (error: unknown) => log('warn', 'predict.train_enqueue_failed', { tenantId: tenant.tenantId, error }),
  );
}

// Weekly, Sundays 03:30 UTC (slots align to the epoch, a Thursday: +3 days), for workspaces with orders.
scheduleJob(
  trainPredictionsJob,
  { everyMinutes: 7 * 1440, offsetMinutes: 3 * 1440 + 210, name: PREDICT_TRAIN_SCHEDULE },
  (tenant) => (predictableTenants.has(tenant.id) ? {} : null),
);
