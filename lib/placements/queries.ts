import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { placements } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type PlacementRow = typeof placements.$inferSelect;
type Insert = typeof placements.$inferInsert;
/** What an update may change: never the tenant or the id. */
export type PlacementPatch = Partial<Omit<Insert, 'tenantId' | 'id' | 'createdAt'>>;

const byId = (ctx: Tenant, id: string) => and(tenantFilter(ctx, placements), eq(placements.id, id));

/** The tenant's placements in name order. */
export async function listPlacementRows(exec: Executor, ctx: Tenant): Promise<PlacementRow[]> {
  return exec
    .select()
    .from(placements)
    .where(tenantFilter(ctx, placements))
    .orderBy(asc(placements.name), asc(placements.key));
}

/** One placement by id, or null (also for another tenant's id). `id` must be a uuid. */
export async function getPlacementRowById(exec: Executor, ctx: Tenant, id: string) {
  const [row] = await exec.select().from(placements).where(byId(ctx, id));
  return row ?? null;
}

/** One placement by its key (what the storefront and API name), or null. */
export async function getPlacementRowByKey(exec: Executor, ctx: Tenant, key: string) {
  const [row] = await exec
    .select()
    .from(placements)
    .where(and(tenantFilter(ctx, placements), eq(placements.key, key)));
  return row ?? null;
}

/** Inserts a placement; throws the driver's unique violation (23505) when the key is taken. */
export async function insertPlacement(exec: Executor, values: Insert): Promise<PlacementRow | null> {
  const [row] = await exec.insert(placements).values(values).returning();
  return row ?? null;
}

/** Inserts unless the tenant already has the key; returns the row, or null when it existed. */
export async function insertPlacementIfAbsent(exec: Executor, values: Insert): Promise<PlacementRow | null> {
  const [row] = await exec
    .insert(placements)
    .values(values)
    .onConflictDoNothing({ target: [placements.tenantId, placements.key] })
    .returning();
  return row ?? null;
}

/** Updates one placement of the tenant in one statement; null when there is none. */
export async function updatePlacementRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
  patch: PlacementPatch,
): Promise<PlacementRow | null> {
  const [row] = await exec
    .update(placements)
    .set({ ...patch, updatedAt: new Date() })
    .where(byId(ctx, id))
    .returning();
  return row ?? null;
}

/** Deletes one placement of the tenant; returns what was deleted, or null. */
export async function deletePlacementRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
): Promise<PlacementRow | null> {
  const [row] = await exec.delete(placements).where(byId(ctx, id)).returning();
  return row ?? null;
}
