/**
 * Tenant-scoped SQL behind the recommendation endpoint. Every statement filters by the tenant, so
 * another workspace's placement, product or shopper is simply not found.
 */
import { and, desc, eq, gte, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { type LocalizedText, orderLines, orders, placements, products, recommendModels } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type PlacementRow = typeof placements.$inferSelect;

export async function getPlacementByKey(
  exec: Executor,
  ctx: Tenant,
  key: string,
): Promise<PlacementRow | null> {
  const [row] = await exec
    .select()
    .from(placements)
    .where(and(tenantFilter(ctx, placements), eq(placements.key, key)))
    .limit(1);
  return row ?? null;
}

/** Cheap change detector for the catalog cache: newest update and row count of the products. */
export async function getCatalogStamp(exec: Executor, ctx: Tenant): Promise<string> {
  const [row] = await exec
    .select({ at: max(products.updatedAt), n: sql<number>`count(*)::int` })
    .from(products)
    .where(tenantFilter(ctx, products));
  return `${row?.at?.getTime() ?? 0}:${row?.n ?? 0}`;
}

export interface CatalogProduct {
  id: string;
  externalId: string;
  title: LocalizedText;
  priceMinor: number;
  currency: string;
  stock: number | null;
  categoryPath: string[];
  brand: string | null;
  attributes: Record<string, string | number | boolean>;
  publishedAt: Date | null;
  createdAt: Date;
}

/**
 * Product ids by units sold in paid orders since `since`, best first: the answer when no model
 * is trained yet.
 */
export async function listBestSellers(
  exec: Executor,
  ctx: Tenant,
  since: Date,
  limit: number,
): Promise<{ productId: string; units: number }[]> {
  const units = sql<number>`sum(${orderLines.quantity})::int`;
  const rows = await exec
    .select({ productId: orderLines.productId, units })
    .from(orderLines)
    .innerJoin(orders, and(eq(orders.tenantId, orderLines.tenantId), eq(orders.id, orderLines.orderId)))
    .where(
      and(
        tenantFilter(ctx, orderLines),
        isNotNull(orderLines.productId),
        eq(orders.status, 'paid'),
        gte(orders.placedAt, since),
      ),
    )
    .groupBy(orderLines.productId)
    .orderBy(desc(units))
    .limit(limit);
  return rows.flatMap((r) => (r.productId ? [{ productId: r.productId, units: r.units }] : []));
}

/** When the versions were trained (for the response's `model` field). */
export async function getModelsTrainedAt(
  exec: Executor,
  ctx: Tenant,
  ids: string[],
): Promise<Map<string, Date | null>> {
  const rows = await exec
    .select({ id: recommendModels.id, trainedAt: recommendModels.trainedAt })
    .from(recommendModels)
    .where(and(tenantFilter(ctx, recommendModels), inArray(recommendModels.id, ids)));
  return new Map(rows.map((r) => [r.id, r.trainedAt]));
}
