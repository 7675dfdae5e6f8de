import { z } from 'zod';
import { getDb } from '@/db/client';
import { embedChangedProducts } from '@/lib/embeddings/job';
import { enqueueJob } from '@/lib/jobs/enqueue';
import { publicErrorMessage } from '@/lib/jobs/execute';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import { JobAbortError, type JobContext } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { invalidateOverview } from '@/lib/overview/service';
import { listConnectionIds, markSyncFailed, markSyncSucceeded } from './queries';
import { type SyncCheckpoint, type SyncDeps, syncConnection } from './sync';
import { connectedTenants } from './tenants-cache';

const payloadSchema = z.object({ connectionId: z.string().uuid(), full: z.boolean().optional() });
export type SyncPayload = z.infer<typeof payloadSchema>;

/** At most one sync per connection is queued or running: "Sync now" and the schedule share this key. */
export const syncDedupeKey = (connectionId: string) => `connection-sync:${connectionId}`;

// Tests only: fake clocks and sleeps for the clients the job builds.
const g = globalThis as unknown as { __tailorConnectorDeps?: SyncDeps };

/** Tests only: dependencies (HTTP sleep, writers) for syncs run by the job runner. */
export function setSyncJobDeps(deps: SyncDeps | undefined): void {
  g.__tailorConnectorDeps = deps;
}

/** Runs one connection's sync as a job and records the outcome on the connection. */
export async function runSyncJob(ctx: JobContext<SyncPayload, SyncCheckpoint>, deps: SyncDeps = {}) {
  const { connectionId, full } = ctx.payload;
  const tenant = { tenantId: ctx.tenantId };
  try {
    const result = await syncConnection(
      {
        db: ctx.db,
        tenantId: ctx.tenantId,
        signal: ctx.signal,
        checkpoint: ctx.checkpoint,
        progress: (d, t, m) => ctx.progress(d, t, m),
        saveCheckpoint: (v, tx) => ctx.saveCheckpoint(v, tx),
      },
      connectionId,
      { full },
      deps,
    );
    if (!result.removed) await markSyncSucceeded(ctx.db, tenant, connectionId, new Date());
    invalidateOverview(ctx.tenantId); // show the synced data without waiting for the cache
    await embedChangedProducts(ctx.db, tenant, result.resources.products); // new or changed texts → vectors
    return result;
  } catch (error) {
    // Stopped from outside (cancel, shutdown, lost lease): not the store's fault.
    if (error instanceof JobAbortError || ctx.signal.aborted) throw error;
    await markSyncFailed(ctx.db, tenant, connectionId, publicErrorMessage(error)).catch((e: unknown) =>
      log('warn', 'connectors.mark_failed_failed', { tenantId: ctx.tenantId, connectionId, error: e }),
    );
    throw error;
  }
}

/**
 * Syncs one store connection: a full sync the first time, then changes since the last run.
 * Resumes from the last written page after a crash; five attempts, backing off from 30 s.
 */
export const connectionSyncJob = defineJob<SyncPayload, SyncCheckpoint>({
  type: 'connectors.sync',
  maxAttempts: 5,
  timeoutMs: 3 * 60 * 60_000,
  backoffMs: 30_000,
  schema: payloadSchema,
  run: (ctx) => runSyncJob(ctx, g.__tailorConnectorDeps),
});

/** Queues an incremental sync of every connection of the workspace (the hourly schedule). */
export const syncAllJob = defineJob({
  type: 'connectors.sync-all',
  maxAttempts: 2,
  run: async (ctx) => {
    const ids = await listConnectionIds(ctx.db, { tenantId: ctx.tenantId });
    let queued = 0;
    for (const connectionId of ids) {
      const r = await enqueueJob(
        ctx.db,
        { tenantId: ctx.tenantId },
        connectionSyncJob,
        { connectionId },
        {
          dedupeKey: syncDedupeKey(connectionId),
        },
      );
      if (r.created) queued += 1;
    }
    return { connections: ids.length, queued };
  },
});

// Hourly, only for workspaces with a store connected (others get no job row at all).
scheduleJob(syncAllJob, { everyMinutes: 60, offsetMinutes: 7, name: 'connectors.sync.hourly' }, (tenant) =>
  connectedTenants.has(tenant.id, () => getDb()) ? {} : null,
);
