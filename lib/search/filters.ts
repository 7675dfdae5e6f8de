import { type SQL, and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { products } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { CatalogFilters } from './types';

/** Deepest category prefix a filter may name; paths are short, this only bounds the SQL. */
const MAX_CATEGORY_DEPTH = 8;
/** Largest allow-set handed to the vector search; beyond it the filter is applied afterwards. */
export const MAX_ALLOW_IDS = 50_000;

/** True when at least one filter narrows the catalog. */
export function hasFilters(f: CatalogFilters | undefined): f is CatalogFilters {
  if (!f) return false;
  return (
    (f.category?.length ?? 0) > 0 ||
    (f.brand !== undefined && f.brand !== '') ||
    f.minPriceMinor !== undefined ||
    f.maxPriceMinor !== undefined ||
    f.inStock !== undefined ||
    (f.missingLocale !== undefined && f.missingLocale !== '')
  );
}

/**
 * The filters as one condition on `products`, always including the tenant filter (so it can be
 * used as the whole WHERE). Every value is a bound parameter.
 * - category: a path prefix, compared level by level (`category_path[1] = $1 and …`);
 * - brand: case-insensitive equality;
 * - price: inclusive bounds in minor units;
 * - inStock: true → stock > 0 or not tracked (null); false → tracked and ≤ 0;
 * - missingLocale: no (or an empty) title in that locale.
 */
export function filterCondition(ctx: Pick<TenantContext, 'tenantId'>, f: CatalogFilters | undefined): SQL {
  const conds: (SQL | undefined)[] = [tenantFilter(ctx, products)];
  if (!f) return conds[0]!;
  (f.category ?? []).slice(0, MAX_CATEGORY_DEPTH).forEach((level, i) => {
    // Postgres arrays are 1-based; an index past the end is null and so never equal.
    conds.push(sql`${products.categoryPath}[${i + 1}::int] = ${level}`);
  });
  if (f.brand) conds.push(sql`lower(${products.brand}) = lower(${f.brand})`);
  if (f.minPriceMinor !== undefined) conds.push(gte(products.priceMinor, f.minPriceMinor));
  if (f.maxPriceMinor !== undefined) conds.push(lte(products.priceMinor, f.maxPriceMinor));
  if (f.inStock === true) conds.push(or(isNull(products.stock), sql`${products.stock} > 0`));
  if (f.inStock === false) conds.push(sql`${products.stock} <= 0`);
  if (f.missingLocale) conds.push(sql`coalesce(${products.title} ->> ${f.missingLocale}, '') = ''`);
  return and(...conds)!;
}

/** Search only ever returns live products; the catalog list shows archived ones too. */
export function activeCondition(): SQL {
  return eq(products.status, 'active');
}

/**
 * The ids of the active products matching the filters, as the vector search's allow-set; null
 * when there are no filters (search the whole catalog). Bounded by MAX_ALLOW_IDS: a filter that
 * broad barely narrows anything, so the caller filters the hits afterwards instead.
 */
export async function allowedProductIds(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  f: CatalogFilters | undefined,
): Promise<Set<string> | null> {
  if (!hasFilters(f)) return null;
  const rows = await exec
    .select({ id: products.id })
    .from(products)
    .where(and(filterCondition(ctx, f), activeCondition()))
    .limit(MAX_ALLOW_IDS + 1);
  if (rows.length > MAX_ALLOW_IDS) return null;
  return new Set(rows.map((r) => r.id));
}
