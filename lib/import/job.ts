import { analyzeBulkTables } from '@/db/analyze';
import { z } from 'zod';
import { embedChangedProducts } from '@/lib/embeddings/job';
import { refreshShopperModelsAfterImport } from '@/lib/predict/after-import';
import { trainAfterImport } from '@/lib/recommend/train/job';
import { invalidateRecommendServing } from '@/lib/recommend/serve/lookups';
import { defineJob } from '@/lib/jobs/registry';
import { invalidateOverview } from '@/lib/overview/service';
import { JobAbortError, type JobContext, JobError } from '@/lib/jobs/types';
import type { ImportFormat, ImportKind } from './fields';
import { FileFormatError } from './parse/text';
import { type ImportRow, getImport, updateImport } from './queries';
import { type ImportCheckpoint, runImport } from './run';
import type { ImportPlan } from './source';
import { resolveStoredPath } from './storage';
import type { ImportSummary } from './summary';

const payloadSchema = z.object({ importId: z.string().uuid() });
type Payload = z.infer<typeof payloadSchema>;

/** Options stored on an import (`imports.options`). */
export interface ImportOptions {
  currency: string;
  locale: string;
  batchRows: number;
  /** CSV header (or the first JSON keys), for checking mappings without opening the file. */
  columns: string[];
  delimiter?: string;
}

/** Rows per batch: one transaction each (fewer, larger ones are much cheaper on the embedded database). */
export const DEFAULT_BATCH_ROWS = 5000;

/** The pipeline's view of a stored import. */
export function planOf(row: ImportRow): ImportPlan {
  const o = row.options as Partial<ImportOptions>;
  return {
    importId: row.id,
    kind: row.kind as ImportKind,
    format: row.format as ImportFormat,
    filePath: resolveStoredPath(row.filePath),
    fileName: row.fileName,
    mapping: row.mapping,
    currency: o.currency ?? 'EUR',
    locale: o.locale ?? 'en',
    batchRows: o.batchRows ?? DEFAULT_BATCH_ROWS,
    sha256: row.sha256,
  };
}

const GENERIC_FAILURE =
  'The import stopped because of an unexpected error; it resumes from the last saved batch when retried.';

async function run(ctx: JobContext<Payload, ImportCheckpoint>): Promise<ImportSummary> {
  const tenant = { tenantId: ctx.tenantId };
  const row = await getImport(ctx.db, tenant, ctx.payload.importId);
  if (!row) throw new JobError('The import no longer exists.', { retryable: false });
  await updateImport(ctx.db, tenant, row.id, { status: 'running', jobId: ctx.jobId });
  const finish = (status: string, summary: Record<string, unknown> | null) =>
    updateImport(ctx.db, tenant, row.id, { status, summary, finishedAt: new Date() });
  try {
    const summary = await runImport(planOf(row), {
      db: ctx.db,
      tenant,
      checkpoint: ctx.checkpoint,
      saveCheckpoint: (value, tx) => ctx.saveCheckpoint(value, tx),
      progress: (done, total, message) => ctx.progress(done, total, message),
      throwIfCancelled: () => ctx.throwIfCancelled(),
    });
    await updateImport(ctx.db, tenant, row.id, {
      status: 'succeeded',
      summary: summary as unknown as Record<string, unknown>,
      rowsDone: summary.rows,
      finishedAt: new Date(),
    });
    // The overview caches a minute of figures; show the imported data at once (same process).
    invalidateOverview(ctx.tenantId);
    invalidateRecommendServing(ctx.tenantId); // prices, stock, new products: the next request sees them
    await embedChangedProducts(ctx.db, tenant, summary.entities.products); // new or changed texts → vectors
    const changed =
      summary.entities.orders.inserted + summary.entities.orders.updated + summary.entities.events.inserted;
    if (changed >= 10_000) await analyzeBulkTables(ctx.db); // a big load: fresh planner statistics
    await trainAfterImport(ctx.db, tenant, changed); // new interactions → retrain (deduped)
    await refreshShopperModelsAfterImport(ctx.db, tenant, changed); // profiles, segments, predictions
    return summary;
  } catch (error) {
    if (error instanceof FileFormatError) {
      await finish('failed', { error: error.message });
      throw new JobError(error.message, { retryable: false });
    }
    if (error instanceof JobAbortError) {
      if (error.reason === 'cancelled') await finish('cancelled', null);
      else await updateImport(ctx.db, tenant, row.id, { status: 'queued' }); // resumes on another attempt
      throw error;
    }
    const last = ctx.attempt >= ctx.maxAttempts || (error instanceof JobError && !error.retryable);
    if (last) await finish('failed', { error: error instanceof JobError ? error.message : GENERIC_FAILURE });
    else await updateImport(ctx.db, tenant, row.id, { status: 'queued' });
    throw error;
  }
}

/**
 * Imports one stored file (see lib/import/run.ts): batches commit with their checkpoint, so a
 * retry, a reclaimed crash or a restart continues after the last committed batch. Problems with
 * the whole file fail at once (no retry); the import row carries status and summary for the UI.
 */
export const importFileJob = defineJob<Payload, ImportCheckpoint>({
  type: 'import.file',
  maxAttempts: 3,
  timeoutMs: 3 * 60 * 60_000,
  backoffMs: 5_000,
  schema: payloadSchema,
  run: async (ctx) => (await run(ctx)) as unknown as Record<string, unknown>,
});
