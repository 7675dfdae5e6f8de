import { type Rates, convertMinor } from '@/lib/currency/convert';
import type { ActivityRow, LineMixRow, OrderTotalRow } from './queries';
import type { Mix } from './similarity';
import { weightedMedian } from './similarity';

/** Pure assembly of the grouped query rows into per-market figures. */

/** Below this percentile of its category's prices a product counts as the budget end. */
export const BUDGET_PERCENTILE = 1 / 3;

export interface CategoryShare {
  name: string;
  /** Line revenue converted to the workspace currency (minor units); unconvertible lines left out. */
  revenueMinor: number;
  lines: number;
  /** Share of the market's converted line revenue, 0–1. */
  share: number;
}

export interface MarketFigures {
  /** Country code / locale tag; null for orders and shoppers without one. */
  key: string | null;
  shoppers: number;
  /** Paid orders, all currencies. */
  orders: number;
  /** Converted revenue of the orders whose currency has a rate (or is the workspace currency). */
  revenueMinor: number;
  convertedOrders: number;
  /** Orders left out of revenue for want of a rate, and their currencies. */
  unconvertedOrders: number;
  unconvertedCurrencies: string[];
  sessions: number;
  buyingSessions: number;
  /** Sessions with a purchase ÷ sessions, 0–1; null without sessions. */
  conversion: number | null;
  /** Converted revenue ÷ converted orders (minor units); null without any. */
  aovMinor: number | null;
  /** Median (over order lines) price percentile within the product's category, 0–1; null without lines. */
  pricePosition: number | null;
  /** Share of order lines from the cheapest third of their category, 0–1; null without lines. */
  budgetShare: number | null;
  categories: CategoryShare[];
}

const keyOf = (k: string | null) => k ?? '\u0000';

function blank(key: string | null): MarketFigures {
  return {
    key,
    shoppers: 0,
    orders: 0,
    revenueMinor: 0,
    convertedOrders: 0,
    unconvertedOrders: 0,
    unconvertedCurrencies: [],
    sessions: 0,
    buyingSessions: 0,
    conversion: null,
    aovMinor: null,
    pricePosition: null,
    budgetShare: null,
    categories: [],
  };
}

/**
 * Per-market figures from the three grouped queries, converting money with `rates`. Markets
 * appear when they have any order, session or active shopper. Sorted by revenue, then orders.
 */
export function summarizeMarkets(
  totals: readonly OrderTotalRow[],
  activity: readonly ActivityRow[],
  lines: readonly LineMixRow[],
  rates: Rates,
): MarketFigures[] {
  const out = new Map<string, MarketFigures>();
  const get = (k: string | null) => {
    const id = keyOf(k);
    const found = out.get(id);
    if (found) return found;
    const m = blank(k);
    out.set(id, m);
    return m;
  };
  for (const t of totals) {
    const m = get(t.market);
    m.orders += t.orders;
    const c = convertMinor(t.revenueMinor, t.currency, rates);
    if (c === null) {
      m.unconvertedOrders += t.orders;
      if (!m.unconvertedCurrencies.includes(t.currency)) m.unconvertedCurrencies.push(t.currency);
    } else {
      m.revenueMinor += c;
      m.convertedOrders += t.orders;
    }
  }
  for (const a of activity) {
    const m = get(a.market);
    m.shoppers += a.shoppers;
    m.sessions += a.sessions;
    m.buyingSessions += a.buyingSessions;
  }
  const cats = new Map<string, Map<string, { revenueMinor: number; lines: number }>>();
  const ranks = new Map<string, { value: number; weight: number }[]>();
  for (const l of lines) {
    const id = keyOf(l.market);
    get(l.market);
    const byCat = cats.get(id) ?? new Map();
    cats.set(id, byCat);
    const c = byCat.get(l.topCategory) ?? { revenueMinor: 0, lines: 0 };
    c.lines += l.lines;
    c.revenueMinor += convertMinor(l.revenueMinor, l.currency, rates) ?? 0;
    byCat.set(l.topCategory, c);
    if (l.pricePercentile !== null) {
      const list = ranks.get(id) ?? [];
      list.push({ value: l.pricePercentile, weight: l.lines });
      ranks.set(id, list);
    }
  }
  for (const [id, m] of out) {
    m.conversion = m.sessions > 0 ? m.buyingSessions / m.sessions : null;
    m.aovMinor = m.convertedOrders > 0 ? m.revenueMinor / m.convertedOrders : null;
    m.unconvertedCurrencies.sort();
    const r = ranks.get(id) ?? [];
    const weight = r.reduce((s, x) => s + x.weight, 0);
    m.pricePosition = weightedMedian(r);
    m.budgetShare =
      weight > 0
        ? r.filter((x) => x.value < BUDGET_PERCENTILE).reduce((s, x) => s + x.weight, 0) / weight
        : null;
    const byCat = [...(cats.get(id) ?? new Map<string, { revenueMinor: number; lines: number }>())];
    const catTotal = byCat.reduce((s, [, c]) => s + c.revenueMinor, 0);
    m.categories = byCat
      .map(([name, c]) => ({ name, ...c, share: catTotal > 0 ? c.revenueMinor / catTotal : 0 }))
      .sort((a, b) => b.revenueMinor - a.revenueMinor || b.lines - a.lines || a.name.localeCompare(b.name));
  }
  return [...out.values()].sort(
    (a, b) =>
      b.revenueMinor - a.revenueMinor || b.orders - a.orders || keyOf(a.key).localeCompare(keyOf(b.key)),
  );
}

/**
 * The purchase mixes used to compare markets (unknown market left out): per market, order lines
 * per full category path (`categories`) and orders per product (`products`).
 */
export function purchaseMixes(lines: readonly LineMixRow[]): {
  categories: Map<string, Mix>;
  products: Map<string, Mix>;
} {
  const categories = new Map<string, Map<string, number>>();
  const products = new Map<string, Map<string, number>>();
  const add = (m: Map<string, Map<string, number>>, market: string, k: string, v: number) => {
    const inner = m.get(market) ?? new Map<string, number>();
    inner.set(k, (inner.get(k) ?? 0) + v);
    m.set(market, inner);
  };
  for (const l of lines) {
    if (l.market === null) continue;
    add(categories, l.market, l.categoryPath || '(none)', l.lines);
    if (l.productId) add(products, l.market, l.productId, l.orders);
  }
  return { categories, products };
}
