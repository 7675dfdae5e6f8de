import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, badRequest, conflict, notFound } from '@/lib/errors';
import { enqueueJob } from '@/lib/jobs/enqueue';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant } from '@/lib/workspace/queries';
import { TARGET_FIELDS, detectMapping, mappingProblems, type ImportFormat, type ImportKind } from './fields';
import { DEFAULT_BATCH_ROWS, type ImportOptions, importFileJob } from './job';
import { ONLINE_RETAIL_COLUMNS, ONLINE_RETAIL_CURRENCY, isOnlineRetail } from './online-retail';
import { isRowError, openRows } from './parse/reader';
import { FileFormatError } from './parse/text';
import {
  type ImportRow,
  type ImportWithJob,
  getImport,
  insertImport,
  updateImport,
  upsertMapping,
} from './queries';
import { saveMappingSchema, startSchema, uploadSchema } from './schemas';
import { MAX_UPLOAD_BYTES, importFilePath, removeStoredFile, saveUpload, storedPath } from './storage';

const ACTIVE = ['queued', 'running'];

/** Columns and resolved format of a stored file (JSON: the keys of its first 100 rows). */
async function inspect(filePath: string, fileName: string, format: string) {
  const reader = await openRows(filePath, {
    format: format === 'online-retail' ? 'csv' : (format as 'auto' | 'csv' | 'json' | 'ndjson'),
    fileName,
  });
  if (reader.format !== 'csv') {
    let n = 0;
    for await (const row of reader.rows) if (!isRowError(row) && ++n >= 100) break;
  } else await reader.rows.return(undefined);
  let resolved: ImportFormat = reader.format;
  if (
    format === 'online-retail' ||
    (format === 'auto' && reader.format === 'csv' && isOnlineRetail(reader.columns))
  ) {
    if (!isOnlineRetail(reader.columns)) {
      throw new FileFormatError(
        `This is not an Online Retail file: its header needs the columns ${ONLINE_RETAIL_COLUMNS.join(', ')}.`,
      );
    }
    resolved = 'online-retail';
  }
  return { format: resolved, columns: reader.columns.slice(0, 500), delimiter: reader.delimiter };
}

/**
 * Stores an uploaded file (streamed to `<dataDir>/imports/<tenant>/<id>`, at most 200 MB,
 * SHA-256 computed on the way) and reads its header: the import is `pending` with a detected
 * format and column mapping, ready for a preview and `startImport`. The Online Retail format is
 * recognized by its header. Problems with the whole file (empty, binary, UTF-16, not JSON…) are
 * reported here as `bad_request`, and the file is discarded.
 */
export async function createImport(
  db: Db,
  ctx: TenantContext,
  input: { body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> } & Record<string, unknown>,
  opts: { dataDir?: string; maxBytes?: number } = {},
): Promise<ImportRow> {
  const { body, ...fields } = input;
  const meta = parseOrThrow(uploadSchema, fields);
  const id = randomUUID();
  const dest = importFilePath(ctx.tenantId, id, opts.dataDir);
  const saved = await saveUpload(body, dest, opts.maxBytes ?? MAX_UPLOAD_BYTES);
  try {
    const info = await inspect(dest, meta.fileName, meta.format);
    if (info.format === 'online-retail' && meta.kind === 'events') {
      throw new FileFormatError('An Online Retail file holds products, customers and orders, not events.');
    }
    const tenant = await getTenant(db, ctx);
    const options: ImportOptions = {
      currency:
        meta.currency ??
        (info.format === 'online-retail' ? ONLINE_RETAIL_CURRENCY : (tenant?.currency ?? 'EUR')),
      locale: tenant?.locale ?? 'en',
      batchRows: DEFAULT_BATCH_ROWS,
      columns: info.columns,
      ...(info.delimiter ? { delimiter: info.delimiter } : {}),
    };
    return await db.transaction(async (tx) => {
      const row = await insertImport(tx, ctx, {
        id,
        kind: meta.kind,
        format: info.format,
        fileName: meta.fileName,
        filePath: storedPath(dest),
        sizeBytes: saved.sizeBytes,
        sha256: saved.sha256,
        mapping: info.format === 'online-retail' ? {} : detectMapping(meta.kind, info.columns),
        options: options as unknown as Record<string, unknown>,
        status: 'pending',
        createdBy: ctx.userId ?? null,
      });
      await recordAudit(tx, ctx, {
        action: 'import.uploaded',
        targetType: 'import',
        targetId: id,
        details: {
          kind: meta.kind,
          format: info.format,
          fileName: meta.fileName,
          sizeBytes: saved.sizeBytes,
        },
      });
      return row;
    });
  } catch (e) {
    fs.rmSync(dest, { force: true });
    if (e instanceof FileFormatError) throw badRequest(e.message);
    throw e;
  }
}

