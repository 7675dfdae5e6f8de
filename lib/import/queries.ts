import { and, asc, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { importMappings, importRejections, imports, jobs } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Ctx = Pick<TenantContext, 'tenantId'>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ImportRow = typeof imports.$inferSelect;
export type ImportMappingRow = typeof importMappings.$inferSelect;
/** An import with its job's live progress (null before it was started). */
export type ImportWithJob = ImportRow & {
  job: {
    status: string;
    progressDone: number;
    progressTotal: number | null;
    progressMessage: string | null;
    error: string | null;
  } | null;
};

export async function insertImport(
  exec: Executor,
  ctx: Ctx,
  values: Omit<typeof imports.$inferInsert, 'tenantId'>,
) {
  const [row] = await exec
    .insert(imports)
    .values({ ...values, tenantId: ctx.tenantId })
    .returning();
  return row!;
}

/** One import of this tenant; another tenant's id (or a malformed one) is simply not found. */
export async function getImport(exec: Executor, ctx: Ctx, id: string): Promise<ImportWithJob | null> {
  if (!UUID.test(id)) return null;
  const [row] = await exec
    .select({ imp: imports, job: jobs })
    .from(imports)
    .leftJoin(jobs, and(eq(jobs.tenantId, imports.tenantId), eq(jobs.id, imports.jobId)))
    .where(and(tenantFilter(ctx, imports), eq(imports.id, id)))
    .limit(1);
  return row ? withJob(row) : null;
}

function withJob(row: { imp: ImportRow; job: typeof jobs.$inferSelect | null }): ImportWithJob {
  const j = row.job;
  return {
    ...row.imp,
    job: j
      ? {
          status: j.status,
          progressDone: j.progressDone,
          progressTotal: j.progressTotal,
          progressMessage: j.progressMessage,
          error: j.error,
        }
      : null,
  };
}

/** The tenant's imports, newest first (1..100, default 20). */
export async function listImports(
  exec: Executor,
  ctx: Ctx,
  opts: { limit?: number } = {},
): Promise<ImportWithJob[]> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 20), 1), 100);
  const rows = await exec
    .select({ imp: imports, job: jobs })
    .from(imports)
    .leftJoin(jobs, and(eq(jobs.tenantId, imports.tenantId), eq(jobs.id, imports.jobId)))
    .where(tenantFilter(ctx, imports))
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(limit);
  return rows.map(withJob);
}

export async function updateImport(
  exec: Executor,
  ctx: Ctx,
  id: string,
  patch: Partial<Omit<typeof imports.$inferInsert, 'tenantId' | 'id'>>,
): Promise<ImportRow | null> {
  const [row] = await exec
    .update(imports)
    .set(patch)
    .where(and(tenantFilter(ctx, imports), eq(imports.id, id)))
    .returning();
  return row ?? null;
}

/** The latest finished import of the same file content and kind, other than `excludeId`. */
export async function findSameFileImport(
  exec: Executor,
  ctx: Ctx,
  sha256: string,
  kind: string,
  excludeId: string,
): Promise<ImportRow | null> {
  const [row] = await exec
    .select()
    .from(imports)
    .where(
      and(
        tenantFilter(ctx, imports),
        eq(imports.sha256, sha256),
        eq(imports.kind, kind),
        eq(imports.status, 'succeeded'),
        ne(imports.id, excludeId),
      ),
    )
    .orderBy(desc(imports.createdAt))
    .limit(1);
  return row ?? null;
}

/** Rejections of one import in row order, `limit` after row `afterRow` (keyset pages). */
export async function listRejections(
  exec: Executor,
  ctx: Ctx,
  importId: string,
  opts: { afterRow?: number; limit?: number } = {},
) {
  const conds = [tenantFilter(ctx, importRejections), eq(importRejections.importId, importId)];
  if (opts.afterRow !== undefined) conds.push(gt(importRejections.rowNo, opts.afterRow));
  return exec
    .select({ rowNo: importRejections.rowNo, field: importRejections.field, reason: importRejections.reason })
    .from(importRejections)
    .where(and(...conds))
    .orderBy(asc(importRejections.rowNo), asc(importRejections.field))
    .limit(Math.min(Math.max(opts.limit ?? 1000, 1), 5000));
}

export async function countRejections(exec: Executor, ctx: Ctx, importId: string): Promise<number> {
  const [row] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(importRejections)
    .where(and(tenantFilter(ctx, importRejections), eq(importRejections.importId, importId)));
  return row?.n ?? 0;
}

export async function listMappings(exec: Executor, ctx: Ctx, kind?: string): Promise<ImportMappingRow[]> {
  const conds = [tenantFilter(ctx, importMappings)];
  if (kind) conds.push(eq(importMappings.kind, kind));
  return exec
    .select()
    .from(importMappings)
    .where(and(...conds))
    .orderBy(asc(importMappings.kind), asc(importMappings.name));
}

export async function getMapping(exec: Executor, ctx: Ctx, id: string): Promise<ImportMappingRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await exec
    .select()
    .from(importMappings)
    .where(and(tenantFilter(ctx, importMappings), eq(importMappings.id, id)))
    .limit(1);
  return row ?? null;
}

/** Saves a mapping under a name, replacing the one of the same kind and name. */
export async function upsertMapping(
  exec: Executor,
  ctx: Ctx,
  values: { name: string; kind: string; mapping: Record<string, string> },
): Promise<ImportMappingRow> {
  const [row] = await exec
    .insert(importMappings)
    .values({ ...values, tenantId: ctx.tenantId })
    .onConflictDoUpdate({
      target: [importMappings.tenantId, importMappings.kind, importMappings.name],
      set: { mapping: values.mapping },
    })
    .returning();
  return row!;
}
