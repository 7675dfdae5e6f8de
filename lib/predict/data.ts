/**
 * Loads a workspace's shopper histories (lib/predict/types.ts) for the prediction models: every
 * customer or visitor with an order or a relevant event, orders converted to the workspace
 * currency, events bounded to the last EVENT_DAYS days. Set-based and paged: a few statements
 * per page whatever the number of shoppers, every one filtered by the tenant.
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { currencyDigits } from '@/lib/connectors/money';
import { cursorPages, keysetPages } from '@/lib/compute/pages';
import { LoopSlicer } from '@/lib/compute/yield';
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
  /** Sizes of the first pages (orders, events per time slice, shoppers); tests set small ones. */
  pageSize?: { orders?: number; events?: number; shoppers?: number };
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
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
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

/** Orders per first page, events per first time slice, shoppers per first page (adapted later). */
const PAGE = { orders: 200, events: 10_000, shoppers: 2_000 } as const;

/**
 * The workspace's histories with a report of what could not be converted. Orders are read in
 * full (customer value needs the whole record), events from EVENT_DAYS before the end. The whole
 * workspace is read in pages (lib/compute/pages.ts) that give the event loop back in between: the
 * embedded database runs on the server's thread, where one statement over every order or event
 * held storefront requests for seconds.
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
  // Per shopper, each order with its place in the table: see `physical`.
  const orders = new Map<string, { fact: OrderFact; physical: number }[]>();
  const missing = new Set<string>();
  let unconvertedOrders = 0;
  let last = -Infinity;
  for await (const page of orderPages(exec, ctx, opts)) {
    for (const r of page) {
      const f = factor.get(r.currency);
      if (f === undefined) {
        unconvertedOrders++;
        missing.add(r.currency);
      }
      const at = Number(r.ms);
      if (at > last) last = at;
      const cats = r.cats ? r.cats.split(SEP).filter(Boolean) : [];
      const fact: OrderFact = {
        at,
        totalMinor: f === undefined ? 0 : Math.round(Number(r.total) * f),
        status: (ORDER_STATUSES.has(r.status) ? r.status : 'paid') as OrderFact['status'],
        items: Number(r.items ?? 0),
        products: Number(r.products ?? 0),
        ...(cats.length ? { categories: cats } : {}),
      };
      const list = orders.get(r.sid);
      const entry = { fact, physical: physical(r.tid) };
      if (list) list.push(entry);
      else orders.set(r.sid, [entry]);
    }
  }

  const events = await loadEvents(exec, ctx, opts, Number.isFinite(last) ? last : null);
  const histories: ShopperHistory[] = [];
  let first = Infinity;
  const slicer = new LoopSlicer();
  for await (const page of shopperPages(exec, ctx, opts)) {
    for (const s of page) {
      const os = (orders.get(s.id) ?? [])
        .sort((a, b) => a.fact.at - b.fact.at || a.physical - b.physical)
        .map((o) => o.fact);
      const es = events.get(s.id) ?? [];
      if (os.length === 0 && es.length === 0) continue;
      es.sort((a, b) => a.at - b.at);
      const seen = [s.first == null ? null : Number(s.first), os[0]?.at, es[0]?.at].filter(
        (x): x is number => typeof x === 'number' && Number.isFinite(x),
      );
      const firstSeenAt = seen.length ? Math.min(...seen) : null;
      if (firstSeenAt !== null && firstSeenAt < first) first = firstSeenAt;
      for (const e of es) if (e.at > last) last = e.at;
      histories.push({ shopperId: s.id, country: s.country, firstSeenAt, orders: os, events: es });
      if (slicer.due()) await slicer.yield();
    }
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

interface OrderRow {
  id: string;
  /** The row's `ctid`, "(block,offset)". */
  tid: string;
  sid: string;
  status: string;
  currency: string;
  total: number;
  ms: number;
  items: number | null;
  products: number | null;
  cats: string | null;
}

