/**
 * The `predict.drift` job: measures drift of the live churn, propensity and customer-value models
 * (lib/predict/drift/service.ts) daily for workspaces with orders, after each training run
 * (`enqueueDriftCheck`) and on demand ("Check drift now"). Cheap to restart: each run writes new
 * measurements and never edits old ones.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { log } from '@/lib/log';
import { predictableTenants } from '@/lib/predict/job-tenants';
import { PREDICT_DRIFT_DEDUPE_KEY, PREDICT_DRIFT_JOB_TYPE, PREDICT_DRIFT_SCHEDULE } from './constants';
import { checkDrift } from './service';

export { PREDICT_DRIFT_DEDUPE_KEY, PREDICT_DRIFT_JOB_TYPE };

const payloadSchema = z.object({}).strict();

export const driftCheckJob = defineJob<z.infer<typeof payloadSchema>>({
  type: PREDICT_DRIFT_JOB_TYPE,
  maxAttempts: 2,
  timeoutMs: 30 * 60_000,
  backoffMs: 60_000,
  schema: payloadSchema,
  run: async (ctx) => {
    const result = await checkDrift(ctx.db, { tenantId: ctx.tenantId }, (done, total, message) => {
      ctx.throwIfCancelled();
      ctx.progress(done, total, message);
    });
    const n = result.checked.length;
    ctx.progress(1, 1, n ? `${n} model${n > 1 ? 's' : ''} checked` : 'No live model with a card to check');
    return {
      asOf: result.asOf,
      checked: result.checked.map((c) => ({ kind: c.kind, status: c.status, population: c.population })),
      skipped: result.skipped,
    };
  },
});

/**
 * Queues a drift check unless one is queued or running (after a training run). Never throws: the
 * daily schedule catches up.
 */
export async function enqueueDriftCheck(db: Db, tenant: { tenantId: string }): Promise<void> {
  await enqueueJob(db, tenant, driftCheckJob, {}, { dedupeKey: PREDICT_DRIFT_DEDUPE_KEY }).catch(
    (error: unknown) => log('warn', 'predict.drift_enqueue_failed', { tenantId: tenant.tenantId, error }),
  );
}

// Daily at 04:30 UTC, for workspaces with orders (the job does nothing without a live model).
scheduleJob(
  driftCheckJob,
  { everyMinutes: 1440, offsetMinutes: 270, name: PREDICT_DRIFT_SCHEDULE },
  (tenant) => (predictableTenants.has(tenant.id) ? {} : null),
);
