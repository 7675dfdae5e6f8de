/**
 * The RFM summary the customer-value models are fitted on, from a shopper's paid orders strictly
 * before the as-of date, in continuous days. Every paid order counts as a purchase: merging orders
 * of the same day (or within an hour) was tried and made the UCI Online Retail holdout MAE worse
 * (182 days from 2011-06-09: £936.9 unmerged, £945.1 within an hour, £947.7 same day), because
 * several orders a day mark the busiest (wholesale) shoppers.
 */
import type { ShopperHistory } from '@/lib/predict/types';

export const DAY_MS = 86_400_000;

/** Calibration-period summary of one shopper; times in days. */
export interface ClvSummary {
  /** Repeat purchases: paid orders after the first one. */
  x: number;
  /** Days from the first purchase to the last one (0 when x = 0). */
  tx: number;
  /** Days from the first purchase to the as-of date (> 0, ≥ tx). */
  T: number;
  /** Mean spend of the repeat purchases, minor units (0 when x = 0). */
  m: number;
  /** Spend of all purchases (the first included), minor units. */
  spend: number;
}

/** Epoch ms of an as-of value; throws on an invalid date. */
export function epochOf(asOf: number | Date): number {
  const t = typeof asOf === 'number' ? asOf : asOf.getTime();
  if (!Number.isFinite(t)) throw new Error('asOf must be a valid date');
  return t;
}

/**
 * The summary of `h` as of `asOf` (epoch ms), or null when the shopper has no paid order with a
 * positive total before it. Orders need not be sorted.
 */
export function summarize(h: ShopperHistory, asOf: number): ClvSummary | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let firstTotal = 0;
  let count = 0;
  let spend = 0;
  for (const o of h.orders) {
    if (o.status !== 'paid' || !(o.at < asOf) || !(o.totalMinor > 0)) continue;
    count++;
    spend += o.totalMinor;
    if (o.at < first) {
      first = o.at;
      firstTotal = o.totalMinor;
    }
    if (o.at > last) last = o.at;
  }
  if (count === 0) return null;
  const x = count - 1;
  // A purchase at the very as-of instant is excluded above, so T > 0; the floor guards rounding.
  const T = Math.max((asOf - first) / DAY_MS, 1e-6);
  return { x, tx: (last - first) / DAY_MS, T, m: x > 0 ? (spend - firstTotal) / x : 0, spend };
}

/** Summaries of every shopper with a paid order before `asOf`. */
export function summarizeAll(histories: readonly ShopperHistory[], asOf: number): ClvSummary[] {
  const out: ClvSummary[] = [];
  for (const h of histories) {
    const s = summarize(h, asOf);
    if (s) out.push(s);
  }
  return out;
}
