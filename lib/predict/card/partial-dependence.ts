/**
 * Partial dependence of the churn / propensity GAM: the average predicted probability over a
 * sample of shoppers while one feature is set to each grid value and every other feature keeps
 * its observed value. The GAM is additive in log-odds, so setting feature k to v replaces only
 * its own term c_k(x_k) by c_k(v) — the curve is exact, not a Monte Carlo approximation of it:
 * PD_k(v) = mean_i σ(z_i − c_k(x_ik) + c_k(v)), z_i the shopper's log-odds.
 */
import type { GamModel } from '@/lib/predict/binary/model';
import { sigmoid } from '@/lib/predict/binary/logistic';
import { FEATURES, featureSpec } from '@/lib/predict/features';
import type { PartialDependenceCurve } from './types';

/** Most shoppers averaged over per curve. */
export const PD_SAMPLE = 2000;
/** Grid points per curve (fewer when the feature has fewer distinct values). */
export const PD_GRID = 12;

/** Every ⌈n / limit⌉-th item: a deterministic, evenly spread sample of at most `limit`. */
export function evenSample<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]!);
}

/** Distinct quantiles of the finite values at 0, 1/(g−1), …, 1 (ascending). */
export function quantileGrid(values: readonly number[], points = PD_GRID): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const out: number[] = [];
  for (let k = 0; k < points; k++) {
    const v = sorted[Math.round((k * (sorted.length - 1)) / Math.max(1, points - 1))]!;
    if (out.length === 0 || v > out[out.length - 1]!) out.push(v);
  }
  return out;
}

/**
 * Curves of `keys` (features the model has; others are skipped) over the raw feature vectors
 * `rows` (FEATURES order), sampled to PD_SAMPLE. Grid = quantiles of the feature over the sample.
 */
export function gamPartialDependence(
  model: GamModel,
  rows: readonly Float64Array[],
  keys: readonly string[],
): PartialDependenceCurve[] {
  const sample = evenSample(rows, PD_SAMPLE);
  if (sample.length === 0) return [];
  const contributions = sample.map((r) => model.rawContributions(r));
  const logits = contributions.map((c) => c.reduce((s, x) => s + x, model.params.intercept));
  const out: PartialDependenceCurve[] = [];
  for (const key of keys) {
    const k = model.params.features.findIndex((f) => f.key === key);
    const col = FEATURES.findIndex((f) => f.key === key);
    if (k < 0 || col < 0) continue;
    const grid = quantileGrid(sample.map((r) => r[col]!));
    if (grid.length < 2) continue;
    // c_k(v) does not depend on the other features: one probe vector per grid value.
    const probe = Float64Array.from(sample[0]!);
    const points = grid.map((value) => {
      probe[col] = value;
      const ck = model.rawContributions(probe)[k]!;
      let sum = 0;
      for (let i = 0; i < sample.length; i++) sum += sigmoid(logits[i]! - contributions[i]![k]! + ck);
      return { value, mean: sum / sample.length };
    });
    const spec = featureSpec(key);
    out.push({ key, label: spec.label, unit: spec.unit, points, sample: sample.length });
  }
  return out;
}
