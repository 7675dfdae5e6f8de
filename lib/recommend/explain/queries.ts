/**
 * Tenant-scoped reads behind the recommendation explanations (issue 8): the shopper a
 * counterfactual is for, and a product's place in the workspace. Another tenant's row is not found.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { products, shoppers } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A shopper of this workspace by row id (uuid), with the country the serving path uses; null otherwise. */
export async function getExplainedShopper(
  exec: Executor,
  ctx: Tenant,
  shopperId: string,
): Promise<{ id: string; country: string | null } | null> {
  if (!UUID.test(shopperId)) return null;
  const [row] = await exec
    .select({ id: shoppers.id, country: shoppers.country })
    .from(shoppers)
    .where(and(tenantFilter(ctx, shoppers), eq(shoppers.id, shopperId)))
    .limit(1);
  return row ?? null;
}

/** A product of this workspace by row id (uuid): id, store id and titles; null otherwise. */
export async function getExplainedProduct(
  exec: Executor,
  ctx: Tenant,
  productId: string,
): Promise<{ id: string; externalId: string; title: Record<string, string> } | null> {
  if (!UUID.test(productId)) return null;
  const [row] = await exec
    .select({ id: products.id, externalId: products.externalId, title: products.title })
    .from(products)
    .where(and(tenantFilter(ctx, products), eq(products.id, productId)))
    .limit(1);
  return row ? { ...row, title: row.title ?? {} } : null;
}
