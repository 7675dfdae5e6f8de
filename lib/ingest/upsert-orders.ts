import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { noteShopperActivity } from '@/lib/profiles/refresh-queue';
import type { TenantContext } from '@/lib/tenant/context';
import type { OrderRecord, UpsertCounts } from './records';
import { CHUNK_ROWS, chunks, lastByKey, zeroCounts } from './upsert-core';
import { lookupIds } from './lookup';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** Lines per INSERT statement. */
const LINE_CHUNK = 2000;

/**
 * Ids already resolved by external id (found ones only), kept across calls by a long-running
 * writer such as an import so each product and customer is looked up once.
 */
export interface IdCache {
  products: Map<string, string>;
  customers: Map<string, string>;
}

export const createIdCache = (): IdCache => ({ products: new Map(), customers: new Map() });

export interface OrderUpsertCounts extends UpsertCounts {
  /** Minimal customer records created for shopper external ids not seen before. */
  shoppersCreated: number;
}

type Line = [string, string | null, number, number];
interface Stored {
  external_id: string;
  shopper_id: string | null;
  status: string;
  currency: string;
  total_minor: number;
  country: string | null;
  placed_ms: number;
  source: string;
  lines: Line[] | string;
}

const linesOf = (r: OrderRecord): Line[] =>
  r.lines.map((l) => [l.productExternalId, l.title ?? null, l.quantity, l.unitPriceMinor]);

function sameOrder(r: OrderRecord, shopperId: string | null, source: string, s: Stored): boolean {
  if (
    s.shopper_id !== shopperId ||
    s.status !== r.status ||
    s.currency !== r.currency ||
    Number(s.total_minor) !== r.totalMinor ||
    s.country !== (r.country ?? null) ||
    Math.round(Number(s.placed_ms)) !== r.placedAt.getTime() ||
    s.source !== source
  ) {
    return false;
  }
  const stored = typeof s.lines === 'string' ? (JSON.parse(s.lines) as Line[]) : s.lines;
  const lines = linesOf(r);
  if (stored.length !== lines.length) return false;
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    const b = stored[i]!;
    if (a[0] !== b[0] || a[1] !== b[1] || a[2] !== Number(b[2]) || a[3] !== Number(b[3])) return false;
  }
  return true;
}

/** Shopper ids for customer external ids, creating a minimal customer for each unknown one. */
async function resolveCustomers(exec: Executor, t: string, ids: string[]) {
  const map = new Map<string, string>();
  let created = 0;
  if (ids.length === 0) return { map, created };
  const rows = rowsOf<{ external_id: string; id: string; created: boolean }>(
    await exec.execute(sql`
      with v as (select distinct x as ext from json_array_elements_text(${JSON.stringify(ids)}::json) x),
      ins as (
        insert into shoppers (tenant_id, kind, external_id)
        select ${t}::uuid, 'customer', v.ext from v
        on conflict (tenant_id, external_id) where external_id is not null do nothing
        returning external_id, id
      )
      select external_id, id, true as created from ins
      union all
      select v.ext, s.id, false from v
      cross join lateral (
        select id from shoppers where tenant_id = ${t} and external_id = v.ext limit 1
      ) s`),
  );
  for (const r of rows) {
    map.set(r.external_id, r.id);
    if (r.created) created++;
  }
  return { map, created };
}

/**
 * Upserts orders with their lines by `(tenant, externalId)`, 500 orders per statement:
 * - `shopperExternalId` is resolved to the shopper; an unknown one gets a minimal customer
 *   record (counted in `shoppersCreated`); null/undefined makes a guest order;
 * - lines name products by external id: `product_id` is filled when the product exists and
 *   stays null otherwise (`product_external_id` is always kept, and linked later);
 * - an order whose header and lines are both as stored is left alone (`unchanged`); a changed
 *   one gets its header updated and its lines replaced.
 * `source` is stored on the order (`import`, `shopify`, …). Every lookup goes through the
 * unique indexes, so the cost per order stays flat however large the tables grow (the embedded
 * database keeps no planner statistics). Use inside the caller's transaction.
 */
