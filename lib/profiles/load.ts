import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { type Rates, convertMinor } from '@/lib/currency/convert';
import type { TenantContext } from '@/lib/tenant/context';
import type { EventFact, OrderFact, ProductInfo, ShopperActivity } from './types';

/**
 * Tenant-scoped reads of what profiles are computed from: a batch of shoppers' own rows, orders
 * with lines, events, and the products those touch. Every statement filters `tenant_id`.
 */
type Ctx = Pick<TenantContext, 'tenantId'>;

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ts = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
const tsOrNull = (v: unknown) => (v === null || v === undefined ? null : ts(v));

/**
 * The activity of these shoppers (ids of other workspaces or unknown ids are simply absent).
 * Money is converted into the workspace currency with `rates` (null without a rate).
 * Recommendation impressions are left out: the widget makes them, not the shopper.
 */
export async function loadActivity(
  exec: Executor,
  ctx: Ctx,
  ids: readonly string[],
  rates: Rates,
): Promise<ShopperActivity[]> {
  const valid = [...new Set(ids)].filter((id) => UUID.test(id));
  if (valid.length === 0) return [];
  const t = ctx.tenantId;
  const list = uuidArray(valid);
  const [shopperRows, orderRows, eventRows] = await Promise.all([
    exec.execute(sql`
      select id, kind, country, locale, device, attributes, first_seen_at, last_seen_at
      from shoppers where tenant_id = ${t} and id = any(${list}::uuid[])`),
    exec.execute(sql`
      select o.id, o.shopper_id, o.status, o.currency, o.total_minor::float8 as total_minor, o.placed_at,
        (select coalesce(json_agg(json_build_array(l.product_id, l.quantity)), '[]'::json)
         from order_lines l where l.tenant_id = ${t} and l.order_id = o.id) as lines
      from orders o where o.tenant_id = ${t} and o.shopper_id = any(${list}::uuid[])`),
    exec.execute(sql`
      select shopper_id, type, occurred_at, session_id, product_id, context->>'locale' as locale
      from events where tenant_id = ${t} and shopper_id = any(${list}::uuid[]) and type <> 'rec_impression'`),
  ]);
  const byId = new Map<string, ShopperActivity>();
  for (const r of rowsOf<Record<string, unknown>>(shopperRows)) {
    const id = String(r.id);
    byId.set(id, {
      shopper: {
        id,
        kind: String(r.kind),
        country: (r.country as string | null) ?? null,
        locale: (r.locale as string | null) ?? null,
        device: (r.device as string | null) ?? null,
        attributes: (r.attributes as Record<string, string | number | boolean> | null) ?? {},
        firstSeenAt: tsOrNull(r.first_seen_at),
        lastSeenAt: tsOrNull(r.last_seen_at),
      },
      orders: [],
      events: [],
    });
  }
  for (const r of rowsOf<Record<string, unknown>>(orderRows)) {
    const a = byId.get(String(r.shopper_id));
    if (!a) continue;
    const raw = typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines;
    const lines = (raw as [string | null, number][]).map(([productId, quantity]) => ({
      productId,
      quantity: Number(quantity),
    }));
    const order: OrderFact = {
      id: String(r.id),
      status: String(r.status),
      placedAt: ts(r.placed_at),
      totalMinor: convertMinor(Number(r.total_minor), String(r.currency), rates),
      lines,
    };
    a.orders.push(order);
  }
  for (const r of rowsOf<Record<string, unknown>>(eventRows)) {
    const a = byId.get(String(r.shopper_id));
    if (!a) continue;
    const e: EventFact = {
      type: String(r.type),
      occurredAt: ts(r.occurred_at),
      sessionId: (r.session_id as string | null) ?? null,
      productId: (r.product_id as string | null) ?? null,
      locale: (r.locale as string | null) ?? null,
    };
    a.events.push(e);
  }
  return [...byId.values()];
}

