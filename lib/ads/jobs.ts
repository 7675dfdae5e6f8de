/**
 * The 'ads.generate' job: a campaign's generation run (lib/ads/run.ts), resumable per slot.
 * Imported by lib/jobs/all.ts for registration; web processes that only enqueue load it
 * through lib/ads/start.ts.
 */
import { defineJob } from '@/lib/jobs/registry';
import { type RunCheckpoint, runGeneration } from './run';
import { type GenerationPayload, generationPayloadSchema } from './schemas';

export const GENERATE_JOB_TYPE = 'ads.generate';

/** One dedupe key per campaign: a second "Generate" while a run is queued or running returns that run. */
export const generateDedupeKey = (campaignId: string) => `${GENERATE_JOB_TYPE}:${campaignId}`;

/**
 * Payload `{ campaignId, slots? }` (slots: `{ segmentId | null, locale, channel }[]`, default every
 * slot of the campaign). Each finished slot commits with the checkpoint, so a retry or a reclaim
 * after a crash continues with the next slot. Result: counts of slots, kept and dropped creatives.
 */
export const generateAdsJob = defineJob<GenerationPayload, RunCheckpoint>({
  type: GENERATE_JOB_TYPE,
  maxAttempts: 3,
  timeoutMs: 60 * 60_000,
  schema: generationPayloadSchema,
  run: async (job) =>
    runGeneration(job.db, { tenantId: job.tenantId }, job.payload, {
      runId: job.jobId,
      resume: job.checkpoint,
      progress: (done, total, message) => job.progress(done, total, message),
      throwIfCancelled: () => job.throwIfCancelled(),
      signal: job.signal,
      saveCheckpoint: (value, tx) => job.saveCheckpoint(value, tx),
    }),
});
