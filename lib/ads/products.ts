/**
 * Which products a slot's copy is about, and their facts as the guardrails check them: the
 * catalog's own title, brand, category, price and compare-at price (discount). Only active
 * products in stock (or without stock tracking) are advertised.
 */
import { type SQL, and, eq, inArray, isNull, or, sql, gt } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { products } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { advertisableMembers, segmentMembers } from './brief';
import type { ProductFact } from './types';

type Tenant = Pick<TenantContext, 'tenantId'>;
type ProductRow = typeof products.$inferSelect;

/** Products per slot: enough for variety, few enough for a prompt (GenerationRequest allows 1–5). */
export const PRODUCTS_PER_SLOT = 3;
const WINDOW_DAYS = 90;

/** The campaign fields product picking reads. */
export interface ProductSource {
  productMode: 'recommended' | 'manual';
  productIds: string[];
}

/** The compare-at price of a product (attributes.compare_at_price_minor), when above its price. */
export function compareAtOf(row: Pick<ProductRow, 'attributes' | 'priceMinor'>): number | null {
  const raw = row.attributes.compare_at_price_minor;
  const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
  return Number.isInteger(v) && v > row.priceMinor ? v : null;
}

/**
 * A catalog row as a fact: title in `locale`, else English, else any title (jsonb keeps no key
 * order); whole percent off (rounded) when discounted by at least 1 %.
 */
export function toProductFact(row: ProductRow, locale: string): ProductFact {
  const titles = Object.values(row.title).filter((t) => t.trim() !== '');
  const title = row.title[locale]?.trim() || row.title.en?.trim() || titles[0] || row.externalId;
  const compareAtMinor = compareAtOf(row);
  const percent =
    compareAtMinor === null ? null : Math.round(((compareAtMinor - row.priceMinor) / compareAtMinor) * 100);
  return {
    id: row.id,
    externalId: row.externalId,
    title,
    brand: row.brand,
    category: row.categoryPath.at(-1) ?? null,
    priceMinor: row.priceMinor,
    currency: row.currency,
    compareAtMinor: percent !== null && percent >= 1 ? compareAtMinor : null,
    discountPercent: percent !== null && percent >= 1 ? percent : null,
  };
}

const sellable = (ctx: Tenant) =>
  and(
    tenantFilter(ctx, products),
    eq(products.status, 'active'),
    or(isNull(products.stock), gt(products.stock, 0)),
  );

/** Active, in-stock products of the tenant among `ids`, in the order of `ids`. */
async function loadSellable(exec: Executor, ctx: Tenant, ids: readonly string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  const rows = await exec
    .select()
    .from(products)
    .where(and(sellable(ctx), inArray(products.id, [...ids])));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Product ids by units bought in paid orders since `since`, by shoppers matching `buyers` (SQL over s, p). */
async function bestSellers(
  exec: Executor,
  ctx: Tenant,
  buyers: SQL | null,
  since: Date | null,
): Promise<string[]> {
  const who = buyers ? sql`and o.shopper_id in (select s.id ${buyers})` : sql``;
  const when = since ? sql`and o.placed_at >= ${since.toISOString()}::timestamptz` : sql``;
  const rows = rowsOf<{ id: string }>(
    await exec.execute(sql`select ol.product_id as id from order_lines ol
      join orders o on o.tenant_id = ol.tenant_id and o.id = ol.order_id
      where ol.tenant_id = ${ctx.tenantId} and o.status = 'paid' and ol.product_id is not null ${when} ${who}
      group by ol.product_id order by sum(ol.quantity) desc, ol.product_id limit 60`),
  );
  return rows.map((r) => r.id);
}

/**
 * The products of a slot, most relevant first (at most `limit`): the campaign's manual list, or
 * what the segment's members bought most in the last 90 days, topped up from the workspace's best
 * sellers (90 days, then all time) and its newest products. Never throws for an empty catalog (→ []).
 */
export async function pickProducts(
  exec: Executor,
  ctx: Tenant,
  campaign: ProductSource,
  segmentId: string | null,
  locale: string,
  options: { limit?: number; now?: Date } = {},
): Promise<ProductFact[]> {
  const limit = options.limit ?? PRODUCTS_PER_SLOT;
  if (campaign.productMode === 'manual') {
    return (await loadSellable(exec, ctx, campaign.productIds))
      .slice(0, limit)
      .map((r) => toProductFact(r, locale));
  }
  const since = new Date((options.now ?? new Date()).getTime() - WINDOW_DAYS * 86_400_000);
  const picked: ProductRow[] = [];
  const seen = new Set<string>();
  const add = async (ids: string[]) => {
    for (const row of await loadSellable(
      exec,
      ctx,
      ids.filter((id) => !seen.has(id)),
    )) {
      if (picked.length >= limit) return;
      seen.add(row.id);
      picked.push(row);
    }
  };
  const members = segmentId === null ? null : await segmentMembers(exec, ctx, segmentId);
  if (members)
    await add(await bestSellers(exec, ctx, await advertisableMembers(exec, ctx, members.condition), since));
  if (picked.length < limit) await add(await bestSellers(exec, ctx, null, since));
  if (picked.length < limit) await add(await bestSellers(exec, ctx, null, null));
  if (picked.length < limit) {
    const newest = await exec
      .select({ id: products.id })
      .from(products)
      .where(sellable(ctx))
      .orderBy(sql`${products.createdAt} desc`, products.id)
      .limit(limit + seen.size);
    await add(newest.map((r) => r.id));
  }
  return picked.map((r) => toProductFact(r, locale));
}
