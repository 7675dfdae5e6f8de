/**
 * Tenant-scoped SQL of drift measurements (`model_drift`). Every statement filters by the tenant,
 * the acknowledgement included, so another workspace's measurement is simply not found.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { modelDrift } from '@/db/schema';
import type { PredictionKind } from '@/db/schema/shoppers';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { DriftReport } from './compare';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type DriftRow = typeof modelDrift.$inferSelect;

/** Records one measurement of model `modelId` (computed now, features as of `asOf`). */
export async function insertDriftRow(
  exec: Executor,
  ctx: Tenant,
  values: { modelId: string; kind: PredictionKind; asOf: Date; report: DriftReport },
): Promise<DriftRow> {
  const r = values.report;
  const [row] = await exec
    .insert(modelDrift)
    .values({
      tenantId: ctx.tenantId,
      modelId: values.modelId,
      kind: values.kind,
      asOf: values.asOf,
      population: r.population,
      scorePsi: r.scorePsi,
      maxFeaturePsi: r.maxFeaturePsi,
      status: r.status,
      features: JSON.parse(JSON.stringify(r.features)) as Record<string, unknown>[],
      scores: JSON.parse(JSON.stringify(r.scores)) as Record<string, unknown>,
    })
    .returning();
  if (!row) throw new Error('insert into model_drift returned no row');
  return row;
}

/** Measurements of one model, newest first, at most `limit`. */
export function listDriftRows(exec: Executor, ctx: Tenant, modelId: string, limit = 30): Promise<DriftRow[]> {
  return exec
    .select()
    .from(modelDrift)
    .where(and(tenantFilter(ctx, modelDrift), eq(modelDrift.modelId, modelId)))
    .orderBy(desc(modelDrift.computedAt))
    .limit(limit);
}

/** The newest measurement of each of `modelIds` (models never checked are absent); one indexed read each. */
export async function latestDriftRows(
  exec: Executor,
  ctx: Tenant,
  modelIds: readonly string[],
): Promise<Map<string, DriftRow>> {
  const rows = await Promise.all(modelIds.map((id) => listDriftRows(exec, ctx, id, 1)));
  return new Map(rows.flatMap((r) => (r[0] ? [[r[0].modelId, r[0]] as const] : [])));
}

/** Marks a measurement's alert dismissed. Returns false when `id` is not this tenant's. */
export async function acknowledgeDriftRow(exec: Executor, ctx: Tenant, id: string): Promise<boolean> {
  const rows = await exec
    .update(modelDrift)
    .set({ acknowledged: true })
    .where(and(tenantFilter(ctx, modelDrift), eq(modelDrift.id, id)))
    .returning({ id: modelDrift.id });
  return rows.length > 0;
}
