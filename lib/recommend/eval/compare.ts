/**
 * Paired comparison of two models on the same test shoppers: the headline "margin over the best
 * baseline" with a bootstrap interval that resamples shoppers once for both models, so the interval
 * reflects the difference itself rather than two independent noises.
 */
import type { Evaluation } from './evaluate';
import { type BootstrapOptions, type Interval, type ShopperScores, seededRandom } from './metrics';

/** Metrics averaged per shopper (the slot-weighted novelty and bias are not compared this way). */
export const PAIRED_METRICS = ['hr10', 'recall10', 'recall20', 'ndcg10', 'map10'] as const;
export type PairedMetric = (typeof PAIRED_METRICS)[number];

export interface Margin {
  model: string;
  /** The baseline with the best mean of `metric` among the others. */
  baseline: string;
  metric: PairedMetric;
  modelValue: number;
  baselineValue: number;
  /** model − baseline. */
  difference: number;
  /** Percentile bootstrap interval of the difference (default 95%). */
  ci: Interval;
  /** Share of resamples where the model is not ahead: a one-sided bootstrap p-value. */
  pNotAhead: number;
}

/** Mean of `a − b` per shopper with its paired bootstrap interval. Throws when lengths differ. */
export function pairedDifference(
  a: Float64Array,
  b: Float64Array,
  opts: BootstrapOptions = {},
): { difference: number; ci: Interval; pNotAhead: number } {
  if (a.length !== b.length) throw new RangeError('paired scores must cover the same shoppers');
  const n = a.length;
  if (n === 0) return { difference: 0, ci: [0, 0], pNotAhead: 1 };
  const diff = Float64Array.from(a, (v, t) => v - b[t]!);
  const resamples = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  const rand = seededRandom(opts.seed ?? 42);
  const means = new Float64Array(resamples);
  let notAhead = 0;
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let x = 0; x < n; x++) sum += diff[Math.floor(rand() * n)]!;
    means[r] = sum / n;
    if (means[r]! <= 0) notAhead++;
  }
  means.sort();
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  let total = 0;
  for (const d of diff) total += d;
  return {
    difference: total / n,
    ci: [at((1 - level) / 2), at((1 + level) / 2)],
    pNotAhead: notAhead / resamples,
  };
}

/**
 * The margin of `model` over the best other row of an evaluation run with `keepShopperScores`.
 * Returns null when the model or any other row is missing, or scores were not kept.
 */
export function marginOverBest(
  evaluation: Evaluation,
  model = 'hybrid',
  metric: PairedMetric = 'ndcg10',
  opts: BootstrapOptions = {},
): Margin | null {
  const row = evaluation.rows.find((r) => r.model === model);
  const others = evaluation.rows.filter((r) => r.model !== model);
  if (!row?.shopperScores || others.length === 0) return null;
  const best = others.reduce((a, b) => (b.metrics[metric] > a.metrics[metric] ? b : a));
  const scores: ShopperScores | undefined = best.shopperScores;
  if (!scores) return null;
  const paired = pairedDifference(row.shopperScores.values[metric], scores.values[metric], opts);
  return {
    model,
    baseline: best.model,
    metric,
    modelValue: row.metrics[metric],
    baselineValue: best.metrics[metric],
    ...paired,
  };
}
