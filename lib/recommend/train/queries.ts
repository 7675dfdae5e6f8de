/** Tenant-scoped SQL over `recommend_models`. Every statement filters by the tenant, updates included. */
import { and, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { recommendModels } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type ModelRow = typeof recommendModels.$inferSelect;
export type ModelSummary = Omit<ModelRow, 'artefact'>;

const { artefact: _artefact, ...summaryColumns } = getTableColumns(recommendModels);

/** The live version's id and number (the registry's cheap revalidation), or null. */
export async function getLiveModelRef(
  exec: Executor,
  ctx: Tenant,
): Promise<{ id: string; version: number } | null> {
  const [row] = await exec
    .select({ id: recommendModels.id, version: recommendModels.version })
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), eq(recommendModels.live, true)))
    .limit(1);
  return row ?? null;
}

export async function getLiveModel(exec: Executor, ctx: Tenant): Promise<ModelSummary | null> {
  const [row] = await exec
    .select(summaryColumns)
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), eq(recommendModels.live, true)))
    .limit(1);
  return row ?? null;
}

export async function getModel(exec: Executor, ctx: Tenant, id: string): Promise<ModelSummary | null> {
  const [row] = await exec
    .select(summaryColumns)
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), eq(recommendModels.id, id)))
    .limit(1);
  return row ?? null;
}

/** The artefact bytes of one version (null when retired or never finished). */
export async function getModelArtefact(
  exec: Executor,
  ctx: Tenant,
  id: string,
): Promise<{ id: string; version: number; artefact: Uint8Array | null } | null> {
  const [row] = await exec
    .select({ id: recommendModels.id, version: recommendModels.version, artefact: recommendModels.artefact })
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), eq(recommendModels.id, id)))
    .limit(1);
  return row ?? null;
}

/** Newest first, without artefacts. */
export function listModels(exec: Executor, ctx: Tenant, limit = 20): Promise<ModelSummary[]> {
  return exec
    .select(summaryColumns)
    .from(recommendModels)
    .where(tenantFilter(ctx, recommendModels))
    .orderBy(desc(recommendModels.version))
    .limit(limit);
}

/** A new `training` row with the next version number of the tenant. */
export async function insertTrainingModel(exec: Executor, ctx: Tenant, asOf: Date): Promise<ModelSummary> {
  const [row] = await exec
    .insert(recommendModels)
    .values({
      tenantId: ctx.tenantId,
      asOf,
      version: sql`(select coalesce(max(version), 0) + 1 from ${recommendModels} where tenant_id = ${ctx.tenantId})`,
    })
    .returning(summaryColumns);
  return row!;
}

export async function updateModel(
  exec: Executor,
  ctx: Tenant,
  id: string,
  values: Partial<Omit<ModelRow, 'tenantId' | 'id' | 'version'>>,
): Promise<void> {
  await exec
    .update(recommendModels)
    .set(values)
    .where(and(tenantFilter(ctx, recommendModels), eq(recommendModels.id, id)));
}

/** Makes `id` the live version (unsetting the previous one first: the partial unique index). */
export async function setLiveModel(exec: Executor, ctx: Tenant, id: string): Promise<void> {
  await exec
    .update(recommendModels)
    .set({ live: false })
    .where(
      and(tenantFilter(ctx, recommendModels), eq(recommendModels.live, true), ne(recommendModels.id, id)),
    );
  await updateModel(exec, ctx, id, { live: true, status: 'ready' });
}

/**
 * Retires ready versions beyond the newest `keep` (never the live one) and drops their artefacts:
 * the row stays as history, the megabytes go. Returns how many were retired.
 */
export async function retireOldModels(exec: Executor, ctx: Tenant, keep: number): Promise<number> {
  const rows = await exec
    .select({ id: recommendModels.id, live: recommendModels.live, status: recommendModels.status })
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), ne(recommendModels.status, 'training')))
    .orderBy(desc(recommendModels.version));
  const old = rows.slice(keep).filter((r) => !r.live && r.status !== 'retired');
  for (const r of old) await updateModel(exec, ctx, r.id, { status: 'retired', artefact: null });
  return old.length;
}
