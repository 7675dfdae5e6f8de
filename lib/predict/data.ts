/**
 * Loads a workspace's shopper histories (lib/predict/types.ts) for the prediction models: every
 * customer or visitor with an order or a relevant event, orders converted to the workspace
 * currency, events bounded to the last EVENT_DAYS days. Set-based: four statements whatever the
 * number of shoppers, every one filtered by the tenant.
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { currencyDigits } from '@/lib/connectors/money';
import type { TenantContext } from '@/lib/tenant/context';
import type { EventFact, OrderFact, ShopperHistory } from './types';

type Tenant = Pick<TenantContext, 'tenantId'>;
const DAY_MS = 86_400_000;
/** Events older than this before the end of the data are not read: features look back a year at most. */
export const EVENT_DAYS = 400;
/** The event types the models read (others, like recommendation impressions, are noise to them). */
export const HISTORY_EVENT_TYPES = ['view', 'add_to_cart', 'purchase', 'search', 'page_view'] as const;
const TYPE_SET: ReadonlySet<string> = new Set(HISTORY_EVENT_TYPES);
const ORDER_STATUSES = new Set(['paid', 'cancelled', 'refunded', 'returned']);
const SEP = '\u001f';
/** Separators of the packed event strings: ASCII unit and record separators (not in ids or types). */
const UNIT = '\u001f';
const RECORD = '\u001e';

export interface LoadHistoriesOptions {
  /** Only facts strictly before this instant (default: everything). */
  until?: Date;
  /** Only these shoppers (an explanation); default every shopper of the workspace. */
  shopperIds?: readonly string[];
}

export interface HistoryLoad {
  histories: ShopperHistory[];
  /** The workspace currency every `totalMinor` is in. */
  currency: string;
  /** Orders in a currency without a stored rate: counted as orders, left out of money (total 0). */
  unconvertedOrders: number;
  unconvertedCurrencies: string[];
  /** Earliest and latest fact read, epoch ms (null without any). */
  first: number | null;
  last: number | null;
}

const epochMs = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
const idList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * Earliest and latest order (with a shopper) or event, epoch ms; nulls when there is none.
 * The end of the data is what training treats as "now", so imported histories and demo data work.
 */
export async function getHistorySpan(
  exec: Executor,
  ctx: Tenant,
): Promise<{ first: number | null; last: number | null }> {
  // Each min/max reads one end of a (tenant_id, time) index: instant at any size. Events of every
  // type count (an impression is activity too): a type filter would defeat the index.
  const [row] = rowsOf<{ o0: number | null; o1: number | null; e0: number | null; e1: number | null }>(
    await exec.execute(sql`
      select
        (select ${epochMs('min(placed_at)')} from orders where tenant_id = ${ctx.tenantId} and shopper_id is not null) as o0,
        (select ${epochMs('max(placed_at)')} from orders where tenant_id = ${ctx.tenantId} and shopper_id is not null) as o1,
        (select ${epochMs('min(occurred_at)')} from events where tenant_id = ${ctx.tenantId}) as e0,
        (select ${epochMs('max(occurred_at)')} from events where tenant_id = ${ctx.tenantId}) as e1`),
  );
  const nums = (xs: (number | null | undefined)[]) => xs.filter((x): x is number => x != null).map(Number);
  const firsts = nums([row?.o0, row?.e0]);
  const lasts = nums([row?.o1, row?.e1]);
  return {
    first: firsts.length ? Math.min(...firsts) : null,
    last: lasts.length ? Math.max(...lasts) : null,
  };
}

/** Factor from minor units of each currency to minor units of the workspace currency; absent: no rate. */
async function conversionFactors(
  exec: Executor,
  ctx: Tenant,
): Promise<{ currency: string; factor: Map<string, number> }> {
  const [tenant] = rowsOf<{ currency: string }>(
    await exec.execute(sql`select currency from tenants where id = ${ctx.tenantId}`),
  );
  const currency = tenant?.currency ?? 'EUR';
  const rates = rowsOf<{ currency: string; rate: number }>(
    await exec.execute(sql`select currency, rate from exchange_rates where tenant_id = ${ctx.tenantId}`),
  );
  const target = currencyDigits(currency);
  const factor = new Map<string, number>([[currency, 1]]);
  for (const r of rates) {
    const rate = Number(r.rate);
    if (r.currency === currency || !(rate > 0)) continue;
    // Minor units differ by currency (JPY 0 digits, EUR 2): convert through major units.
    factor.set(r.currency, rate * 10 ** (target - currencyDigits(r.currency)));
  }
  return { currency, factor };
}

