import { type SQL, and, count, desc, max, min, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { products } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant } from '@/lib/workspace/queries';
import { filterCondition } from './filters';
import { type ListCatalogInput, listCatalogSchema } from './schemas';
import type { CatalogPage } from './types';

export type { ListCatalogInput };
type Sort = 'title' | 'newest' | 'price';

/** How many categories and brands the facets list (the most frequent first). */
const FACET_SIZE = 100;

/**
 * The sort key of each order, as SQL, and whether it runs descending. The id breaks ties so the
 * keyset `(key, id)` is strict. Titles sort in the workspace's default locale, falling back to
 * any locale the product has; newest uses microseconds since the epoch so the cursor round-trips
 * exactly (a JS Date only keeps milliseconds).
 */
function sortKey(sort: Sort, locale: string): { key: SQL; desc: boolean } {
  if (sort === 'newest') {
    return { key: sql`(extract(epoch from ${products.createdAt}) * 1000000)::bigint`, desc: true };
  }
  if (sort === 'price') return { key: sql`${products.priceMinor}`, desc: false };
  return {
    key: sql`lower(coalesce(nullif(${products.title} ->> ${locale}::text, ''), (select min(value) from jsonb_each_text(${products.title})), ''))`,
    desc: false,
  };
}

interface Cursor {
  s: Sort;
  k: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(raw: string, sort: Sort): Cursor {
  const invalid = new AppError('validation_failed', 'Unknown cursor: start again from the first page.', {
    cursor: ['Unknown cursor.'],
  });
  let c: Partial<Cursor>;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
  } catch {
    throw invalid;
  }
  if (c?.s !== sort || typeof c.k !== 'string' || typeof c.id !== 'string' || !UUID_RE.test(c.id))
    throw invalid;
  if (sort !== 'title' && !/^-?\d{1,20}$/.test(c.k)) throw invalid;
  return c as Cursor;
}

/**
 * One page of the tenant's catalog (active and archived products), keyset-paginated by the sort
 * order (`title` A→Z in the default locale, `newest` first, `price` low→high), with the total and
 * facets (top categories by their first two levels, top brands, price range) for the filters.
 * Throws `validation_failed` for bad input or a cursor of another sort order.
 */
export async function listCatalogPage(
  db: Db,
  ctx: TenantContext,
  input: ListCatalogInput,
): Promise<CatalogPage> {
  const o = parseOrThrow(listCatalogSchema, input);
  const tenant = await getTenant(db, ctx);
  const { key, desc: descending } = sortKey(o.sort, tenant?.locale ?? 'en');
  const where = filterCondition(ctx, o.filters);
  const conds = [where];
  if (o.cursor) {
    const c = decodeCursor(o.cursor, o.sort);
    const keyParam = o.sort === 'title' ? sql`${c.k}::text` : sql`${c.k}::bigint`;
    conds.push(
      descending
        ? sql`(${key}, ${products.id}) < (${keyParam}, ${c.id}::uuid)`
        : sql`(${key}, ${products.id}) > (${keyParam}, ${c.id}::uuid)`,
    );
  }
  const rows = await db
    .select({ product: products, sortKey: sql<string>`(${key})::text` })
    .from(products)
    .where(and(...conds))
    .orderBy(...(descending ? [desc(key), desc(products.id)] : [key, products.id]))
    .limit(o.limit + 1);
  const page = rows.slice(0, o.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > o.limit && last ? encodeCursor({ s: o.sort, k: last.sortKey, id: last.product.id }) : null;
  const [summary, facets] = await Promise.all([catalogSummary(db, where), categoryAndBrandFacets(db, where)]);
  return {
    items: page.map((r) => r.product),
    total: summary.total,
    nextCursor,
    facets: { ...facets, price: summary.price },
  };
}

async function catalogSummary(db: Db, where: SQL) {
  const [row] = await db
    .select({ total: count(), minMinor: min(products.priceMinor), maxMinor: max(products.priceMinor) })
    .from(products)
    .where(where);
  const total = Number(row?.total ?? 0);
  const price =
    total > 0 && row?.minMinor != null && row.maxMinor != null
      ? { minMinor: Number(row.minMinor), maxMinor: Number(row.maxMinor) }
      : null;
  return { total, price };
}

async function categoryAndBrandFacets(db: Db, where: SQL): Promise<Omit<CatalogPage['facets'], 'price'>> {
  const path = sql<string[]>`${products.categoryPath}[1:2]`;
  const categories = await db
    .select({ path, count: count() })
    .from(products)
    .where(and(where, sql`cardinality(${products.categoryPath}) > 0`))
    .groupBy(path)
    .orderBy(desc(count()), path)
    .limit(FACET_SIZE);
  const brands = await db
    .select({ brand: products.brand, count: count() })
    .from(products)
    .where(and(where, sql`coalesce(${products.brand}, '') <> ''`))
    .groupBy(products.brand)
    .orderBy(desc(count()), products.brand)
    .limit(FACET_SIZE);
  return {
    categories: categories.map((c) => ({ path: c.path, count: Number(c.count) })),
    brands: brands.map((b) => ({ brand: b.brand ?? '', count: Number(b.count) })),
  };
}