/**
 * The orders with a shopper (before `until`, of `shopperIds`), keyset pages by id, each with its
 * lines' units, distinct products and top-level categories in line order. The lines are
 * aggregated per page with one grouped statement: a lateral subquery per order let the planner
 * rebuild a hash of the whole catalog for every order (25 s on 22k wholesale orders).
 */
function orderPages(exec: Executor, ctx: Tenant, opts: LoadHistoriesOptions): AsyncGenerator<OrderRow[]> {
  const only = opts.shopperIds;
  const until = opts.until ? sql`and o.placed_at < ${opts.until.toISOString()}::timestamptz` : sql``;
  return keysetPages(
    async (after: string | undefined, limit) => {
      const page = rowsOf<Omit<OrderRow, 'items' | 'products' | 'cats'>>(
        await exec.execute(sql`
          select o.id, o.ctid::text as tid, o.shopper_id as sid, o.status, o.currency,
            o.total_minor::float8 as total, ${epochMs('o.placed_at')} as ms
          from orders o
          where o.tenant_id = ${ctx.tenantId} and o.shopper_id is not null ${until}
            ${only ? sql`and o.shopper_id in (${idList(only)})` : sql``}
            ${after === undefined ? sql`` : sql`and o.id > ${after}::uuid`}
          order by o.id
          limit ${limit}`),
      );
      if (page.length === 0) return [];
      const lines = rowsOf<{
        oid: string;
        items: number | null;
        products: number | null;
        cats: string | null;
      }>(
        await exec.execute(sql`
          select ol.order_id as oid, sum(ol.quantity)::int as items,
            count(distinct coalesce(ol.product_id::text, ol.product_external_id))::int as products,
            string_agg(p.category_path[1], ${SEP} order by ol.line_no) as cats
          from order_lines ol
          left join products p on p.tenant_id = ol.tenant_id and p.id = ol.product_id
          where ol.tenant_id = ${ctx.tenantId}
            and ol.order_id = any(${uuidArray(page.map((o) => o.id))}::uuid[])
          group by ol.order_id`),
      );
      const byOrder = new Map(lines.map((l) => [l.oid, l]));
      return page.map((o) => {
        const l = byOrder.get(o.id);
        return { ...o, items: l?.items ?? null, products: l?.products ?? null, cats: l?.cats ?? null };
      });
    },
    (o) => o.id,
    { limit: opts.pageSize?.orders ?? PAGE.orders },
  );
}

/**
 * A row's place in its table, from its ctid: orders at the same instant stay in this order, the
 * order the single scan of the whole table returned before the read was paged by id. Features
 * read the first of equal times (the last order's value), so this keeps every result as it was.
 */
function physical(tid: string): number {
  const [block = '0', offset = '0'] = tid.slice(1, -1).split(',');
  return Number(block) * 65_536 + Number(offset);
}

/** The workspace's shoppers (of `shopperIds`) with country and first-seen time, keyset pages by id. */
function shopperPages(
  exec: Executor,
  ctx: Tenant,
  opts: LoadHistoriesOptions,
): AsyncGenerator<{ id: string; country: string | null; first: number | null }[]> {
  const only = opts.shopperIds;
  return keysetPages(
    async (after: string | undefined, limit) =>
      rowsOf<{ id: string; country: string | null; first: number | null }>(
        await exec.execute(sql`
          select s.id, s.country, ${epochMs('s.first_seen_at')} as first
          from shoppers s where s.tenant_id = ${ctx.tenantId}
            ${only ? sql`and s.id in (${idList(only)})` : sql``}
            ${after === undefined ? sql`` : sql`and s.id > ${after}::uuid`}
          order by s.id
          limit ${limit}`),
      ),
    (s) => s.id,
    { limit: opts.pageSize?.shoppers ?? PAGE.shoppers },
  );
}

