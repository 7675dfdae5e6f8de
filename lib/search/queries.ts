import { and, inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { products } from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';
import { activeCondition, filterCondition } from './filters';
import type { CatalogFilters } from './types';

type Ctx = Pick<TenantContext, 'tenantId'>;
export type ProductRow = typeof products.$inferSelect;

/**
 * The tenant's active products among `ids` that match `filters`, by id. Vector hits come back as
 * bare ids: this is where another tenant's id (impossible, but cheap to guard), an archived
 * product or one outside the filters drops out.
 */
export async function loadSearchProducts(
  exec: Executor,
  ctx: Ctx,
  ids: readonly string[],
  filters?: CatalogFilters,
): Promise<Map<string, ProductRow>> {
  if (ids.length === 0) return new Map();
  const rows = await exec
    .select()
    .from(products)
    .where(and(filterCondition(ctx, filters), activeCondition(), inArray(products.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r]));
}
