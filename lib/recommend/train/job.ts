import { z } from 'zod';
import type { Db } from '@/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { log } from '@/lib/log';
import { trainWorkspaceModel } from './service';
import { trainableTenants } from './trainable-tenants';

const payloadSchema = z.object({ asOf: z.string().datetime().optional() });
export type TrainPayload = z.infer<typeof payloadSchema>;

export const TRAIN_JOB_TYPE = 'recommend.train';
const SCHEDULE_NAME = 'recommend.train';
/** Shared by the nightly schedule and import triggers: one training queued or running per workspace. */
export const TRAIN_DEDUPE_KEY = `schedule:${SCHEDULE_NAME}`;
const PHASE_STEP = { loading: 0, fitting: 1, saving: 2 } as const;

/**
 * Trains the workspace's recommendation model (lib/recommend/train/service.ts). Not resumable (a
 * fit is minutes at most), so a retry starts over; two attempts.
 */
export const trainRecommendationsJob = defineJob<TrainPayload>({
  type: TRAIN_JOB_TYPE,
  maxAttempts: 2,
  timeoutMs: 60 * 60_000,
  backoffMs: 60_000,
  schema: payloadSchema,
  run: async (ctx) => {
    const result = await trainWorkspaceModel(
      ctx.db,
      { tenantId: ctx.tenantId },
      {
        asOf: ctx.payload.asOf ? new Date(ctx.payload.asOf) : undefined,
        progress: (phase, message) => {
          ctx.throwIfCancelled();
          ctx.progress(PHASE_STEP[phase], 3, message);
        },
      },
    );
    ctx.progress(3, 3, result.live ? `Version ${result.version} is live` : (result.note ?? 'Done'));
    return { ...result };
  },
});

/**
 * After new orders or events arrived (an import): queues training unless one is queued or running.
 * Never throws: the data is written either way, and the nightly schedule catches up.
 */
export async function trainAfterImport(db: Db, tenant: { tenantId: string }, changed: number): Promise<void> {
  if (changed <= 0) return;
  await enqueueJob(db, tenant, trainRecommendationsJob, {}, { dedupeKey: TRAIN_DEDUPE_KEY }).catch(
    (error: unknown) => log('warn', 'recommend.train_enqueue_failed', { tenantId: tenant.tenantId, error }),
  );
}

// Nightly at 02:30 UTC, only for workspaces with orders or events (no empty job rows otherwise).
scheduleJob(
  trainRecommendationsJob,
  { everyMinutes: 1440, offsetMinutes: 150, name: SCHEDULE_NAME },
  (tenant) => (trainableTenants.has(tenant.id) ? {} : null),
);