/**
 * Events of the relevant types per shopper, in [end − EVENT_DAYS, until). A visitor who later
 * identified counts as the customer (identity links), as everywhere else. The whole workspace is
 * read in time slices (eventSlices); a few shoppers' events in one statement.
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
  const only = opts.shopperIds;
  const wanted = only ? new Set(only) : null;
  const pages = only
    ? [await eventStrings(exec, ctx, opts, { from, to: null })]
    : eventSlices(exec, ctx, opts, from);
  // Slices come in time order and never split equal times, so appending keeps each list sorted.
  for await (const rows of pages) {
    for (const r of rows) {
      if (!r.sid || !r.evs || (wanted && !wanted.has(r.sid))) continue;
      let list = out.get(r.sid);
      if (!list) {
        list = [];
        out.set(r.sid, list);
      }
      for (const record of r.evs.split(RECORD)) {
        const [type = '', ms = '0', session = '', cat = ''] = record.split(UNIT);
        if (!TYPE_SET.has(type)) continue;
        list.push({ at: Number(ms), type, sessionId: session || null, category: cat || null });
      }
    }
  }
  return out;
}

type EventStringsRow = { sid: string | null; evs: string | null };

/**
 * The workspace's events from `from` in time slices of about `limit` events, each slice
 * [lo, hi) ending at an event's time, so events at the same instant are never split and each
 * shopper's events stay in time order across slices. Bounds travel as the database's own text
 * (microseconds: a JS Date would round them to milliseconds).
 */
function eventSlices(
  exec: Executor,
  ctx: Tenant,
  opts: LoadHistoriesOptions,
  from: string,
): AsyncGenerator<EventStringsRow[]> {
  const until = opts.until ? sql`and occurred_at < ${opts.until.toISOString()}::timestamptz` : sql``;
  return cursorPages<EventStringsRow, string>(
    async (cursor, limit) => {
      const lo = cursor ?? from;
      // The time of the `limit`-th event from lo on (events_time_idx walks just those), or the
      // next instant after lo when that many events share lo's; no row: this is the last slice.
      const [bound] = rowsOf<{ hi: string | null }>(
        await exec.execute(sql`
          with b as (
            select occurred_at as x from events
            where tenant_id = ${ctx.tenantId} and occurred_at >= ${lo}::timestamptz ${until}
            order by occurred_at offset ${limit} limit 1)
          select case when b.x > ${lo}::timestamptz then b.x::text else (
            select min(occurred_at)::text from events
            where tenant_id = ${ctx.tenantId} and occurred_at > ${lo}::timestamptz ${until}) end as hi
          from b`),
      );
      const hi = bound?.hi ?? null;
      return { rows: await eventStrings(exec, ctx, opts, { from: lo, to: hi }), next: hi };
    },
    { limit: opts.pageSize?.events ?? PAGE.events },
  );
}

/** One row per shopper with their events in [from, to) packed into a string, in time order. */
async function eventStrings(
  exec: Executor,
  ctx: Tenant,
  opts: LoadHistoriesOptions,
  range: { from: string; to: string | null },
): Promise<EventStringsRow[]> {
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
  // Events at the same instant in event id order: without it their order depended on the plan
  // (and so, now, on the slice).
  return rowsOf<EventStringsRow>(
    await exec.execute(sql`
      select coalesce(il.shopper_id, e.shopper_id) as sid,
        string_agg(concat_ws(${UNIT}, e.type, floor(extract(epoch from e.occurred_at) * 1000)::bigint::text,
          coalesce(e.session_id, ''), coalesce(p.category_path[1], '')),
          ${RECORD} order by e.occurred_at, e.event_id) as evs
      from events e
      left join identity_links il on il.tenant_id = e.tenant_id and il.anonymous_id = e.anonymous_id
      left join products p on p.tenant_id = e.tenant_id and p.id = e.product_id
      where e.tenant_id = ${ctx.tenantId} ${only ? sql`` : sql`and e.type in (${types})`}
        and e.occurred_at >= ${range.from}::timestamptz
        ${range.to === null ? sql`` : sql`and e.occurred_at < ${range.to}::timestamptz`}
        ${opts.until ? sql`and e.occurred_at < ${opts.until.toISOString()}::timestamptz` : sql``}
        and (e.shopper_id is not null or il.shopper_id is not null) ${who}
      group by 1`),
  );
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
