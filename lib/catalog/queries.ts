import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { products } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Products by id, keyset-paginated (`after` = the last id of the previous page). */
export async function listProducts(
  exec: Executor,
  ctx: TenantContext,
  opts: { limit: number; after?: string },
) {
  const conds = [tenantFilter(ctx, products)];
  if (opts.after) conds.push(gt(products.id, opts.after));
  return exec
    .select()
    .from(products)
    .where(and(...conds))
    .orderBy(asc(products.id))
    .limit(opts.limit);
}

/** One product by Tailor id or by the store's external id; null when not this tenant's. */
export async function getProduct(exec: Executor, ctx: TenantContext, idOrExternal: string) {
  const match = UUID_RE.test(idOrExternal)
    ? or(eq(products.id, idOrExternal), eq(products.externalId, idOrExternal))
    : eq(products.externalId, idOrExternal);
  const [row] = await exec
    .select()
    .from(products)
    .where(and(tenantFilter(ctx, products), match))
    .limit(1);
  return row ?? null;
}