/**
 * Starts (or restarts, after a failure, a cancel or a finished run) the import job with the
 * mapping (default: the stored one). Checks before anything is written that every required
 * field is mapped to a column the file has (`validation_failed` naming each field otherwise).
 * Restarting clears the previous run's rejections; the upserts make a rerun idempotent.
 */
export async function startImport(db: Db, ctx: TenantContext, input: unknown): Promise<ImportWithJob> {
  const data = parseOrThrow(startSchema, input);
  const row = await getImport(db, ctx, data.id);
  if (!row) throw notFound('Import not found.');
  if (ACTIVE.includes(row.status)) throw conflict('This import is already running.');
  const kind = row.kind as ImportKind;
  const options = row.options as unknown as ImportOptions;
  const mapping = row.format === 'online-retail' ? {} : (data.mapping ?? row.mapping);
  if (row.format !== 'online-retail') {
    const known = new Set(TARGET_FIELDS[kind].map((f) => f.key));
    for (const key of Object.keys(mapping)) if (!known.has(key)) delete mapping[key];
    const problems = mappingProblems(kind, mapping, row.format === 'csv' ? options.columns : null);
    if (problems.length > 0) {
      throw new AppError('validation_failed', problems.join(' '), { mapping: problems });
    }
  }
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`delete from import_rejections where tenant_id = ${ctx.tenantId} and import_id = ${row.id}`,
    );
    await updateImport(tx, ctx, row.id, {
      mapping,
      options: { ...options, ...(data.currency ? { currency: data.currency } : {}) } as unknown as Record<
        string,
        unknown
      >,
      status: 'queued',
      rowsDone: 0,
      summary: null,
      finishedAt: null,
    });
    const { job } = await enqueueJob(
      tx,
      ctx,
      importFileJob,
      { importId: row.id },
      { dedupeKey: `import:${row.id}` },
    );
    await updateImport(tx, ctx, row.id, { jobId: job.id });
    await recordAudit(tx, ctx, {
      action: 'import.started',
      targetType: 'import',
      targetId: row.id,
      details: { kind, format: row.format, jobId: job.id },
    });
  });
  return (await getImport(db, ctx, row.id))!;
}

/** Saves a column mapping under a name for the next file of the same kind. */
export async function saveMapping(db: Db, ctx: TenantContext, input: unknown) {
  const data = parseOrThrow(saveMappingSchema, input);
  const known = new Set(TARGET_FIELDS[data.kind].map((f) => f.key));
  const mapping = Object.fromEntries(Object.entries(data.mapping).filter(([k]) => known.has(k)));
  if (Object.keys(mapping).length === 0) throw badRequest('Map at least one column before saving.');
  return upsertMapping(db, ctx, { name: data.name, kind: data.kind, mapping });
}

/** Deletes an import that is not running, with its stored file and rejections. */
export async function deleteImport(db: Db, ctx: TenantContext, id: string): Promise<void> {
  const row = await getImport(db, ctx, id);
  if (!row) throw notFound('Import not found.');
  if (ACTIVE.includes(row.status)) throw conflict('Cancel the import before deleting it.');
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`delete from import_rejections where tenant_id = ${ctx.tenantId} and import_id = ${id}`,
    );
    await tx.execute(sql`delete from imports where tenant_id = ${ctx.tenantId} and id = ${id}`);
    await recordAudit(tx, ctx, { action: 'import.deleted', targetType: 'import', targetId: id });
  });
  removeStoredFile(row.filePath);
}