/**
 * The workspace's histories with a report of what could not be converted. Orders are read in
 * full (customer value needs the whole record), events from EVENT_DAYS before the end.
 */
export async function loadHistoryReport(
  exec: Executor,
  ctx: Tenant,
  opts: LoadHistoriesOptions = {},
): Promise<HistoryLoad> {
  const { currency, factor } = await conversionFactors(exec, ctx);
  const only = opts.shopperIds;
  if (only && only.length === 0) {
    return {
      histories: [],
      currency,
      unconvertedOrders: 0,
      unconvertedCurrencies: [],
      first: null,
      last: null,
    };
  }
  const until = opts.until ? sql`and o.placed_at < ${opts.until.toISOString()}::timestamptz` : sql``;
  const orderRows = rowsOf<{
    sid: string;
    status: string;
    currency: string;
    total: number;
    ms: number;
    items: number | null;
    products: number | null;
    cats: string | null;
  }>(
    await exec.execute(sql`
      select o.shopper_id as sid, o.status, o.currency, o.total_minor::float8 as total,
        ${epochMs('o.placed_at')} as ms, l.items, l.products, l.cats
      from orders o
      left join lateral (
        select sum(ol.quantity)::int as items,
          count(distinct coalesce(ol.product_id::text, ol.product_external_id))::int as products,
          string_agg(p.category_path[1], ${SEP} order by ol.line_no) as cats
        from order_lines ol
        left join products p on p.tenant_id = ol.tenant_id and p.id = ol.product_id
        where ol.tenant_id = o.tenant_id and ol.order_id = o.id
      ) l on true
      where o.tenant_id = ${ctx.tenantId} and o.shopper_id is not null ${until}
        ${only ? sql`and o.shopper_id in (${idList(only)})` : sql``}`),
  );

  const orders = new Map<string, OrderFact[]>();
  const missing = new Set<string>();
  let unconvertedOrders = 0;
  let last = -Infinity;
  for (const r of orderRows) {
    const f = factor.get(r.currency);
    if (f === undefined) {
      unconvertedOrders++;
      missing.add(r.currency);
    }
    const at = Number(r.ms);
    if (at > last) last = at;
    const cats = r.cats ? r.cats.split(SEP).filter(Boolean) : [];
    const order: OrderFact = {
      at,
      totalMinor: f === undefined ? 0 : Math.round(Number(r.total) * f),
      status: (ORDER_STATUSES.has(r.status) ? r.status : 'paid') as OrderFact['status'],
      items: Number(r.items ?? 0),
      products: Number(r.products ?? 0),
      ...(cats.length ? { categories: cats } : {}),
    };
    const list = orders.get(r.sid);
    if (list) list.push(order);
    else orders.set(r.sid, [order]);
  }

  const events = await loadEvents(exec, ctx, opts, Number.isFinite(last) ? last : null);
  const shopperRows = rowsOf<{ id: string; country: string | null; first: number | null }>(
    await exec.execute(sql`
      select s.id, s.country, ${epochMs('s.first_seen_at')} as first
      from shoppers s where s.tenant_id = ${ctx.tenantId}
        ${only ? sql`and s.id in (${idList(only)})` : sql``}`),
  );
  const histories: ShopperHistory[] = [];
  let first = Infinity;
  for (const s of shopperRows) {
    const os = orders.get(s.id) ?? [];
    const es = events.get(s.id) ?? [];
    if (os.length === 0 && es.length === 0) continue;
    os.sort((a, b) => a.at - b.at);
    es.sort((a, b) => a.at - b.at);
    const seen = [s.first == null ? null : Number(s.first), os[0]?.at, es[0]?.at].filter(
      (x): x is number => typeof x === 'number' && Number.isFinite(x),
    );
    const firstSeenAt = seen.length ? Math.min(...seen) : null;
    if (firstSeenAt !== null && firstSeenAt < first) first = firstSeenAt;
    for (const e of es) if (e.at > last) last = e.at;
    histories.push({ shopperId: s.id, country: s.country, firstSeenAt, orders: os, events: es });
  }
  histories.sort((a, b) => (a.shopperId < b.shopperId ? -1 : 1));
  return {
    histories,
    currency,
    unconvertedOrders,
    unconvertedCurrencies: [...missing].sort(),
    first: Number.isFinite(first) ? first : null,
    last: Number.isFinite(last) ? last : null,
  };
}

