import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';

type Ctx = Pick<TenantContext, 'tenantId'>;
const num = (v: unknown) => Number(v ?? 0);

export interface WidgetDayRow {
  day: string; // YYYY-MM-DD (UTC)
  placement: string;
  variant: string;
  impressions: number;
  /** Impressions with a shopper (consent to identify): the only ones whose purchases can attribute. */
  identified: number;
  clicks: number;
}

/**
 * rec_impression / rec_click counts in [from, to) per UTC day, placement key and variant.
 * Events without a variant count as 'personalized' (the serving default before holdouts existed).
 */
export async function listWidgetDays(
  exec: Executor,
  ctx: Ctx,
  from: Date,
  to: Date,
): Promise<WidgetDayRow[]> {
  const r = await exec.execute(sql`
    select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day,
      coalesce(context->>'placement', '') as placement,
      case when context->>'variant' = 'holdout' then 'holdout' else 'personalized' end as variant,
      count(*) filter (where type = 'rec_impression')::int as impressions,
      count(*) filter (where type = 'rec_impression' and shopper_id is not null)::int as identified,
      count(*) filter (where type = 'rec_click')::int as clicks
    from events
    where tenant_id = ${ctx.tenantId} and type in ('rec_impression', 'rec_click')
      and occurred_at >= ${from.toISOString()} and occurred_at < ${to.toISOString()}
    group by 1, 2, 3 order by 1, 2, 3`);
  return rowsOf<WidgetDayRow>(r).map((x) => ({
    ...x,
    impressions: num(x.impressions),
    identified: num(x.identified),
    clicks: num(x.clicks),
  }));
}

export interface AttributedRow {
  kind: 'purchase' | 'add_to_cart';
  day: string; // of the purchase / add-to-cart (UTC)
  placement: string;
  variant: string;
  /** The attributed click's event id. */
  clickId: string;
  /** context.orderId, else the purchase's own event id; the add-to-cart's event id for carts. */
  orderKey: string;
  /** quantity × price_minor of lines in `currency`; 0 for carts and other-currency lines. */
  revenueMinor: number;
  /** Lines of this order (purchases) in another currency, not converted. */
  otherCurrencyLines: number;
  /** Lines in the workspace currency. */
  lines: number;
}

/**
 * Last-click attribution, product level. A purchase or add-to-cart of product P by shopper S at
 * time t (in [from, to)) goes to the latest rec_click on P by the same person at c with
 * t − windowDays ≤ c ≤ t. "Same person" compares canonical shoppers: a visitor shopper whose
 * anonymous id was later linked to a customer counts as that customer (identity_links), so clicks
 * made before signing in attribute to purchases made after. Events without a shopper (no consent
 * to identify) never attribute. One row per (kind, order or cart event, attributed placement).
 */
export async function listAttributed(
  exec: Executor,
  ctx: Ctx,
  from: Date,
  to: Date,
  windowDays: number,
  currency: string,
): Promise<AttributedRow[]> {
  const t = ctx.tenantId;
  const clicksFrom = new Date(from.getTime() - windowDays * 86_400_000).toISOString();
  const r = await exec.execute(sql`
    with ev as (
      select e.event_id, e.type, e.product_id, e.occurred_at, e.quantity, e.price_minor, e.currency,
        e.context, coalesce(l.shopper_id, e.shopper_id) as cid
      from events e
      left join shoppers s on s.tenant_id = e.tenant_id and s.id = e.shopper_id
      left join identity_links l on l.tenant_id = e.tenant_id and l.anonymous_id = s.anonymous_id
      where e.tenant_id = ${t} and e.shopper_id is not null and e.product_id is not null
        and e.occurred_at >= ${clicksFrom} and e.occurred_at < ${to.toISOString()}
        and ((e.type = 'rec_click' and e.occurred_at >= ${clicksFrom})
          or (e.type in ('purchase', 'add_to_cart') and e.occurred_at >= ${from.toISOString()}))
    ),
    -- No join against the clicked (person, product) pairs: without statistics on a CTE the planner
    -- picks a nested loop (minutes at demo size); partitions without a click simply keep grp = 0.
    u as (select ev.*, case when type = 'rec_click' then 0 else 1 end as ord from ev),
    -- Each click opens a group; every later purchase/cart of the same person and product joins the
    -- group of the latest click before it (ties: the click comes first, so c ≤ t holds).
    g as (
      select u.*, count(*) filter (where ord = 0) over (
        partition by cid, product_id order by occurred_at, ord, event_id rows unbounded preceding) as grp
      from u
    ),
    h as (
      select g.*,
        first_value(occurred_at) over w as click_at,
        first_value(event_id) over w as click_id,
        first_value(coalesce(context->>'placement', '')) over w as placement,
        first_value(case when context->>'variant' = 'holdout' then 'holdout' else 'personalized' end) over w as variant
      from g
      window w as (partition by cid, product_id, grp order by ord, occurred_at)
    )
    select type as kind, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, placement, variant,
      min(click_id) as click_id,
      case when type = 'purchase' then coalesce(context->>'orderId', event_id) else event_id end as order_key,
      coalesce(sum(coalesce(quantity, 1)::bigint * coalesce(price_minor, 0)) filter (where currency = ${currency}), 0)::bigint as revenue,
      count(*) filter (where currency is distinct from ${currency})::int as other_lines,
      count(*) filter (where currency = ${currency})::int as lines
    from h
    where ord = 1 and grp > 0 and occurred_at - click_at <= make_interval(days => ${windowDays})
    group by 1, 2, 3, 4, 6
    order by 2, 3, 4, 6`);
  return rowsOf<Record<string, unknown>>(r).map((x) => ({
    kind: x.kind === 'purchase' ? 'purchase' : 'add_to_cart',
    day: String(x.day),
    placement: String(x.placement),
    variant: String(x.variant),
    clickId: String(x.click_id),
    orderKey: String(x.order_key),
    revenueMinor: num(x.revenue),
    otherCurrencyLines: num(x.other_lines),
    lines: num(x.lines),
  }));
}

/** Placement key → name and scenario for the tenant's placements. */
export async function listPlacementLabels(exec: Executor, ctx: Ctx) {
  const r = await exec.execute(sql`
    select key, name, scenario from placements where tenant_id = ${ctx.tenantId} order by name`);
  return rowsOf<{ key: string; name: string; scenario: string }>(r);
}

/** Whether the tenant has ever received a widget impression (for the empty state). */
export async function hasImpressions(exec: Executor, ctx: Ctx): Promise<boolean> {
  const r = await exec.execute(sql`
    select exists(select 1 from events where tenant_id = ${ctx.tenantId} and type = 'rec_impression') as any`);
  return Boolean(rowsOf<{ any: boolean }>(r)[0]?.any);
}
