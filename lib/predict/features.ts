/**
 * Behaviour features of one shopper as of a date (issue 5), for the churn and propensity models.
 * Only facts strictly before `asOf` are read, so a history that already holds the future gives
 * the same features (the leakage test checks it). Values are raw (days, counts, money in major
 * units, shares); NaN means "not defined for this shopper" (e.g. the gap between orders of a
 * one-order shopper) and the model gives it a bin of its own. Labels and formatting: features-spec.ts.
 */
import type { ShopperHistory } from '@/lib/predict/types';
import { FEATURES, type FeatureKey } from './features-spec';

export { FEATURES, type FeatureKey, type FeatureSpec, featureSpec, formatFeature } from './features-spec';

const DAY = 86_400_000;

export interface FeatureContext {
  /** The store's home market (its most common shopper country), for the `homeMarket` flag. */
  home: string | null;
}

/** Most common non-null country among the histories (ties: alphabetical), or null. */
export function homeMarketOf(histories: readonly ShopperHistory[]): string | null {
  const counts = new Map<string, number>();
  for (const h of histories) if (h.country) counts.set(h.country, (counts.get(h.country) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [c, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** Calendar month index (UTC) of an epoch-ms time. */
function monthOf(t: number): number {
  const d = new Date(t);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * The features of `h` as of `asOf` (epoch ms), one value per entry of FEATURES, in that order.
 * Pure and cheap (one pass over orders and events).
 */
export function shopperFeatures(h: ShopperHistory, asOf: number, ctx: FeatureContext): Float64Array {
  const v: Record<FeatureKey, number> = Object.fromEntries(FEATURES.map((f) => [f.key, 0])) as Record<
    FeatureKey,
    number
  >;
  let first = h.firstSeenAt !== null && h.firstSeenAt < asOf ? h.firstSeenAt : Number.POSITIVE_INFINITY;
  let paid = 0;
  let allOrders = 0;
  let problems = 0;
  let spend = 0;
  let items = 0;
  let products = 0;
  let firstPaid = Number.NaN;
  let lastPaid = Number.NaN;
  let prevPaid = Number.NaN;
  let spendRecent = 0;
  let spendBefore = 0;
  let lastValue = 0;
  const gaps: number[] = [];
  let prevAt = Number.NaN;
  const months = new Set<number>();
  const categories = new Set<string>();
  for (const o of h.orders) {
    if (o.at >= asOf) continue;
    first = Math.min(first, o.at);
    allOrders++;
    if (o.status !== 'paid') {
      problems++;
      continue;
    }
    paid++;
    const age = (asOf - o.at) / DAY;
    const money = o.totalMinor / 100;
    spend += money;
    items += o.items;
    products += o.products;
    if (Number.isNaN(firstPaid) || o.at < firstPaid) firstPaid = o.at;
    if (Number.isNaN(lastPaid) || o.at > lastPaid) {
      lastValue = money;
      prevPaid = lastPaid;
      lastPaid = o.at;
    } else if (Number.isNaN(prevPaid) || o.at > prevPaid) prevPaid = o.at;
    if (age < 30) v.orders30++;
    if (age < 90) v.orders90++;
    if (age < 180) v.orders180++;
    if (age < 365) v.orders365++;
    v.decayedOrders += 0.5 ** (age / 60);
    if (age >= 275 && age < 365) v.seasonOrders++;
    if (!Number.isNaN(prevAt)) gaps.push(Math.abs(o.at - prevAt) / DAY);
    prevAt = o.at;
    if (age < 90) spendRecent += money;
    else if (age < 180) spendBefore += money;
    months.add(monthOf(o.at));
    for (const c of o.categories ?? []) categories.add(c);
  }
  const sessions = [new Set<string>(), new Set<string>(), new Set<string>()];
  let lastEvent = Number.NaN;
  for (const e of h.events) {
    if (e.at >= asOf) continue;
    first = Math.min(first, e.at);
    if (Number.isNaN(lastEvent) || e.at > lastEvent) lastEvent = e.at;
    const age = (asOf - e.at) / DAY;
    // Events without a session id count one session per day.
    const session = e.sessionId ?? `day:${Math.floor(e.at / DAY)}`;
    if (age < 7) sessions[0]!.add(session);
    if (age < 30) sessions[1]!.add(session);
    if (age < 90) sessions[2]!.add(session);
    if (age < 30 && e.type === 'view') v.views30++;
    if (age < 30 && e.type === 'add_to_cart') v.carts30++;
    if (age < 30 && e.type === 'add_to_cart' && !(e.at <= lastPaid)) v.openCarts30++;
  }
  v.frequency = paid;
  v.monetary = spend;
  v.recencyDays = paid ? (asOf - lastPaid) / DAY : Number.NaN;
  v.aov = paid ? spend / paid : Number.NaN;
  v.itemsPerOrder = paid ? items / paid : Number.NaN;
  v.productsPerOrder = paid ? products / paid : Number.NaN;
  v.tenureDays = Number.isFinite(first) ? (asOf - first) / DAY : Number.NaN;
  v.firstOrderDays = paid ? (asOf - firstPaid) / DAY : Number.NaN;
  v.meanGapDays = paid >= 2 ? (lastPaid - firstPaid) / DAY / (paid - 1) : Number.NaN;
  v.lastGapDays = paid >= 2 ? (lastPaid - prevPaid) / DAY : Number.NaN;
  v.overdue = paid >= 2 ? v.recencyDays / Math.max(v.meanGapDays, 1) : Number.NaN;
  v.ordersPerMonth = paid ? paid / ((v.firstOrderDays + 30) / 30) : 0;
  const meanGap = gaps.reduce((a, b) => a + b, 0) / (gaps.length || 1);
  v.gapVariation =
    gaps.length >= 2
      ? Math.sqrt(gaps.reduce((a, g) => a + (g - meanGap) ** 2, 0) / gaps.length) / (meanGap + 1)
      : Number.NaN;
  v.unitPrice = items > 0 ? spend / items : Number.NaN;
  v.lastOrderShare = paid ? lastValue / Math.max(v.aov, 0.01) : Number.NaN;
  v.spendTrend = Math.log((spendRecent + 1) / (spendBefore + 1));
  v.monthsActive = months.size;
  v.problemShare = allOrders ? problems / allOrders : Number.NaN;
  v.categories = categories.size;
  v.homeMarket = h.country === null || ctx.home === null ? Number.NaN : h.country === ctx.home ? 1 : 0;
  v.sessions7 = sessions[0]!.size;
  v.sessions30 = sessions[1]!.size;
  v.sessions90 = sessions[2]!.size;
  v.eventRecencyDays = Number.isNaN(lastEvent) ? Number.NaN : (asOf - lastEvent) / DAY;
  return Float64Array.from(FEATURES, (f) => v[f.key]);
}
