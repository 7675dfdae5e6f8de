import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import { countryZones } from '@/lib/geo/time-zones';

/**
 * Tenant-scoped SQL for cross-border analytics. Everything is aggregated in the database; the
 * service converts money and compares markets on the small grouped results. Orders count when
 * paid (not cancelled, refunded or returned) and placed in [from, to).
 */

type Ctx = Pick<TenantContext, 'tenantId'>;
export type MarketBy = 'country' | 'locale';
export interface Period {
  from: Date;
  to: Date;
}
const num = (v: unknown) => Number(v ?? 0);

/** The market of an order: its shipping country, else its shopper's (`o`, `s` aliases). */
function orderKey(by: MarketBy): SQL {
  return by === 'country'
    ? sql`upper(nullif(trim(coalesce(nullif(o.country, ''), s.country)), ''))`
    : shopperKey(by);
}
/** The market of a shopper (alias `s`): country code, or locale tag normalized to `xx-yy`. */
function shopperKey(by: MarketBy): SQL {
  return by === 'country'
    ? sql`upper(nullif(trim(s.country), ''))`
    : sql`lower(replace(nullif(trim(s.locale), ''), '_', '-'))`;
}
const orderCountry = sql`upper(nullif(trim(coalesce(nullif(o.country, ''), s.country)), ''))`;
/** `key = market`, or `key is null` for the market of unknowns (null). */
const isMarket = (key: SQL, market: string | null) =>
  market === null ? sql`${key} is null` : sql`${key} = ${market}`;

/**
 * Runs `fn` in a transaction whose planner avoids nested-loop joins. These queries join and group
 * whole periods (hundreds of thousands of events); on a database without fresh statistics (the
 * embedded one after a bulk load) the planner guesses one row per table and picks nested loops
 * that take seconds, while hash joins take tens of milliseconds. The setting ends with the transaction.
 */
export async function withAnalyticsPlanner<T>(exec: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return exec.transaction(async (tx) => {
    await tx.execute(sql`select set_config('enable_nestloop', 'off', true)`);
    return fn(tx as Executor);
  });
}

/** Latest order and event time of the workspace (index-only reads), null when it has none. */
export async function getLatestActivity(exec: Executor, ctx: Ctx): Promise<Date | null> {
  const r = await exec.execute(sql`
    select greatest(
      (select max(placed_at) from orders where tenant_id = ${ctx.tenantId}),
      (select max(occurred_at) from events where tenant_id = ${ctx.tenantId})) as at`);
  const at = rowsOf<{ at: string | Date | null }>(r)[0]?.at;
  return at ? new Date(at) : null;
}

export interface OrderTotalRow {
  market: string | null;
  currency: string;
  orders: number;
  /** Sum of order totals in minor units of `currency`. */
  revenueMinor: number;
}

/** Paid orders and their totals per market and currency. */
export async function listOrderTotals(
  exec: Executor,
  ctx: Ctx,
  by: MarketBy,
  p: Period,
): Promise<OrderTotalRow[]> {
  const r = await exec.execute(sql`
    select ${orderKey(by)} as market, upper(o.currency) as currency, count(*)::int as orders,
      sum(o.total_minor)::bigint as revenue
    from orders o left join shoppers s on s.tenant_id = o.tenant_id and s.id = o.shopper_id
    where o.tenant_id = ${ctx.tenantId} and o.status = 'paid'
      and o.placed_at >= ${p.from.toISOString()} and o.placed_at < ${p.to.toISOString()}
    group by 1, 2`);
  return rowsOf<Record<string, unknown>>(r).map((x) => ({
    market: (x.market as string | null) ?? null,
    currency: String(x.currency),
    orders: num(x.orders),
    revenueMinor: num(x.revenue),
  }));
}

export interface ActivityRow {
  market: string | null;
  /** Shoppers with any event or order in the period, by the shopper's own country/locale. */
  shoppers: number;
  /** Distinct session ids with any event / with a purchase event. */
  sessions: number;
  buyingSessions: number;
}

/** Active shoppers and sessions (with and without a purchase) per market. */
export async function listActivity(
  exec: Executor,
  ctx: Ctx,
  by: MarketBy,
  p: Period,
): Promise<ActivityRow[]> {
  const t = ctx.tenantId;
  const from = p.from.toISOString();
  const to = p.to.toISOString();
  const r = await exec.execute(sql`
    with sess as (
      select shopper_id, session_id, bool_or(type = 'purchase') as bought
      from events where tenant_id = ${t} and occurred_at >= ${from} and occurred_at < ${to}
      group by 1, 2
    ),
    act as (
      select shopper_id from sess where shopper_id is not null
      union
      select shopper_id from orders
      where tenant_id = ${t} and placed_at >= ${from} and placed_at < ${to} and shopper_id is not null
    )
    select market, sum(sessions)::int as sessions, sum(buying)::int as buying, sum(shoppers)::int as shoppers
    from (
      select ${shopperKey(by)} as market, count(session_id) as sessions,
        count(session_id) filter (where bought) as buying, 0 as shoppers
      from sess left join shoppers s on s.tenant_id = ${t} and s.id = sess.shopper_id
      group by 1
      union all
      select ${shopperKey(by)}, 0, 0, count(*)
      from act join shoppers s on s.tenant_id = ${t} and s.id = act.shopper_id
      group by 1
    ) k group by market`);
  return rowsOf<Record<string, unknown>>(r).map((x) => ({
    market: (x.market as string | null) ?? null,
    shoppers: num(x.shoppers),
    sessions: num(x.sessions),
    buyingSessions: num(x.buying),
  }));
}

