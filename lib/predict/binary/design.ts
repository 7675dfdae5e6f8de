/**
 * The GAM-like design of the churn / propensity model: per feature a standardized linear term
 * (after log1p where skewed), a "not defined" indicator when the feature can be missing, and
 * one-hot quantile bins, so each feature's effect is a step curve plus a slope. The penalty
 * shrinks linear terms and indicators (ridge) and smooths bins (squared differences between
 * neighbouring bins, plus a small ridge so the bins are identifiable beside the intercept).
 */
import { FEATURES, type FeatureSpec } from '@/lib/predict/features';
import type { SparseRows } from './logistic';

/** How one feature enters the model; plain data, stored in the model's JSON. */
export interface FeatureEncoding {
  key: string;
  /** Mean and standard deviation of the transformed value over training rows where it is defined. */
  mean: number;
  sd: number;
  /** Whether the feature has a "not defined" indicator column. */
  missing: boolean;
  /** Ascending bin edges on the transformed scale: bin = number of edges ≤ value. Empty: no bins. */
  edges: number[];
}

/** Quantile bins per feature (fewer when values repeat). */
const BINS = 8;
/** Ridge on each bin relative to the difference penalty. */
const BIN_RIDGE = 0.05;

export function transformed(spec: FeatureSpec, raw: number): number {
  return spec.transform === 'log1p' ? Math.log1p(Math.max(0, raw)) : raw;
}

/** Column count of one encoding: linear + indicator + bins. */
export function width(e: FeatureEncoding): number {
  return 1 + (e.missing ? 1 : 0) + (e.edges.length ? e.edges.length + 1 : 0);
}

function binOf(edges: readonly number[], t: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Encodings learnt from training rows (one raw vector per row, FEATURES order); constant features are left out. */
export function learnEncodings(rows: readonly Float64Array[]): FeatureEncoding[] {
  const out: FeatureEncoding[] = [];
  FEATURES.forEach((spec, f) => {
    const values: number[] = [];
    let missing = 0;
    for (const r of rows) {
      const v = r[f]!;
      if (Number.isNaN(v)) missing++;
      else values.push(transformed(spec, v));
    }
    values.sort((a, b) => a - b);
    const mean = values.reduce((s, v) => s + v, 0) / (values.length || 1);
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length || 1));
    const hasMissing = missing > 0 && missing < rows.length;
    if (!(sd > 1e-12) && !hasMissing) return;
    const distinct = new Set(values).size;
    const edges: number[] = [];
    if (distinct > 2) {
      for (let k = 1; k < BINS; k++) {
        const e = values[Math.floor((k * values.length) / BINS)]!;
        if (e > values[0]! && (edges.length === 0 || e > edges[edges.length - 1]!)) edges.push(e);
      }
    }
    out.push({ key: spec.key, mean, sd: sd > 1e-12 ? sd : 1, missing: hasMissing, edges });
  });
  return out;
}

/** Index of each encoding's feature in the raw vectors. */
export function featureIndex(encodings: readonly FeatureEncoding[]): number[] {
  return encodings.map((e) => {
    const i = FEATURES.findIndex((f) => f.key === e.key);
    if (i < 0) throw new Error(`unknown shopper feature "${e.key}"`);
    return i;
  });
}

/**
 * Appends the sparse entries of one raw row: column 0 the intercept, then per encoding its
 * linear term (0 when undefined), its indicator and its bin.
 */
export function encodeRow(
  encodings: readonly FeatureEncoding[],
  index: readonly number[],
  raw: Float64Array,
  cols: number[],
  vals: number[],
): void {
  cols.push(0);
  vals.push(1);
  let c = 1;
  encodings.forEach((e, k) => {
    const spec = FEATURES[index[k]!]!;
    const v = raw[index[k]!]!;
    const defined = !Number.isNaN(v);
    const t = defined ? transformed(spec, v) : e.mean;
    const z = (t - e.mean) / e.sd;
    if (z !== 0) {
      cols.push(c);
      vals.push(z);
    }
    c++;
    if (e.missing) {
      if (!defined) {
        cols.push(c);
        vals.push(1);
      }
      c++;
    }
    if (e.edges.length) {
      if (defined) {
        cols.push(c + binOf(e.edges, t));
        vals.push(1);
      }
      c += e.edges.length + 1;
    }
  });
}

/** The sparse design of many raw rows. */
export function designOf(encodings: readonly FeatureEncoding[], rows: readonly Float64Array[]): SparseRows {
  const index = featureIndex(encodings);
  const cols: number[] = [];
  const vals: number[] = [];
  const ptr = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => {
    encodeRow(encodings, index, r, cols, vals);
    ptr[i + 1] = cols.length;
  });
  const p = 1 + encodings.reduce((s, e) => s + width(e), 0);
  return { ptr, cols: Int32Array.from(cols), vals: Float64Array.from(vals), p };
}

/** The penalty matrix P (p×p, row-major) matching `designOf`; the intercept is not penalized. */
export function penaltyOf(encodings: readonly FeatureEncoding[]): Float64Array {
  const p = 1 + encodings.reduce((s, e) => s + width(e), 0);
  const m = new Float64Array(p * p);
  let c = 1;
  for (const e of encodings) {
    m[c * p + c] = 1;
    c++;
    if (e.missing) {
      m[c * p + c] = 1;
      c++;
    }
    const bins = e.edges.length ? e.edges.length + 1 : 0;
    for (let b = 0; b < bins; b++) m[(c + b) * p + c + b]! += BIN_RIDGE;
    for (let b = 1; b < bins; b++) {
      const i = c + b - 1;
      const j = c + b;
      m[i * p + i]! += 1;
      m[j * p + j]! += 1;
      m[i * p + j]! -= 1;
      m[j * p + i]! -= 1;
    }
    c += bins;
  }
  return m;
}
