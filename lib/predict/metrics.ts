/**
 * Metrics of a binary classifier (issue 5): ROC AUC, PR-AUC (average precision), Brier score,
 * log loss, a calibration curve and lift by decile, plus a bootstrap interval of the AUC.
 * `labels` are 0/1; `scores` any real ranking (higher = more likely positive); `probs` are
 * probabilities in [0, 1]. All functions are pure and deterministic.
 */
import { seededRandom } from '@/lib/recommend/eval/metrics';
import type { CalibrationBin, ClassifierMetrics, LiftDecile } from './types';

type Nums = ArrayLike<number>;

/** Indices sorted by ascending score (ties: by index, so results never depend on the sort). */
function ascending(scores: Nums): Uint32Array {
  const idx = Uint32Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => scores[a]! - scores[b]! || a - b);
}

/**
 * AUC over `order` (indices by ascending score) with per-row weights (bootstrap counts). Tied
 * scores count half, which is the same as Mann–Whitney with average ranks.
 */
function weightedAuc(scores: Nums, labels: Nums, order: Uint32Array, weight?: Nums): number {
  let negBelow = 0;
  let num = 0;
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < order.length; ) {
    let p = 0;
    let n = 0;
    const s = scores[order[i]!]!;
    for (; i < order.length && scores[order[i]!] === s; i++) {
      const j = order[i]!;
      const w = weight ? weight[j]! : 1;
      if (labels[j]) p += w;
      else n += w;
    }
    num += p * (negBelow + n / 2);
    negBelow += n;
    pos += p;
    neg += n;
  }
  return pos && neg ? num / (pos * neg) : Number.NaN;
}

/** ROC AUC with ties at half credit (average ranks); NaN when a class is absent. */
export function auc(scores: Nums, labels: Nums): number {
  return weightedAuc(scores, labels, ascending(scores));
}

/**
 * Average precision (the step-wise area under the precision–recall curve): Σ over distinct
 * thresholds of Δrecall × precision, tied scores entering together. NaN without positives.
 */
export function averagePrecision(scores: Nums, labels: Nums): number {
  const order = ascending(scores).reverse();
  let total = 0;
  for (let i = 0; i < labels.length; i++) total += labels[i] ? 1 : 0;
  if (!total) return Number.NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (let i = 0; i < order.length; ) {
    const s = scores[order[i]!]!;
    let tpGroup = 0;
    for (; i < order.length && scores[order[i]!] === s; i++) {
      seen++;
      if (labels[order[i]!]) tpGroup++;
    }
    tp += tpGroup;
    ap += (tpGroup / total) * (tp / seen);
  }
  return ap;
}

/** Mean squared error of probabilities against 0/1 outcomes (0 = perfect, 0.25 = coin flip). */
export function brier(probs: Nums, labels: Nums): number {
  let s = 0;
  for (let i = 0; i < probs.length; i++) s += (probs[i]! - labels[i]!) ** 2;
  return s / probs.length;
}

/** Mean negative log-likelihood, natural log, probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(probs: Nums, labels: Nums): number {
  let s = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, probs[i]!));
    s -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return s / probs.length;
}

/** Calibration curve: `bins` equal-width bins of predicted probability; empty bins are dropped. */
export function calibration(probs: Nums, labels: Nums, bins = 10): CalibrationBin[] {
  const sumP = new Float64Array(bins);
  const sumY = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < probs.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(probs[i]! * bins)));
    sumP[b]! += probs[i]!;
    sumY[b]! += labels[i]!;
    count[b]!++;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++)
    if (count[b])
      out.push({ predicted: sumP[b]! / count[b]!, observed: sumY[b]! / count[b]!, count: count[b]! });
  return out;
}

/**
 * Positive rate per tenth of shoppers by descending score (decile 1 = highest scores; ties by
 * input order), and its ratio to the overall rate. Deciles differ in size by at most one.
 */
export function liftByDecile(scores: Nums, labels: Nums): LiftDecile[] {
  const n = scores.length;
  if (!n) return [];
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let total = 0;
  for (let i = 0; i < n; i++) total += labels[i]!;
  const base = total / n;
  const out: LiftDecile[] = [];
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    if (to <= from) continue;
    let pos = 0;
    for (let i = from; i < to; i++) pos += labels[order[i]!]!;
    const rate = pos / (to - from);
    out.push({ decile: d + 1, rate, lift: base ? rate / base : Number.NaN, count: to - from });
  }
  return out;
}

/**
 * Percentile bootstrap 95 % interval of the AUC: `resamples` draws of n rows with replacement
 * (seeded, so the same inputs give the same interval). O(n) per draw after one sort.
 */
export function bootstrapAucCi(
  scores: Nums,
  labels: Nums,
  { resamples = 200, seed = 1 }: { resamples?: number; seed?: number } = {},
): [number, number] {
  const n = scores.length;
  const order = ascending(scores);
  const rand = seededRandom(seed);
  const counts = new Float64Array(n);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(rand() * n)]!++;
    const a = weightedAuc(scores, labels, order, counts);
    if (!Number.isNaN(a)) values.push(a);
  }
  if (!values.length) return [Number.NaN, Number.NaN];
  values.sort((a, b) => a - b);
  const at = (q: number) =>
    values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!;
  return [at(0.025), at(0.975)];
}

/**
 * All metrics of one scorer. `probs` give Brier, log loss and calibration; `ranking` (default
 * `probs`) gives AUC, PR-AUC and lift — pass the raw rule score for a rule whose probabilities
 * are a monotone map of it. `ci` adds a bootstrap AUC interval (or pass one computed elsewhere).
 */
export function classifierMetrics(
  probs: Nums,
  labels: Nums,
  opts: { ranking?: Nums; ci?: boolean | [number, number]; seed?: number } = {},
): ClassifierMetrics {
  const ranking = opts.ranking ?? probs;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]!;
  const n = labels.length;
  const m: ClassifierMetrics = {
    auc: auc(ranking, labels),
    prAuc: averagePrecision(ranking, labels),
    brier: brier(probs, labels),
    logLoss: logLoss(probs, labels),
    n,
    positives,
    baseRate: n ? positives / n : Number.NaN,
    calibration: calibration(probs, labels),
    liftByDecile: liftByDecile(ranking, labels),
  };
  if (Array.isArray(opts.ci)) m.aucCi = opts.ci;
  else if (opts.ci) m.aucCi = bootstrapAucCi(ranking, labels, { seed: opts.seed });
  return m;
}