/**
 * Events of the relevant types per shopper, in [end − EVENT_DAYS, until). A visitor who later
 * identified counts as the customer (identity links), as everywhere else.
 */
async function loadEvents(
  exec: Executor,
  ctx: Tenant,
  opts: LoadHistoriesOptions,
  lastOrder: number | null,
): Promise<Map<string, EventFact[]>> {
  const end =
    opts.until?.getTime() ??
    Math.max(lastOrder ?? -Infinity, (await getHistorySpan(exec, ctx)).last ?? -Infinity);
  const out = new Map<string, EventFact[]>();
  if (!Number.isFinite(end)) return out;
  const from = new Date(end - EVENT_DAYS * DAY_MS).toISOString();
  const types = sql.join(
    HISTORY_EVENT_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  const only = opts.shopperIds;
  // A linked visitor's events were stored under the visitor's own shopper row: read both ids
  // through events_shopper_idx (events have no index on anonymous_id). The type is then filtered
  // here, not in SQL: PGlite keeps no statistics, and a type condition lures the planner onto
  // events_type_time_idx, a scan of the whole workspace's events.
  const who = only
    ? sql`and e.shopper_id = any(array[${idList(only)}]::uuid[] || array(select v.id from identity_links l
        join shoppers v on v.tenant_id = l.tenant_id and v.anonymous_id = l.anonymous_id
        where l.tenant_id = ${ctx.tenantId} and l.shopper_id in (${idList(only)})))`
    : sql``;
  // One row per shopper with the events packed into a string: 200k events as rows cost seconds
  // of driver overhead (PGlite parses every row in JS); a few thousand strings split in a blink.
  const rows = rowsOf<{ sid: string | null; evs: string | null }>(
    await exec.execute(sql`
      select coalesce(il.shopper_id, e.shopper_id) as sid,
        string_agg(concat_ws(${UNIT}, e.type, floor(extract(epoch from e.occurred_at) * 1000)::bigint::text,
          coalesce(e.session_id, ''), coalesce(p.category_path[1], '')), ${RECORD} order by e.occurred_at) as evs
      from events e
      left join identity_links il on il.tenant_id = e.tenant_id and il.anonymous_id = e.anonymous_id
      left join products p on p.tenant_id = e.tenant_id and p.id = e.product_id
      where e.tenant_id = ${ctx.tenantId} ${only ? sql`` : sql`and e.type in (${types})`}
        and e.occurred_at >= ${from}::timestamptz
        ${opts.until ? sql`and e.occurred_at < ${opts.until.toISOString()}::timestamptz` : sql``}
        and (e.shopper_id is not null or il.shopper_id is not null) ${who}
      group by 1`),
  );
  const wanted = only ? new Set(only) : null;
  for (const r of rows) {
    if (!r.sid || !r.evs || (wanted && !wanted.has(r.sid))) continue;
    const list: EventFact[] = [];
    for (const record of r.evs.split(RECORD)) {
      const [type = '', ms = '0', session = '', cat = ''] = record.split(UNIT);
      if (!TYPE_SET.has(type)) continue;
      list.push({ at: Number(ms), type, sessionId: session || null, category: cat || null });
    }
    out.set(r.sid, list);
  }
  return out;
}

/**
 * Every shopper of the workspace with an order or a relevant event, sorted by id; each history
 * sorted by time. Orders in a currency without a stored rate count as orders with a total of 0
 * (`loadHistoryReport` says how many).
 */
export async function loadShopperHistories(
  exec: Executor,
  ctx: Tenant,
  opts: LoadHistoriesOptions = {},
): Promise<ShopperHistory[]> {
  return (await loadHistoryReport(exec, ctx, opts)).histories;
}
