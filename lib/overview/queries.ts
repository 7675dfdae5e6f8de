import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';

export interface DailyRow {
  day: string; // YYYY-MM-DD in the workspace time zone
  revenueMinor: number;
  orders: number;
  events: number;
}

/**
 * Daily revenue (paid orders in `currency`), orders and events between `from` (inclusive) and
 * `to` (exclusive), bucketed by calendar day in `timeZone`. Each row says whether its bucket is
 * at or after `split` (`current`), so one scan serves a window and the one before it.
 */
export async function dailyActivity(
  exec: Executor,
  ctx: TenantContext,
  from: Date,
  to: Date,
  timeZone: string,
  currency: string,
  split: Date = from,
): Promise<(DailyRow & { current: boolean })[]> {
  const r = await exec.execute(sql`
    with o as (
      select (placed_at at time zone ${timeZone})::date::text as day, placed_at >= ${split.toISOString()} as cur,
             sum(case when status = 'paid' and currency = ${currency} then total_minor else 0 end)::bigint as revenue,
             count(*) filter (where status = 'paid')::int as orders
      from orders
      where tenant_id = ${ctx.tenantId} and placed_at >= ${from.toISOString()} and placed_at < ${to.toISOString()}
      group by 1, 2
    ), e as (
      select (occurred_at at time zone ${timeZone})::date::text as day, occurred_at >= ${split.toISOString()} as cur,
             count(*)::int as events
      from events
      where tenant_id = ${ctx.tenantId} and occurred_at >= ${from.toISOString()} and occurred_at < ${to.toISOString()}
      group by 1, 2
    )
    select coalesce(o.day, e.day) as day, coalesce(o.cur, e.cur) as cur, coalesce(o.revenue, 0) as revenue,
           coalesce(o.orders, 0) as orders, coalesce(e.events, 0) as events
    from o full outer join e on o.day = e.day and o.cur = e.cur
    order by 1`);
  return rowsOf<{ day: string; cur: boolean; revenue: string | number; orders: number; events: number }>(
    r,
  ).map((x) => ({
    day: x.day,
    current: Boolean(x.cur),
    revenueMinor: Number(x.revenue),
    orders: Number(x.orders),
    events: Number(x.events),
  }));
}

/** Distinct shoppers with an event or an order in the window. */
export async function activeShoppers(
  exec: Executor,
  ctx: TenantContext,
  from: Date,
  to: Date,
): Promise<number> {
  const r = await exec.execute(sql`
    select count(*)::int as n from (
      select shopper_id from events where tenant_id = ${ctx.tenantId} and shopper_id is not null
        and occurred_at >= ${from.toISOString()} and occurred_at < ${to.toISOString()}
      union
      select shopper_id from orders where tenant_id = ${ctx.tenantId} and shopper_id is not null
        and placed_at >= ${from.toISOString()} and placed_at < ${to.toISOString()}
    ) s`);
  return Number(rowsOf<{ n: number }>(r)[0]?.n ?? 0);
}

/** Paid orders in other currencies in the window (not summed into revenue; shown as a note). */
export async function otherCurrencyOrders(
  exec: Executor,
  ctx: TenantContext,
  from: Date,
  to: Date,
  currency: string,
): Promise<number> {
  const r = await exec.execute(sql`
    select count(*)::int as n from orders where tenant_id = ${ctx.tenantId} and status = 'paid' and currency <> ${currency}
      and placed_at >= ${from.toISOString()} and placed_at < ${to.toISOString()}`);
  return Number(rowsOf<{ n: number }>(r)[0]?.n ?? 0);
}

export async function catalogCounts(
  exec: Executor,
  ctx: TenantContext,
): Promise<{ products: number; shoppers: number }> {
  const r = await exec.execute(sql`
    select (select count(*)::int from products where tenant_id = ${ctx.tenantId}) as products,
           (select count(*)::int from shoppers where tenant_id = ${ctx.tenantId}) as shoppers`);
  const row = rowsOf<{ products: number; shoppers: number }>(r)[0];
  return { products: Number(row?.products ?? 0), shoppers: Number(row?.shoppers ?? 0) };
}

/**
 * Best-selling products by paid revenue in the window, with the catalog's titles (locale → title)
 * when the product is still in the catalog: order lines keep the title the shopper saw, in their
 * own language, so the page picks the workspace's from `titles` and falls back to `title`.
 */
export async function topProducts(
  exec: Executor,
  ctx: TenantContext,
  from: Date,
  to: Date,
  currency: string,
  limit = 5,
) {
  const r = await exec.execute(sql`
    with top as (
      select l.product_external_id as ext, coalesce(max(l.title), l.product_external_id) as title,
             sum(l.quantity)::int as units, sum(l.quantity * l.unit_price_minor)::bigint as revenue
      from order_lines l join orders o on o.tenant_id = l.tenant_id and o.id = l.order_id
      where l.tenant_id = ${ctx.tenantId} and o.status = 'paid' and o.currency = ${currency}
        and o.placed_at >= ${from.toISOString()} and o.placed_at < ${to.toISOString()}
      group by l.product_external_id order by revenue desc limit ${limit}
    )
    select top.ext as "externalId", top.title, p.title as titles, top.units, top.revenue
    from top left join products p on p.tenant_id = ${ctx.tenantId} and p.external_id = top.ext
    order by top.revenue desc, top.ext`);
  return rowsOf<{
    externalId: string;
    title: string;
    titles: Record<string, string> | null;
    units: number;
    revenue: string | number;
  }>(r).map((x) => ({ ...x, units: Number(x.units), revenueMinor: Number(x.revenue) }));
}
