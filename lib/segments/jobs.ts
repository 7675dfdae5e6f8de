/**
 * Segment jobs: 'segments.discover' (RFM segments, k-means clusters) and the daily
 * 'segments.snapshot' of every segment's size. Imported by lib/jobs/all.ts for registration.
 */
import type { Executor } from '@/db/client';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { discoverSegments } from './discover';
import { snapshotAllSegments } from './snapshot';

export const DISCOVER_JOB_TYPE = 'segments.discover';
export const SNAPSHOT_JOB_TYPE = 'segments.snapshot';

/** Ensures the RFM segments and re-clusters the workspace's profiles. Idempotent; safe to rerun. */
export const discoverSegmentsJob = defineJob({
  type: DISCOVER_JOB_TYPE,
  maxAttempts: 2,
  timeoutMs: 30 * 60_000,
  run: async (ctx) => {
    const result = await discoverSegments(
      ctx.db,
      { tenantId: ctx.tenantId },
      {
        onProgress: (done, total, message) => {
          ctx.throwIfCancelled();
          ctx.progress(done, total, message);
        },
      },
    );
    return {
      rfmCreated: result.rfmCreated,
      profiles: result.profiles,
      clusters: result.clusters,
      silhouettes: result.silhouettes,
      segments: result.segments.map((s) => ({ name: s.name, size: s.size })),
    };
  },
});

/** Stores today's size of every segment. */
export const snapshotSegmentsJob = defineJob({
  type: SNAPSHOT_JOB_TYPE,
  maxAttempts: 3,
  timeoutMs: 10 * 60_000,
  run: async (ctx) => ({ segments: await snapshotAllSegments(ctx.db, { tenantId: ctx.tenantId }) }),
});

// Daily at 02:30 UTC, after the nightly profile work.
scheduleJob(snapshotSegmentsJob, { everyMinutes: 1440, offsetMinutes: 150 });

/**
 * Queues segment discovery for a workspace (at most one queued or running at a time). Called at
 * the end of 'profiles.rebuild' and from the Segments page.
 */
export async function enqueueSegmentDiscovery(
  db: Executor,
  tenant: { tenantId: string },
): Promise<{ jobId: string; created: boolean }> {
  const r = await enqueueJob(db, tenant, discoverSegmentsJob, {}, { dedupeKey: DISCOVER_JOB_TYPE });
  return { jobId: r.job.id, created: r.created };
}