export async function upsertOrders(
  exec: Executor,
  ctx: Tenant,
  records: readonly OrderRecord[],
  opts: {
    source?: string;
    ids?: IdCache;
    /**
     * The caller knows these orders are most likely new (the tenant had none when its import
     * started): skip looking for stored copies. Any that do exist are still handled correctly,
     * as updates (rewritten rather than reported unchanged).
     */
    likelyNew?: boolean;
  } = {},
): Promise<OrderUpsertCounts> {
  const cache = opts.ids ?? createIdCache();
  const source = opts.source ?? 'manual';
  const t = ctx.tenantId;
  const counts: OrderUpsertCounts = { ...zeroCounts(), shoppersCreated: 0 };
  const unique = lastByKey(records, (r) => r.externalId);
  counts.unchanged += records.length - unique.length;

  for (const chunk of chunks(unique, CHUNK_ROWS)) {
    const unknownCustomers = new Set<string>();
    for (const r of chunk) {
      if (r.shopperExternalId && !cache.customers.has(r.shopperExternalId))
        unknownCustomers.add(r.shopperExternalId);
    }
    const customers = await resolveCustomers(exec, t, [...unknownCustomers]);
    counts.shoppersCreated += customers.created;
    for (const [ext, id] of customers.map) cache.customers.set(ext, id);
    const shopperOf = (r: OrderRecord) =>
      r.shopperExternalId ? (cache.customers.get(r.shopperExternalId) ?? null) : null;

    const stored = opts.likelyNew
      ? []
      : rowsOf<Stored>(
          await exec.execute(sql`
        select v.ext as external_id, o.shopper_id, o.status, o.currency, o.total_minor::float8 as total_minor,
          o.country, (extract(epoch from o.placed_at) * 1000)::float8 as placed_ms, o.source,
          (select coalesce(json_agg(json_build_array(l.product_external_id, l.title, l.quantity, l.unit_price_minor)
                   order by l.line_no), '[]'::json)
           from order_lines l where l.tenant_id = ${t} and l.order_id = o.id) as lines
        from json_array_elements_text(${JSON.stringify(chunk.map((r) => r.externalId))}::json) v(ext)
        cross join lateral (
          select * from orders where tenant_id = ${t} and external_id = v.ext limit 1
        ) o`),
        );
    const storedBy = new Map(stored.map((s) => [s.external_id, s]));
    const changedRows = chunk.filter((r) => {
      const s = storedBy.get(r.externalId);
      return !s || !sameOrder(r, shopperOf(r), source, s);
    });
    counts.unchanged += chunk.length - changedRows.length;
    if (changedRows.length === 0) continue;

    const payload = JSON.stringify(
      changedRows.map((r) => ({
        external_id: r.externalId,
        shopper_id: shopperOf(r),
        status: r.status,
        currency: r.currency,
        total_minor: r.totalMinor,
        country: r.country ?? null,
        placed_at: r.placedAt.toISOString(),
      })),
    );
    const written = rowsOf<{ id: string; external_id: string; inserted: boolean }>(
      await exec.execute(sql`
        insert into orders as t (tenant_id, external_id, shopper_id, status, currency, total_minor, country, source, placed_at)
        select ${t}::uuid, x.external_id, x.shopper_id, x.status, x.currency, x.total_minor, x.country, ${source}, x.placed_at
        from json_to_recordset(${payload}::json) as x(external_id text, shopper_id uuid, status text, currency text,
          total_minor bigint, country text, placed_at timestamptz)
        on conflict (tenant_id, external_id) do update set
          shopper_id = excluded.shopper_id, status = excluded.status, currency = excluded.currency,
          total_minor = excluded.total_minor, country = excluded.country, source = excluded.source,
          placed_at = excluded.placed_at, updated_at = now()
        returning t.id, t.external_id, (t.xmax = 0) as inserted`),
    );
    const idOf = new Map<string, string>();
    const replaced: string[] = [];
    for (const w of written) {
      idOf.set(w.external_id, w.id);
      if (w.inserted) counts.inserted++;
      else {
        counts.updated++;
        replaced.push(w.id);
      }
    }
    if (replaced.length > 0) {
      await exec.execute(sql`
        delete from order_lines
        where tenant_id = ${t} and order_id = any(${`{${replaced.join(',')}}`}::uuid[])`);
    }
    const unknownProducts = new Set<string>();
    for (const r of changedRows) {
      for (const l of r.lines)
        if (!cache.products.has(l.productExternalId)) unknownProducts.add(l.productExternalId);
    }
    for (const [ext, id] of await lookupIds(exec, t, 'products', [...unknownProducts]))
      cache.products.set(ext, id);
    const productIds = cache.products;
    const lines = changedRows.flatMap((r) =>
      r.lines.map((l, i) => [
        idOf.get(r.externalId),
        i + 1,
        productIds.get(l.productExternalId) ?? null,
        l.productExternalId,
        l.title ?? null,
        l.quantity,
        l.unitPriceMinor,
      ]),
    );
    for (const part of chunks(lines, LINE_CHUNK)) {
      await exec.execute(sql`
        insert into order_lines (tenant_id, order_id, line_no, product_id, product_external_id, title, quantity, unit_price_minor)
        select ${t}::uuid, (l->>0)::uuid, (l->>1)::integer, (l->>2)::uuid, l->>3, l->>4, (l->>5)::integer, (l->>6)::bigint
        from json_array_elements(${JSON.stringify(part)}::json) l`);
    }
    // Profiles follow the orders (debounced: on the embedded database the refresh waits for the
    // caller's transaction; lib/profiles/refresh-queue.ts).
    noteShopperActivity(t, changedRows.map(shopperOf), exec);
  }
  return counts;
}
