import { z } from 'zod';
import { type Db, type Executor, getDb } from '@/db/client';
import { type EnqueueResult, enqueueJob } from '@/lib/jobs/enqueue';
import { defineJob } from '@/lib/jobs/registry';
import { scheduleJob } from '@/lib/jobs/schedule';
import type { JobContext } from '@/lib/jobs/types';
import { log } from '@/lib/log';
import { enqueueProfileRebuild } from '@/lib/profiles/jobs';
import { type EmbedCheckpoint, type EmbedRunResult, runEmbedding } from './embed-run';
import { pendingEmbeddingTenants } from './pending-tenants';
import { getEmbedderSetting } from './queries';
import { resolveEmbedder } from './resolve';
import type { Embedder, EmbedderStatus } from './types';

const payloadSchema = z.object({ full: z.boolean().optional() });
export type EmbedPayload = z.infer<typeof payloadSchema>;

export const EMBED_JOB_TYPE = 'embeddings.embed';
const SCHEDULE_NAME = 'embeddings.embed';
/**
 * The schedule's own dedupe key (lib/jobs/schedule.ts uses `schedule:<name>`), shared by every
 * trigger: scheduled, imported, synced, webhook and manual runs all hold one slot, so a workspace
 * has at most one embed job queued or running and two never write the same vectors at once.
 */
export const EMBED_DEDUPE_KEY = `schedule:${SCHEDULE_NAME}`;

type Resolve = (setting: string) => Promise<{ embedder: Embedder; status: EmbedderStatus }>;
// Tests only: an embedder that fails on purpose stands in for the workspace's live one.
const g = globalThis as unknown as { __tailorEmbedJobResolve?: Resolve };

/** Tests only: how the job turns the workspace setting into an embedder (default resolveEmbedder). */
export function setEmbedJobResolver(resolve: Resolve | undefined): void {
  g.__tailorEmbedJobResolve = resolve;
}

/** Products embedded in one run from which shoppers' interest vectors are worth recomputing. */
const REBUILD_PROFILES_FROM = 50;

async function run(ctx: JobContext<EmbedPayload, EmbedCheckpoint>): Promise<EmbedRunResult> {
  const tenant = { tenantId: ctx.tenantId };
  const result = await runEmbedding({
    db: ctx.db,
    tenantId: ctx.tenantId,
    full: ctx.payload.full === true,
    checkpoint: ctx.checkpoint,
    saveCheckpoint: (value, tx) => ctx.saveCheckpoint(value, tx),
    progress: (done, total, message) => ctx.progress(done, total, message),
    throwIfCancelled: () => ctx.throwIfCancelled(),
    resolve: async () => {
      const setting = await getEmbedderSetting(ctx.db, tenant);
      return (g.__tailorEmbedJobResolve ?? resolveEmbedder)(setting);
    },
  });
  // Interest vectors live in the embedding space: a new catalog or embedder moves them (a profile
  // rebuild that ran before this job, e.g. right after the demo seed, found no vectors yet).
  if (result.embedded >= REBUILD_PROFILES_FROM || ctx.payload.full === true) {
    await enqueueProfileRebuild(ctx.db, tenant).catch((error: unknown) =>
      log('warn', 'profiles.rebuild_enqueue_failed', { tenantId: ctx.tenantId, error }),
    );
  }
  return result;
}

/**
 * Analyzes and embeds a workspace's new and changed products (lib/embeddings/embed-run.ts).
 * Batches commit with their checkpoint, so a retry continues after the last one; three attempts,
 * backing off from 30 s. `full` re-analyzes and re-embeds every product.
 */
export const embedProductsJob = defineJob<EmbedPayload, EmbedCheckpoint>({
  type: EMBED_JOB_TYPE,
  maxAttempts: 3,
  timeoutMs: 3 * 60 * 60_000,
  backoffMs: 30_000,
  schema: payloadSchema,
  run: async (ctx) => (await run(ctx)) as Record<string, unknown>,
});

/**
 * Queues the embed job for a workspace unless one is already queued or running (then returns it).
 * `delayMs` lets a burst of webhooks collapse into one run. Safe inside the caller's transaction.
 */
export function enqueueEmbedding(
  exec: Executor,
  tenant: { tenantId: string },
  opts: { full?: boolean; delayMs?: number } = {},
): Promise<EnqueueResult> {
  return enqueueJob(exec, tenant, embedProductsJob, opts.full ? { full: true } : {}, {
    dedupeKey: EMBED_DEDUPE_KEY,
    ...(opts.delayMs ? { runAfter: new Date(Date.now() + opts.delayMs) } : {}),
  });
}

/**
 * After products were written (import, store sync, webhook): queues the embed job when any were
 * new or changed. Never throws — the write already succeeded, and the 15-minute schedule catches
 * up with anything a failed enqueue missed. Call it outside the writing transaction.
 */
export async function embedChangedProducts(
  db: Db,
  tenant: { tenantId: string },
  changed: { inserted: number; updated: number } | number | undefined,
  opts: { delayMs?: number } = {},
): Promise<void> {
  const n = typeof changed === 'number' ? changed : (changed?.inserted ?? 0) + (changed?.updated ?? 0);
  if (n <= 0) return;
  await enqueueEmbedding(db, tenant, opts).catch((error: unknown) =>
    log('warn', 'embeddings.enqueue_failed', { tenantId: tenant.tenantId, error }),
  );
}

const liveSpaceOf = async (setting: string) => (await resolveEmbedder(setting)).embedder.space;

// Every 15 minutes, only for workspaces with products to analyse or embed (no job row otherwise).
scheduleJob(embedProductsJob, { everyMinutes: 15, offsetMinutes: 4, name: SCHEDULE_NAME }, (tenant) =>
  pendingEmbeddingTenants.has(tenant.id, () => getDb(), liveSpaceOf) ? {} : null,
);
