import type { RfmSegment } from '@/db/schema';
import type { RfmDistribution, RfmScores } from './types';

/**
 * RFM quintile scores (1–5, 5 best) and the usual segment names.
 *
 * A value's score is its mid-rank percentile within the workspace's customers with a paid order:
 * p = (#values below + #values at or below) / 2n, score = 1 + floor(5p) (capped at 5). Mid-ranks
 * keep ties together: with 60 % of customers on one order they all score 2 for frequency, not a
 * mix of 1s, 2s and 3s decided by row order. Recency counts fewer days as better.
 */

/** Largest sample kept per measure: the scores are then within 0.1 percentile of exact. */
export const RFM_SAMPLE = 1_000;

const byNumber = (a: number, b: number) => a - b;

/** Sorted, evenly spaced samples (quantiles) of `values`, at most RFM_SAMPLE long. */
export function quantileSample(values: readonly number[], size = RFM_SAMPLE): number[] {
  const sorted = values.filter(Number.isFinite).sort(byNumber);
  if (sorted.length <= size) return sorted;
  const out: number[] = [];
  for (let i = 0; i < size; i++) out.push(sorted[Math.round((i * (sorted.length - 1)) / (size - 1))]!);
  return out;
}

/** Index of the first element of sorted `a` that is >= x (strict = false) or > x (strict = true). */
function bound(a: readonly number[], x: number, strict: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? a[mid]! <= x : a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The 1–5 quintile score of `x` in the sorted sample, higher values scoring higher; 3 for an
 * empty sample (no reference: the middle).
 */
export function quintileScore(sorted: readonly number[], x: number): number {
  if (sorted.length === 0) return 3;
  const below = bound(sorted, x, false);
  const atOrBelow = bound(sorted, x, true);
  const p = (below + atOrBelow) / (2 * sorted.length);
  return Math.min(5, 1 + Math.floor(p * 5));
}

/** The distribution of the given customers' measures (only those with a paid order count). */
export function buildRfmDistribution(
  rows: readonly { recencyDays: number; orders: number; monetaryMinor: number }[],
  measuredAt: number,
): RfmDistribution {
  const buyers = rows.filter((r) => r.orders > 0);
  return {
    recencyDays: quantileSample(buyers.map((r) => r.recencyDays)),
    frequency: quantileSample(buyers.map((r) => r.orders)),
    monetary: quantileSample(buyers.map((r) => r.monetaryMinor)),
    measuredAt,
  };
}

/**
 * The segment for R and F scores (the usual R/F grid; M refines ranking, not the name):
 *
 * | R \ F | 1              | 2              | 3               | 4       | 5           |
 * |-------|----------------|----------------|-----------------|---------|-------------|
 * | 5     | new            | potential_loy. | potential_loy.  | champ.  | champions   |
 * | 4     | promising      | potential_loy. | potential_loy.  | loyal   | loyal       |
 * | 3     | about_to_sleep | about_to_sleep | need_attention  | loyal   | loyal       |
 * | 2     | hibernating    | hibernating    | at_risk         | at_risk | cannot_lose |
 * | 1     | lost           | lost           | at_risk         | at_risk | cannot_lose |
 */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r <= 2) {
    if (f >= 5) return 'cannot_lose';
    if (f >= 3) return 'at_risk';
    return r === 1 ? 'lost' : 'hibernating';
  }
  if (r === 3) {
    if (f >= 4) return 'loyal';
    return f === 3 ? 'need_attention' : 'about_to_sleep';
  }
  if (f >= 4) return r === 5 ? 'champions' : 'loyal';
  if (f >= 2) return 'potential_loyalists';
  return r === 5 ? 'new' : 'promising';
}

/**
 * Scores one customer against a distribution. `recencyDays` is measured now; the distribution's
 * recency samples are shifted by the time since they were measured, so an incremental update
 * days after the last rebuild compares like with like. Null without a paid order.
 */
export function scoreRfm(
  dist: RfmDistribution | null,
  m: { recencyDays: number | null; orders: number; monetaryMinor: number },
  now: number,
): RfmScores | null {
  if (m.orders <= 0 || m.recencyDays === null) return null;
  const shift = dist ? Math.max(0, (now - dist.measuredAt) / 86_400_000) : 0;
  // Fewer days is better: score the negated value against the negated, shifted sample.
  const rSample = dist ? dist.recencyDays.map((d) => -(d + shift)).reverse() : [];
  const r = quintileScore(rSample, -m.recencyDays);
  const f = quintileScore(dist?.frequency ?? [], m.orders);
  const mm = quintileScore(dist?.monetary ?? [], m.monetaryMinor);
  return { r, f, m: mm, segment: rfmSegment(r, f) };
}
