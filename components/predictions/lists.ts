/**
 * The "At risk" and "Ready to buy" lists (pure, no React): which score each sorts by, the
 * thresholds a merchant can pick, the segment rules a list is saved as, and how many shoppers a
 * threshold covers according to the score histogram.
 */
import { LIST_THRESHOLDS } from '@/lib/predict/service-constants';
import type { SegmentRules } from '@/lib/segments/schemas';

export type ListKind = 'churn' | 'propensity';

export interface ListDefinition {
  kind: ListKind;
  /** URL segment under /<slug>/predictions. */
  path: 'at-risk' | 'ready-to-buy';
  title: string;
  description: string;
  /** Default threshold (a probability). */
  threshold: number;
  scoreHeader: string;
  segmentPrefix: string;
}

export const LISTS: Record<ListKind, ListDefinition> = {
  churn: {
    kind: 'churn',
    path: 'at-risk',
    title: 'At risk',
    description: 'Customers most likely to place no order in the churn horizon, highest risk first.',
    threshold: LIST_THRESHOLDS.churn,
    scoreHeader: 'Churn risk',
    segmentPrefix: 'At risk',
  },
  propensity: {
    kind: 'propensity',
    path: 'ready-to-buy',
    title: 'Ready to buy',
    description: 'Shoppers most likely to place an order in the propensity horizon, most likely first.',
    threshold: LIST_THRESHOLDS.propensity,
    scoreHeader: 'Purchase propensity',
    segmentPrefix: 'Ready to buy',
  },
};

/** The thresholds offered (bin edges of the 10-bin histogram, so the count above one is exact). */
export const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

/** `?min=` as one of THRESHOLDS (given as 0.7 or 70); anything else gives the list's default. */
export function parseThreshold(raw: string | string[] | undefined, fallback: number): number {
  const text = Array.isArray(raw) ? raw[0] : raw;
  if (!text) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n)) return fallback;
  const p = n > 1 ? n / 100 : n;
  return THRESHOLDS.find((t) => Math.abs(t - p) < 1e-9) ?? fallback;
}

/** Segment rules "score ≥ threshold" over the live score of `kind`. */
export function thresholdRules(kind: ListKind, threshold: number): SegmentRules {
  return { match: 'all', conditions: [{ field: kind, op: 'gte', value: threshold }] };
}

/** "At risk: churn risk ≥ 60%". */
export function defaultSegmentName(kind: ListKind, threshold: number): string {
  const what = kind === 'churn' ? 'churn risk' : 'purchase propensity';
  return `${LISTS[kind].segmentPrefix}: ${what} ≥ ${Math.round(threshold * 100)}%`;
}

/**
 * Shoppers with a score at or above `threshold` according to the histogram, or null when the
 * threshold falls inside a bin (then the histogram cannot say).
 */
export function countAtOrAbove(
  bins: readonly { from: number; to: number; count: number }[],
  threshold: number,
): number | null {
  let n = 0;
  for (const b of bins) {
    if (b.from >= threshold - 1e-9) n += b.count;
    else if (b.to > threshold + 1e-9) return null;
  }
  return n;
}