/** Product ids an activity list touches (order lines and events). */
export function productIdsOf(activity: readonly ShopperActivity[]): string[] {
  const ids = new Set<string>();
  for (const a of activity) {
    for (const o of a.orders) for (const l of o.lines) if (l.productId) ids.add(l.productId);
    for (const e of a.events) if (e.productId) ids.add(e.productId);
  }
  return [...ids];
}

/** Category, brand and converted price of these products (this workspace's only). */
export async function loadProducts(
  exec: Executor,
  ctx: Ctx,
  ids: readonly string[],
  rates: Rates,
): Promise<Map<string, ProductInfo>> {
  const out = new Map<string, ProductInfo>();
  if (ids.length === 0) return out;
  const rows = rowsOf<{
    id: string;
    category_path: string[];
    brand: string | null;
    price_minor: number;
    currency: string;
  }>(
    await exec.execute(sql`
      select id, category_path, brand, price_minor::float8 as price_minor, currency
      from products where tenant_id = ${ctx.tenantId} and id = any(${uuidArray(ids)}::uuid[])`),
  );
  for (const r of rows) {
    const path = r.category_path ?? [];
    out.set(r.id, {
      id: r.id,
      category: path[0] ?? null,
      leaf: path.length ? path.join(' > ') : null,
      brand: r.brand,
      priceMinor: convertMinor(Number(r.price_minor), r.currency, rates),
    });
  }
  return out;
}

/**
 * Per leaf category of active products: the 1/3 and 2/3 price quantiles in the workspace
 * currency. A category priced in several currencies uses its most common one.
 */
export async function loadPriceTerciles(
  exec: Executor,
  ctx: Ctx,
  rates: Rates,
): Promise<Map<string, readonly [number, number]>> {
  const rows = rowsOf<{ leaf: string; currency: string; n: number; t1: number; t2: number }>(
    await exec.execute(sql`
      select array_to_string(category_path, ' > ') as leaf, currency, count(*)::int as n,
        percentile_cont(1.0 / 3) within group (order by price_minor)::float8 as t1,
        percentile_cont(2.0 / 3) within group (order by price_minor)::float8 as t2
      from products
      where tenant_id = ${ctx.tenantId} and status = 'active' and cardinality(category_path) > 0
      group by 1, 2
      order by 1, 3 desc`),
  );
  const out = new Map<string, readonly [number, number]>();
  for (const r of rows) {
    if (out.has(r.leaf)) continue; // the most common currency came first
    const t1 = convertMinor(Number(r.t1), r.currency, rates);
    const t2 = convertMinor(Number(r.t2), r.currency, rates);
    if (t1 !== null && t2 !== null) out.set(r.leaf, [t1, t2]);
  }
  return out;
}

/**
 * The embedding space interest vectors live in: the workspace's space with the most vectors
 * (the live embedder's once the catalog is embedded with it; the older one until then, as
 * search does). Null without vectors.
 */
export async function loadInterestSpace(exec: Executor, ctx: Ctx): Promise<string | null> {
  const [row] = rowsOf<{ space: string }>(
    await exec.execute(sql`
      select space from embedding_spaces where tenant_id = ${ctx.tenantId} and vectors > 0
      order by vectors desc, space limit 1`),
  );
  return row?.space ?? null;
}

/** Stored vectors of these products in one space. */
export async function loadVectors(
  exec: Executor,
  ctx: Ctx,
  space: string,
  ids: readonly string[],
): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  if (ids.length === 0) return out;
  const rows = rowsOf<{ product_id: string; vector: unknown }>(
    await exec.execute(sql`
      select product_id, vector from product_embeddings
      where tenant_id = ${ctx.tenantId} and space = ${space} and product_id = any(${uuidArray(ids)}::uuid[])`),
  );
  for (const r of rows) {
    const v = r.vector;
    if (Array.isArray(v)) out.set(r.product_id, Float32Array.from(v as number[]));
    else if (typeof v === 'string')
      out.set(r.product_id, Float32Array.from(v.slice(1, -1).split(',').map(Number)));
  }
  return out;
}
