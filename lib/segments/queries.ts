/**
 * Tenant-scoped SQL of segments: the rows, their sizes and their members. Member queries read
 * `shoppers s left join shopper_profiles p` (the shopper-list convention) with
 * `s.tenant_id = <tenant>` always, and a compiled rule condition over those aliases.
 */
import { type SQL, and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { segmentSizes, segments } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type SegmentRow = typeof segments.$inferSelect;
type Insert = typeof segments.$inferInsert;
export type SegmentPatch = Partial<Pick<Insert, 'name' | 'description' | 'rules'>>;

const byId = (ctx: Tenant, id: string) => and(tenantFilter(ctx, segments), eq(segments.id, id));

/** The tenant's segments in name order. */
export async function listSegmentRows(exec: Executor, ctx: Tenant): Promise<SegmentRow[]> {
  return exec.select().from(segments).where(tenantFilter(ctx, segments)).orderBy(asc(segments.name));
}

/** One segment, or null (also for another tenant's id). `id` must be a uuid. */
export async function getSegmentRow(exec: Executor, ctx: Tenant, id: string): Promise<SegmentRow | null> {
  const [row] = await exec.select().from(segments).where(byId(ctx, id));
  return row ?? null;
}

/** Inserts; throws the driver's unique violation (23505) when the name is taken. */
export async function insertSegment(exec: Executor, values: Insert): Promise<SegmentRow | null> {
  const [row] = await exec.insert(segments).values(values).returning();
  return row ?? null;
}

/** Updates one segment of the tenant in one statement; null when there is none. */
export async function updateSegmentRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
  patch: SegmentPatch,
): Promise<SegmentRow | null> {
  const [row] = await exec
    .update(segments)
    .set({ ...patch, updatedAt: new Date() })
    .where(byId(ctx, id))
    .returning();
  return row ?? null;
}

/** Deletes one segment of the tenant and its size history; returns what was deleted, or null. */
export async function deleteSegmentRow(exec: Executor, ctx: Tenant, id: string): Promise<SegmentRow | null> {
  const [row] = await exec.delete(segments).where(byId(ctx, id)).returning();
  if (row)
    await exec
      .delete(segmentSizes)
      .where(and(tenantFilter(ctx, segmentSizes), eq(segmentSizes.segmentId, id)));
  return row ?? null;
}

/** The FROM/WHERE every member query shares. */
export const membersFrom = (ctx: Tenant, condition: SQL) => sql`from shoppers s
  left join shopper_profiles p on p.tenant_id = s.tenant_id and p.shopper_id = s.id
  where s.tenant_id = ${ctx.tenantId} and ${condition}`;

/** How many of the tenant's shoppers satisfy the condition. */
export async function countMembers(exec: Executor, ctx: Tenant, condition: SQL): Promise<number> {
  const r = await exec.execute(sql`select count(*)::int as n ${membersFrom(ctx, condition)}`);
  return Number(rowsOf<{ n: number }>(r)[0]?.n ?? 0);
}

/** Stores today's size (UTC day) of a segment, replacing an earlier value of the same day. */
export async function upsertSegmentSize(
  exec: Executor,
  ctx: Tenant,
  segmentId: string,
  size: number,
  day: string = new Date().toISOString().slice(0, 10),
): Promise<void> {
  await exec
    .insert(segmentSizes)
    .values({ tenantId: ctx.tenantId, segmentId, day, size })
    .onConflictDoUpdate({
      target: [segmentSizes.tenantId, segmentSizes.segmentId, segmentSizes.day],
      set: { size },
    });
}

/**
 * The newest stored size of each of the tenant's segments (segment id → size). One indexed read,
 * for pickers that cannot afford a live count per segment.
 */
export async function latestSegmentSizes(exec: Executor, ctx: Tenant): Promise<Map<string, number>> {
  const rows = await exec
    .selectDistinctOn([segmentSizes.segmentId], {
      segmentId: segmentSizes.segmentId,
      size: segmentSizes.size,
    })
    .from(segmentSizes)
    .where(tenantFilter(ctx, segmentSizes))
    .orderBy(segmentSizes.segmentId, desc(segmentSizes.day));
  return new Map(rows.map((r) => [r.segmentId, r.size]));
}

/** Stored daily sizes of some segments since `fromDay` (YYYY-MM-DD), oldest first. */
export async function listSegmentSizes(
  exec: Executor,
  ctx: Tenant,
  segmentIds: readonly string[],
  fromDay: string,
): Promise<{ segmentId: string; day: string; size: number }[]> {
  if (segmentIds.length === 0) return [];
  return exec
    .select({ segmentId: segmentSizes.segmentId, day: segmentSizes.day, size: segmentSizes.size })
    .from(segmentSizes)
    .where(
      and(
        tenantFilter(ctx, segmentSizes),
        inArray(segmentSizes.segmentId, [...segmentIds]),
        gte(segmentSizes.day, fromDay),
      ),
    )
    .orderBy(asc(segmentSizes.day));
}
