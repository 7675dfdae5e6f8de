import type { DemoStore } from './generate';
import { DAY_MS } from './timeline';

/** Figures that show the generated store has the intended shape (used by tests and the timing script). */
export interface DemoStoreStats {
  counts: {
    products: number;
    shoppers: number;
    customers: number;
    visitors: number;
    orders: number;
    orderLines: number;
    events: number;
  };
  eventsByType: Record<string, number>;
  categories: number;
  brands: number;
  /** Products carrying a title in each locale. */
  titleLocales: Record<string, number>;
  fullyTranslated: number;
  countries: number;
  outOfStock: number;
  publishedLast30Days: number;
  /** Days between the first and the last event. */
  spanDays: number;
  /** Mean orders per calendar day, Sunday first (UTC). */
  ordersPerWeekday: number[];
  /** Orders per day in the last 30 days divided by the first 30. */
  growth: number;
  /** Customers with two or more orders. */
  repeatBuyers: number;
  buyers: number;
  /** Customers who were active in the window but not in its last 30 days. */
  lapsed: number;
  /** Mean days between consecutive orders of repeat buyers. */
  meanInterPurchaseDays: number;
  ordersByStatus: Record<string, number>;
  revenueMinor: number;
}

function tally<T>(items: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) {
    const k = key(x);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function summarizeDemoStore(store: DemoStore, now: Date): DemoStoreStats {
  const nowMs = now.getTime();
  const { products, shoppers, orders, events } = store;
  const titleLocales: Record<string, number> = {};
  for (const p of products)
    for (const l of Object.keys(p.title)) titleLocales[l] = (titleLocales[l] ?? 0) + 1;

  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  const lastSeen = new Map<string, number>();
  for (const e of events) {
    const t = e.occurredAt.getTime();
    first = Math.min(first, t);
    last = Math.max(last, t);
    if (e.shopperId) lastSeen.set(e.shopperId, Math.max(lastSeen.get(e.shopperId) ?? 0, t));
  }

  const weekdayOrders = [0, 0, 0, 0, 0, 0, 0];
  const weekdayDays = [0, 0, 0, 0, 0, 0, 0];
  const daySet = new Set<number>();
  for (let t = Math.floor(first / DAY_MS) * DAY_MS; t < nowMs - DAY_MS; t += DAY_MS) {
    if (t < first) continue;
    daySet.add(t);
    weekdayDays[new Date(t).getUTCDay()]! += 1;
  }
  const byShopper = new Map<string, number[]>();
  let early = 0;
  let late = 0;
  for (const o of orders) {
    const t = o.placedAt.getTime();
    const day = Math.floor(t / DAY_MS) * DAY_MS;
    if (daySet.has(day)) weekdayOrders[new Date(t).getUTCDay()]! += 1;
    if (t < first + 30 * DAY_MS) early++;
    if (t >= nowMs - 30 * DAY_MS) late++;
    if (o.shopperId) byShopper.set(o.shopperId, [...(byShopper.get(o.shopperId) ?? []), t]);
  }
  let gaps = 0;
  let gapSum = 0;
  for (const times of byShopper.values()) {
    for (let i = 1; i < times.length; i++) {
      gaps++;
      gapSum += (times[i]! - times[i - 1]!) / DAY_MS;
    }
  }
  const customers = shoppers.filter((s) => s.kind === 'customer');
  const lapsed = customers.filter((s) => {
    const t = lastSeen.get(s.id!);
    return t !== undefined && t < nowMs - 30 * DAY_MS;
  }).length;

  return {
    counts: {
      products: products.length,
      shoppers: shoppers.length,
      customers: customers.length,
      visitors: shoppers.length - customers.length,
      orders: orders.length,
      orderLines: store.orderLines.length,
      events: events.length,
    },
    eventsByType: tally(events, (e) => e.type),
    categories: new Set(products.map((p) => p.categoryPath?.[0])).size,
    brands: new Set(products.map((p) => p.brand)).size,
    titleLocales,
    fullyTranslated: products.filter((p) => Object.keys(p.title).length === 6).length,
    countries: new Set(shoppers.map((s) => s.country)).size,
    outOfStock: products.filter((p) => p.stock === 0).length,
    publishedLast30Days: products.filter(
      (p) => p.publishedAt && p.publishedAt.getTime() >= nowMs - 30 * DAY_MS,
    ).length,
    spanDays: (last - first) / DAY_MS,
    ordersPerWeekday: weekdayOrders.map((n, i) => n / Math.max(1, weekdayDays[i]!)),
    growth: late / Math.max(1, early),
    repeatBuyers: [...byShopper.values()].filter((t) => t.length >= 2).length,
    buyers: byShopper.size,
    lapsed,
    meanInterPurchaseDays: gaps ? gapSum / gaps : 0,
    ordersByStatus: tally(orders, (o) => o.status ?? 'paid'),
    revenueMinor: orders.reduce((s, o) => s + o.totalMinor, 0),
  };
}
