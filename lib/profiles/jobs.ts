import { sql } from 'drizzle-orm';
import { refreshDerivedTable } from '@/db/analyze';
import { type Db, type Executor, rowsOf } from '@/db/client';
import { type EnqueueResult, enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import type { JobContext } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { enqueueSegmentDiscovery } from '@/lib/segments/jobs';
import { loadWorkspaceInputs, refreshProfiles, rememberRfmDistribution } from './refresh';
import { rescoreRfm } from './write';

/**
 * `profiles.rebuild`: every shopper of a workspace, in id order, BATCH at a time; each batch's
 * checkpoint (the last id done) is saved after it is written, so a retry continues there (a batch
 * redone is harmless: recomputing is idempotent). Then RFM is re-scored across the whole
 * workspace (quintiles need everyone), and segment discovery is queued.
 */
export const PROFILES_REBUILD_TYPE = 'profiles.rebuild';
/** Shared by every trigger (schedule, manual, after imports): one rebuild queued or running. */
export const PROFILES_REBUILD_DEDUPE = `schedule:${PROFILES_REBUILD_TYPE}`;
const BATCH = 250;

export interface RebuildCheckpoint extends Record<string, unknown> {
  /** The last shopper id whose profile was written. */
  after: string;
  done: number;
  /** The rebuild's "now" (ISO), kept so a resumed run computes as of the same instant. */
  asOf: string;
}

export interface RebuildResult extends Record<string, unknown> {
  shoppers: number;
  rfmScored: number;
  rfmChanged: number;
  ms: number;
}

async function nextIds(exec: Executor, tenantId: string, after: string | null): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await exec.execute(sql`
      select id from shoppers where tenant_id = ${tenantId}
      ${after ? sql`and id > ${after}::uuid` : sql``}
      order by id limit ${BATCH}`),
  );
  return rows.map((r) => r.id);
}

/** The rebuild as a plain function (the job's body; tests and the benchmark call it too). */
export async function rebuildProfiles(
  ctx: Pick<JobContext<Record<string, unknown>, RebuildCheckpoint>, 'db' | 'tenantId' | 'checkpoint'> &
    Partial<
      Pick<
        JobContext<Record<string, unknown>, RebuildCheckpoint>,
        'progress' | 'saveCheckpoint' | 'throwIfCancelled'
      >
    >,
): Promise<RebuildResult> {
  const started = Date.now();
  const tenant = { tenantId: ctx.tenantId };
  const asOf = ctx.checkpoint?.asOf ? new Date(ctx.checkpoint.asOf) : new Date();
  const [count] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`select count(*)::int as n from shoppers where tenant_id = ${ctx.tenantId}`),
  );
  const total = Number(count?.n ?? 0);
  // The stored distribution scores this pass; the final re-score replaces it for everyone.
  const inputs = await loadWorkspaceInputs(ctx.db, tenant, asOf);
  const vectorCache = new Map<string, Float32Array>();
  let after = ctx.checkpoint?.after ?? null;
  let done = ctx.checkpoint?.done ?? 0;
  ctx.progress?.(done, total, 'Computing profiles');
  for (;;) {
    ctx.throwIfCancelled?.();
    const ids = await nextIds(ctx.db, ctx.tenantId, after);
    if (ids.length === 0) break;
    await refreshProfiles(ctx.db, tenant, ids, { now: asOf, inputs, vectorCache });
    after = ids.at(-1)!;
    done += ids.length;
    await ctx.saveCheckpoint?.({ after, done, asOf: asOf.toISOString() });
    ctx.progress?.(done, total, 'Computing profiles');
  }
  ctx.progress?.(done, total, 'Scoring RFM');
  const { distribution, scored, changed } = await rescoreRfm(ctx.db, tenant, asOf);
  rememberRfmDistribution(ctx.tenantId, distribution);
  await refreshDerivedTable(ctx.db, 'shopper_profiles');
  return {
    shoppers: done,
    rfmScored: scored,
    rfmChanged: changed,
    ms: Date.now() - started,
  };
}

/** Recomputes every profile of the workspace; 3 attempts, resumable. Ends by queueing segment discovery. */
export const rebuildProfilesJob = defineJob<Record<string, unknown>, RebuildCheckpoint>({
  type: PROFILES_REBUILD_TYPE,
  maxAttempts: 3,
  timeoutMs: 2 * 60 * 60_000,
  backoffMs: 30_000,
  run: async (ctx) => {
    const result = await rebuildProfiles(ctx);
    try {
      await enqueueSegmentDiscovery(ctx.db, { tenantId: ctx.tenantId });
    } catch (error) {
      // The profiles are rebuilt either way; discovery's own schedule catches up.
      log('warn', 'profiles.segment_discovery_enqueue_failed', { tenantId: ctx.tenantId, error });
    }
    return result;
  },
});

/**
 * Queues a full rebuild of a workspace's profiles unless one is already queued or running.
 * Safe inside the caller's transaction. Throws only for database errors.
 */
export async function enqueueProfileRebuild(
  db: Executor | Db,
  tenant: { tenantId: string },
  opts: { delayMs?: number } = {},
): Promise<EnqueueResult> {
  return enqueueJob(
    db,
    tenant,
    rebuildProfilesJob,
    {},
    {
      dedupeKey: PROFILES_REBUILD_DEDUPE,
      ...(opts.delayMs ? { runAfter: new Date(Date.now() + opts.delayMs) } : {}),
    },
  );
}

// Daily at 02:30 UTC: recency moves every day and quintiles drift, so everyone is re-scored.
scheduleJob(rebuildProfilesJob, { everyMinutes: 1440, offsetMinutes: 150, name: PROFILES_REBUILD_TYPE });