export interface LineMixRow {
  market: string | null;
  productId: string | null;
  currency: string;
  /** Top-level category ('' without one) and the full path joined by " > ". */
  topCategory: string;
  categoryPath: string;
  /** The product's price percentile within its top-level category and currency, 0–1; null if unknown. */
  pricePercentile: number | null;
  lines: number;
  units: number;
  /** Σ quantity × unit price, minor units of `currency`. */
  revenueMinor: number;
  orders: number;
}

/** Order lines of paid orders per market, product and currency, with the product's category and price rank. */
export async function listLineMix(exec: Executor, ctx: Ctx, by: MarketBy, p: Period): Promise<LineMixRow[]> {
  const t = ctx.tenantId;
  const r = await exec.execute(sql`
    with pr as (
      select id, coalesce(category_path[1], '') as top, array_to_string(category_path, ' > ') as path,
        percent_rank() over (partition by coalesce(category_path[1], ''), upper(currency) order by price_minor) as pct
      from products where tenant_id = ${t}
    )
    select ${orderKey(by)} as market, l.product_id, upper(o.currency) as currency,
      coalesce(pr.top, '') as top, coalesce(pr.path, '') as path, pr.pct,
      count(*)::int as lines, sum(l.quantity)::int as units,
      sum(l.quantity::bigint * l.unit_price_minor)::bigint as revenue, count(distinct l.order_id)::int as orders
    from order_lines l
    join orders o on o.tenant_id = l.tenant_id and o.id = l.order_id
    left join shoppers s on s.tenant_id = o.tenant_id and s.id = o.shopper_id
    left join pr on pr.id = l.product_id
    where l.tenant_id = ${t} and o.status = 'paid'
      and o.placed_at >= ${p.from.toISOString()} and o.placed_at < ${p.to.toISOString()}
    group by 1, 2, 3, 4, 5, 6`);
  return rowsOf<Record<string, unknown>>(r).map((x) => ({
    market: (x.market as string | null) ?? null,
    productId: (x.product_id as string | null) ?? null,
    currency: String(x.currency),
    topCategory: String(x.top ?? ''),
    categoryPath: String(x.path ?? ''),
    pricePercentile: x.pct === null || x.pct === undefined ? null : Number(x.pct),
    lines: num(x.lines),
    units: num(x.units),
    revenueMinor: num(x.revenue),
    orders: num(x.orders),
  }));
}

export interface WeekHourRow {
  kind: 'orders' | 'views';
  /** 0 = Monday … 6 = Sunday, and 0–23, in the local time of the order's / shopper's country. */
  weekday: number;
  hour: number;
  count: number;
}

/**
 * One market's paid orders and product/page views by local weekday and hour. Local time is the
 * main zone of the order's (or viewer's) country, `fallbackZone` when it has none or an unknown one.
 */
export async function listWeekHours(
  exec: Executor,
  ctx: Ctx,
  by: MarketBy,
  market: string | null,
  p: Period,
  fallbackZone: string,
): Promise<WeekHourRow[]> {
  const t = ctx.tenantId;
  const from = p.from.toISOString();
  const to = p.to.toISOString();
  const zoneOf = (country: SQL) =>
    sql`case ${country} ${sql.join(
      countryZones().map(([c, z]) => sql`when ${c} then ${z}`),
      sql` `,
    )} else ${fallbackZone} end`;
  const r = await exec.execute(sql`
    select kind, (extract(isodow from local)::int - 1) as weekday, extract(hour from local)::int as hour,
      count(*)::int as n
    from (
      select 'orders' as kind, o.placed_at at time zone ${zoneOf(orderCountry)} as local
      from orders o left join shoppers s on s.tenant_id = o.tenant_id and s.id = o.shopper_id
      where o.tenant_id = ${t} and o.status = 'paid' and o.placed_at >= ${from} and o.placed_at < ${to}
        and ${isMarket(orderKey(by), market)}
      union all
      select 'views', e.occurred_at at time zone ${zoneOf(sql`upper(s.country)`)}
      from events e left join shoppers s on s.tenant_id = e.tenant_id and s.id = e.shopper_id
      where e.tenant_id = ${t} and e.type in ('view', 'page_view')
        and e.occurred_at >= ${from} and e.occurred_at < ${to} and ${isMarket(shopperKey(by), market)}
    ) x group by 1, 2, 3`);
  return rowsOf<Record<string, unknown>>(r).map((x) => ({
    kind: x.kind === 'orders' ? 'orders' : 'views',
    weekday: num(x.weekday),
    hour: num(x.hour),
    count: num(x.n),
  }));
}

/** Titles (in `locale`, else English, else any) of the workspace's products among `ids`. */
export async function listProductTitles(
  exec: Executor,
  ctx: Ctx,
  ids: readonly string[],
  locale: string,
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const r = await exec.execute(sql`
    select id, coalesce(title->>${locale}, title->>'en', (select v from jsonb_each_text(title) x(k, v) limit 1), external_id) as title
    from products where tenant_id = ${ctx.tenantId} and id = any(${`{${ids.join(',')}}`}::uuid[])`);
  return new Map(rowsOf<{ id: string; title: string }>(r).map((x) => [x.id, String(x.title)]));
}
