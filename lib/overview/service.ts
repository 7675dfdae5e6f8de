import type { Executor } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import {
  activeShoppers,
  catalogCounts,
  dailyActivity,
  otherCurrencyOrders,
  topProducts,
  type DailyRow,
} from './queries';

export interface Kpi {
  current: number;
  previous: number;
  /** Relative change, e.g. 0.12 for +12 %; null when the previous period is zero. */
  change: number | null;
}

export interface Overview {
  windowDays: number;
  from: Date;
  to: Date;
  currency: string;
  revenue: Kpi;
  orders: Kpi;
  shoppers: Kpi;
  events: Kpi;
  averageOrderMinor: number | null;
  days: DailyRow[]; // every day of the window, zeros filled in
  otherCurrencyOrders: number;
  catalog: { products: number; shoppers: number };
  topProducts: Awaited<ReturnType<typeof topProducts>>;
}

const DAY = 86_400_000;

function kpi(current: number, previous: number): Kpi {
  return { current, previous, change: previous > 0 ? (current - previous) / previous : null };
}

/** Every calendar day (YYYY-MM-DD in `timeZone`) from `from` up to `to`. */
export function daysBetween(from: Date, to: Date, timeZone: string): string[] {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const out: string[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += DAY) {
    const d = fmt.format(new Date(t));
    if (out[out.length - 1] !== d) out.push(d);
  }
  const last = fmt.format(new Date(to.getTime() - 1));
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

/**
 * The workspace overview for the `windowDays` days up to `now`, compared with the window before.
 * Revenue counts paid orders in the workspace currency.
 */
export async function getOverview(
  exec: Executor,
  ctx: TenantContext,
  opts: { now?: Date; windowDays?: number; timeZone: string; currency: string },
): Promise<Overview> {
  const windowDays = opts.windowDays ?? 30;
  const to = opts.now ?? new Date();
  const from = new Date(to.getTime() - windowDays * DAY);
  const prevFrom = new Date(from.getTime() - windowDays * DAY);
  // One scan over both windows; the day buckets are split at the window boundary afterwards.
  const [both, shoppersNow, shoppersPrev, other, catalog, top] = await Promise.all([
    dailyActivity(exec, ctx, prevFrom, to, opts.timeZone, opts.currency, from),
    activeShoppers(exec, ctx, from, to),
    activeShoppers(exec, ctx, prevFrom, from),
    otherCurrencyOrders(exec, ctx, from, to, opts.currency),
    catalogCounts(exec, ctx),
    topProducts(exec, ctx, from, to, opts.currency),
  ]);
  const cur = both.filter((r) => r.current);
  const prev = both.filter((r) => !r.current);
  const sum = (rows: DailyRow[], k: 'revenueMinor' | 'orders' | 'events') =>
    rows.reduce((a, r) => a + r[k], 0);
  const byDay = new Map(cur.map((r) => [r.day, r]));
  const days = daysBetween(from, to, opts.timeZone).map(
    (day) => byDay.get(day) ?? { day, revenueMinor: 0, orders: 0, events: 0 },
  );
  const revenue = sum(cur, 'revenueMinor');
  const orders = sum(cur, 'orders');
  return {
    windowDays,
    from,
    to,
    currency: opts.currency,
    revenue: kpi(revenue, sum(prev, 'revenueMinor')),
    orders: kpi(orders, sum(prev, 'orders')),
    shoppers: kpi(shoppersNow, shoppersPrev),
    events: kpi(sum(cur, 'events'), sum(prev, 'events')),
    averageOrderMinor: orders > 0 ? Math.round(revenue / orders) : null,
    days,
    otherCurrencyOrders: other,
    catalog,
    topProducts: top,
  };
}

const CACHE_MS = 60_000;
const g = globalThis as unknown as {
  __tailorOverviewCache?: Map<string, { at: number; value: Promise<Overview> }>;
};
g.__tailorOverviewCache ??= new Map();
const cache = g.__tailorOverviewCache;

/**
 * The overview as the dashboard shows it: computed at most once a minute per workspace and
 * settings (a 30-day view does not need per-request freshness; scanning the window costs
 * hundreds of milliseconds on a busy store).
 */
export function getOverviewCached(
  exec: Executor,
  ctx: TenantContext,
  opts: { timeZone: string; currency: string },
): Promise<Overview> {
  const key = `${ctx.tenantId}|${opts.timeZone}|${opts.currency}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  const value = getOverview(exec, ctx, { ...opts, now: new Date(now) });
  cache.set(key, { at: now, value });
  value.catch(() => cache.delete(key));
  if (cache.size > 5_000) cache.delete(cache.keys().next().value as string);
  return value;
}

/** Drops a workspace's cached overview (after an import or sync changed its data). */
export function invalidateOverview(tenantId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${tenantId}|`)) cache.delete(key);
}
