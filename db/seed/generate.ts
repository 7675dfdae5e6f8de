import { type EventRow, type OrderLineRow, type OrderRow, simulateActivity } from './activity';
import { generateCatalog, type ProductRow } from './catalog';
import { Rng, deriveSeed } from './random';
import { generateShoppers, type ShopperRow } from './shoppers';
import { makeTimeline } from './timeline';
import { CATEGORIES } from './vocab/index';
import { simulateWidgetTraffic } from './widgets';

export type { EventRow, OrderLineRow, OrderRow, ProductRow, ShopperRow };

/** The seed the demo workspace uses unless told otherwise. */
export const DEMO_SEED = 2026;
/** Bumped whenever the generator's output changes shape or meaning. */
export const DEMO_GENERATOR_VERSION = 2;

/** Full-scale sizes (scale = 1). */
export const DEMO_SIZES = {
  products: 640,
  customers: 3200,
  visitors: 2400,
  trending: 12,
  days: 120,
} as const;

export interface DemoStoreOptions {
  /** Written into every row. */
  tenantId: string;
  /** The end of the history (exclusive): nothing happens at or after it. */
  now: Date;
  seed?: number;
  /** Multiplies products, customers and visitors (0.1 for fast tests); 1 = full size. */
  scale?: number;
  /** Days of history (default 120). */
  days?: number;
  /** The store currency all prices are in (default EUR). */
  currency?: string;
}

/** The hidden truth behind the data, for evaluating models against what really drove behaviour. */
export interface DemoTruth {
  shoppers: {
    id: string;
    kind: 'customer' | 'visitor';
    /** Interest per category key, summing to 1. */
    affinity: Record<string, number>;
    pricePreference: number;
    priceSensitivity: number;
    visitsPerDay: number;
    interPurchaseDays: number;
    acquiredAt: Date;
    /** When the shopper stopped coming back, if before `now`. */
    churnedAt: Date | null;
  }[];
  trendingProductIds: string[];
}

export interface DemoStore {
  products: ProductRow[];
  shoppers: ShopperRow[];
  orders: OrderRow[];
  orderLines: OrderLineRow[];
  events: EventRow[];
  truth: DemoTruth;
}

/**
 * Indices of `times` in ascending time order, ties in index order. Packs (time, index) into one
 * double and sorts a Float64Array natively, which is far faster than a comparator sort over
 * objects; falls back to the comparator when the packed key would not fit in 53 bits.
 */
export function chronologicalOrder(times: readonly number[]): Uint32Array {
  const n = times.length;
  const out = new Uint32Array(n);
  if (n === 0) return out;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const t of times) {
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  const slots = 2 ** Math.ceil(Math.log2(n + 1));
  if ((max - min + 1) * slots < 2 ** 53 && times.every(Number.isInteger)) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (times[i]! - min) * slots + i;
    keys.sort();
    for (let i = 0; i < n; i++) out[i] = keys[i]! % slots;
    return out;
  }
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a]! - times[b]! || a - b);
  out.set(idx);
  return out;
}

/**
 * Generates the whole demo store as plain rows, deterministically: the same options give
 * byte-identical output. Pure (no database, no clock, no Math.random). Full scale takes about
 * 2.5 s of CPU and yields 640 products, 5,600 shoppers, ~3.7k orders and ~210k events.
 */
export function generateDemoStore(options: DemoStoreOptions): DemoStore {
  const seed = options.seed ?? DEMO_SEED;
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error('scale must be positive');
  const currency = options.currency ?? 'EUR';
  const timeline = makeTimeline(options.now, options.days ?? DEMO_SIZES.days);
  const { tenantId } = options;

  const catalog = generateCatalog(deriveSeed(seed, 'catalog'), {
    tenantId,
    currency,
    timeline,
    count: Math.max(40, Math.round(DEMO_SIZES.products * scale)),
    trending: Math.max(2, Math.round(DEMO_SIZES.trending * Math.min(1, scale * 2))),
  });
  const shoppers = generateShoppers(deriveSeed(seed, 'shoppers'), {
    tenantId,
    timeline,
    customers: Math.max(20, Math.round(DEMO_SIZES.customers * scale)),
    visitors: Math.round(DEMO_SIZES.visitors * scale),
  });
  const activity = simulateActivity({ seed, tenantId, currency, timeline, catalog, shoppers });
  const widgets = simulateWidgetTraffic(deriveSeed(seed, 'widgets'), {
    tenantId,
    timeline,
    events: activity.events,
  });
  for (let i = 0; i < widgets.events.length; i++) {
    activity.events.push(widgets.events[i]!);
    activity.eventTimes.push(widgets.times[i]!);
  }

  const order = chronologicalOrder(activity.eventTimes);
  const events: EventRow[] = new Array(order.length);
  order.forEach((from, i) => {
    const row = activity.events[from]!;
    row.eventId = `demo-${String(i + 1).padStart(7, '0')}`;
    events[i] = row;
  });
  activity.orders.sort((a, b) => a.t - b.t);
  const orders: OrderRow[] = [];
  const orderLines: OrderLineRow[] = [];
  activity.orders.forEach((o, i) => {
    o.row.externalId = `D${100001 + i}`;
    for (const c of o.contexts) c.orderNumber = o.row.externalId;
    orders.push(o.row);
    orderLines.push(...o.lines);
  });

  const dormant = new Rng(deriveSeed(seed, 'dormant'));
  shoppers.rows.forEach((row, i) => {
    const seen = activity.seen[i]!;
    const model = shoppers.models[i]!;
    if (!Number.isNaN(seen.first) && model.acquiredMs >= timeline.startMs) {
      row.firstSeenAt = new Date(seen.first);
      row.createdAt = row.firstSeenAt;
    }
    // Shoppers without a session in the window were last seen some time before it.
    const last = Number.isNaN(seen.last)
      ? model.acquiredMs + dormant.next() * (timeline.startMs - model.acquiredMs)
      : seen.last;
    row.lastSeenAt = new Date(Math.max(last, row.firstSeenAt!.getTime()));
    row.updatedAt = row.lastSeenAt;
  });

  return {
    products: catalog.rows,
    shoppers: shoppers.rows,
    orders,
    orderLines,
    events,
    truth: {
      shoppers: shoppers.models.map((m) => ({
        id: m.id,
        kind: m.kind,
        affinity: Object.fromEntries(CATEGORIES.map((c, i) => [c.key, m.affinity[i]!])),
        pricePreference: m.pricePreference,
        priceSensitivity: m.priceSensitivity,
        visitsPerDay: m.visitRate,
        interPurchaseDays: m.interPurchaseDays,
        acquiredAt: new Date(m.acquiredMs),
        churnedAt: m.churnMs < timeline.nowMs ? new Date(m.churnMs) : null,
      })),
      trendingProductIds: catalog.models.filter((m) => Number.isFinite(m.trendFromDay)).map((m) => m.id),
    },
  };
}
