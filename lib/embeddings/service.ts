import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { tenants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { listJobs } from '@/lib/jobs/queries';
import type { JobRow } from '@/lib/jobs/types';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { EMBED_JOB_TYPE, enqueueEmbedding } from './job';
import {
  type EmbeddingCounts,
  getEmbedderSetting,
  getEmbeddingCounts,
  getProductText,
  getProductVectorInfo,
  listSpaces,
} from './queries';
import { embedderForSpace, embedderSettingSchema, listAvailableModels, resolveEmbedder } from './resolve';
import type { DetectedLanguage } from '@/db/schema';
import type { AvailableModel, Embedder, EmbedderStatus } from './types';

type Ctx = Pick<TenantContext, 'tenantId'>;

/** The space queries must use now, and the embedder that embeds queries into it. */
export interface QuerySpace {
  space: string;
  embedder: Embedder;
  /** Describes `embedder` (the one queries use), with the workspace's setting as `requested`. */
  status: EmbedderStatus;
  /** False while the live embedder's space is still empty and an older space answers. */
  live: boolean;
  vectors: number;
}

function statusFor(embedder: Embedder, requested: string, reason?: string): EmbedderStatus {
  return {
    requested,
    space: embedder.space,
    label: embedder.label,
    kind: embedder.kind,
    dimensions: embedder.dimensions,
    fallback: reason !== undefined,
    ...(reason !== undefined ? { reason } : {}),
  };
}

/**
 * Which space a search must use, never mixing two: the live embedder's when it has vectors for
 * this workspace; otherwise (just switched, re-embedding in progress) the space with the most
 * vectors whose embedder can still be loaded; otherwise the live one (empty: no semantic results).
 */
export async function querySpace(db: Db, ctx: Ctx): Promise<QuerySpace> {
  const setting = await getEmbedderSetting(db, ctx);
  const { embedder, status } = await resolveEmbedder(setting);
  const spaces = await listSpaces(db, ctx);
  const live = spaces.find((s) => s.space === embedder.space);
  if (live && live.vectors > 0)
    return { space: embedder.space, embedder, status, live: true, vectors: live.vectors };
  for (const s of spaces) {
    if (s.vectors === 0) continue;
    const other = await embedderForSpace(s.space);
    if (!other || other.dimensions !== s.dims) continue;
    const reason = `The catalog is being embedded with ${embedder.label}; searching the ${other.label} vectors until then.`;
    return {
      space: s.space,
      embedder: other,
      status: statusFor(other, setting, reason),
      live: false,
      vectors: s.vectors,
    };
  }
  return { space: embedder.space, embedder, status, live: true, vectors: 0 };
}

export interface EmbeddingOverview {
  /** The live embedder and, when it stands in for a model, why. */
  status: EmbedderStatus;
  /** The workspace's setting (`auto`, `lexical`, `model:<id>`). */
  setting: string;
  products: Omit<EmbeddingCounts, 'lastEmbeddedAt'>;
  lastEmbeddedAt: Date | null;
  spaces: { space: string; dims: number; vectors: number; updatedAt: Date; live: boolean }[];
  /** The space searches use right now (differs from the live one while re-embedding). */
  querySpace: string;
  /** The latest embed job (queued, running or finished), if any. */
  job: Pick<
    JobRow,
    | 'id'
    | 'status'
    | 'progressDone'
    | 'progressTotal'
    | 'progressMessage'
    | 'error'
    | 'createdAt'
    | 'startedAt'
    | 'finishedAt'
  > | null;
  models: AvailableModel[];
}

/** Everything the Models page and `tailor embed` show about a workspace's embeddings. */
export async function getEmbeddingOverview(db: Db, ctx: Ctx): Promise<EmbeddingOverview> {
  const setting = await getEmbedderSetting(db, ctx);
  const { status } = await resolveEmbedder(setting);
  const [counts, spaces, [job], models, query] = await Promise.all([
    getEmbeddingCounts(db, ctx, status.space),
    listSpaces(db, ctx),
    listJobs(db, ctx, { type: EMBED_JOB_TYPE, limit: 1 }),
    listAvailableModels(),
    querySpace(db, ctx),
  ]);
  const { lastEmbeddedAt, ...products } = counts;
  return {
    status,
    setting,
    products,
    lastEmbeddedAt,
    spaces: spaces.map((s) => ({
      space: s.space,
      dims: s.dims,
      vectors: s.vectors,
      updatedAt: s.updatedAt,
      live: s.space === status.space,
    })),
    querySpace: query.space,
    job: job
      ? {
          id: job.id,
          status: job.status,
          progressDone: job.progressDone,
          progressTotal: job.progressTotal,
          progressMessage: job.progressMessage,
          error: job.error,
          createdAt: job.createdAt,
          startedAt: job.startedAt,
          finishedAt: job.finishedAt,
        }
      : null,
    models,
  };
}

const settingInput = z.object({ embedder: embedderSettingSchema });

/**
 * Switches the workspace's embedder (`auto`, `lexical`, `model:<id>`): saves it, audit-logs the
 * change and queues the embed job, which fills the new space (empty, so every product is embedded
 * — a full re-embed). The old space keeps answering searches until the new one has vectors
 * (`querySpace`) and is deleted by the job once the new space covers the catalog. Setting the
 * current value again changes nothing. Throws forbidden without `settings.update`, or
 * validation_failed (field `embedder`).
 */
export async function setWorkspaceEmbedder(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<{ embedder: string; changed: boolean; jobId: string | null }> {
  if (!hasPermission(ctx, 'settings.update')) throw forbidden();
  const { embedder } = parseOrThrow(settingInput, input);
  return db.transaction(async (tx) => {
    const before = await getEmbedderSetting(tx, ctx);
    if (before === embedder) return { embedder, changed: false, jobId: null };
    await tx.update(tenants).set({ embedder, updatedAt: new Date() }).where(eq(tenants.id, ctx.tenantId)); // the workspace row itself: its id is the tenant id
    await recordAudit(tx, ctx, {
      action: 'settings.embedder_changed',
      targetType: 'workspace',
      targetId: ctx.tenantId,
      details: { from: before, to: embedder },
    });
    const { job } = await enqueueEmbedding(tx, ctx);
    return { embedder, changed: true, jobId: job.id };
  });
}

// Form values arrive as strings: "true"/"on"/"1" mean yes (z.coerce.boolean would take "false" as true).
const startInput = z.object({
  full: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()).optional(),
});

/**
 * Queues the embed job now (`full`: re-analyze and re-embed every product), or returns the one
 * already queued or running. Throws forbidden without `jobs.run`.
 */
export async function startEmbedding(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<{ jobId: string; created: boolean; status: string }> {
  if (!hasPermission(ctx, 'jobs.run')) throw forbidden();
  const { full } = parseOrThrow(startInput, input ?? {});
  const { job, created } = await enqueueEmbedding(db, ctx, { full: full === true });
  if (created) {
    await recordAudit(db, ctx, {
      action: 'job.started',
      targetType: 'job',
      targetId: job.id,
      details: { type: job.type, full: full === true },
    });
  }
  return { jobId: job.id, created, status: job.status };
}

/** The embedder searches use now (the query space's), for badges next to search boxes. */
export async function getEmbedderStatus(db: Db, ctx: Ctx): Promise<EmbedderStatus> {
  return (await querySpace(db, ctx)).status;
}

export interface ProductEmbedding {
  /** Locale key → detected language ({} until analysed). */
  languages: Record<string, DetectedLanguage>;
  /** Why the product has no vector (`no_text`, `embed_failed`), or null. */
  skipReason: string | null;
  /** When its vector in the query space was made, or null (none yet). */
  embeddedAt: Date | null;
  space: string;
  label: string;
  /** The vector was made from an older text of the product (re-embedding pending). */
  stale: boolean;
  /** An embed job is queued or running for the workspace. */
  running: boolean;
}

/** One product's analysis and vector state in the space searches use (the Product page). */
export async function getProductEmbedding(db: Db, ctx: Ctx, productId: string): Promise<ProductEmbedding> {
  const qs = await querySpace(db, ctx);
  const [text, vector, jobs] = await Promise.all([
    getProductText(db, ctx, productId),
    getProductVectorInfo(db, ctx, qs.space, productId),
    listJobs(db, ctx, { type: EMBED_JOB_TYPE, status: ['queued', 'running'], limit: 1 }),
  ]);
  return {
    languages: text?.languages ?? {},
    skipReason: text?.skipReason ?? null,
    embeddedAt: vector?.embeddedAt ?? null,
    space: qs.space,
    label: qs.embedder.label,
    stale: Boolean(vector && text && vector.textHash !== text.textHash),
    running: jobs.length > 0,
  };
}
