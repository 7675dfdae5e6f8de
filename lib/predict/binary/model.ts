/**
 * The trained churn / propensity model ('logistic-gam'): an additive logistic model whose
 * log-odds are an intercept plus one curve per feature (slope + bins + "not defined" term).
 * Each feature's contribution is centred on its training mean, so `base` is the log-odds of a
 * typical shopper and the contributions say how this shopper differs; they add up exactly.
 */
import { FEATURES, featureSpec, formatFeature, shopperFeatures } from '@/lib/predict/features';
import type { Explanation, ShopperHistory } from '@/lib/predict/types';
import { encodeRow, type FeatureEncoding, featureIndex, width } from './design';
import type { BinaryKind, BinaryModel } from './index';
import { sigmoid } from './logistic';
import { ruleBinary } from './rule';

export const GAM_FORMAT = 'tailor.binary.logistic-gam/1';

export interface GamFeature extends FeatureEncoding {
  /** Coefficients of the feature's columns, in `encodeRow` order. */
  weights: number[];
  /** Mean contribution over the training rows (subtracted so contributions are centred). */
  offset: number;
}

export interface GamParams {
  kind: BinaryKind;
  horizonDays: number;
  home: string | null;
  lambda: number;
  intercept: number;
  features: GamFeature[];
  /** ISO date the model was trained as of, and on how many shoppers / positives. */
  trainedAsOf: string;
  n: number;
  positives: number;
}

export class GamModel implements BinaryModel {
  readonly method = 'logistic-gam';
  readonly kind: BinaryKind;
  readonly horizonDays: number;
  private readonly index: number[];

  constructor(readonly params: GamParams) {
    this.kind = params.kind;
    this.horizonDays = params.horizonDays;
    this.index = featureIndex(params.features);
  }

  /** Raw (uncentred) contribution of each feature for one raw feature vector. */
  rawContributions(raw: Float64Array): Float64Array {
    const out = new Float64Array(this.params.features.length);
    const cols: number[] = [];
    const vals: number[] = [];
    encodeRow(this.params.features, this.index, raw, cols, vals);
    // Column 0 is the intercept; then each feature owns `width` consecutive columns.
    const starts: number[] = [];
    let c = 1;
    for (const f of this.params.features) {
      starts.push(c);
      c += width(f);
    }
    let k = 0;
    for (let m = 1; m < cols.length; m++) {
      const col = cols[m]!;
      while (k + 1 < starts.length && col >= starts[k + 1]!) k++;
      const f = this.params.features[k]!;
      out[k]! += f.weights[col - starts[k]!]! * vals[m]!;
    }
    return out;
  }

  /** Log-odds of one raw feature vector. */
  logit(raw: Float64Array): number {
    let z = this.params.intercept;
    for (const c of this.rawContributions(raw)) z += c;
    return z;
  }

  features(h: ShopperHistory, asOf: number): Float64Array {
    return shopperFeatures(h, asOf, { home: this.params.home });
  }

  score(h: ShopperHistory, asOf: number): number {
    return sigmoid(this.logit(this.features(h, asOf)));
  }

  explain(h: ShopperHistory, asOf: number): Explanation {
    const raw = this.features(h, asOf);
    const parts = this.rawContributions(raw);
    const base = this.params.features.reduce((s, f) => s + f.offset, this.params.intercept);
    const contributions = this.params.features.map((f, k) => {
      const spec = featureSpec(f.key);
      return {
        feature: f.key,
        label: spec.label,
        value: formatFeature(spec, raw[this.index[k]!]!),
        contribution: parts[k]! - f.offset,
      };
    });
    const total = contributions.reduce((s, c) => s + c.contribution, base);
    return {
      kind: this.kind,
      method: this.method,
      link: 'logit',
      base,
      contributions,
      total,
      score: sigmoid(total),
    };
  }

  toJSON(): Record<string, unknown> {
    // A copy: callers may store or edit it without touching this model.
    return structuredClone({ format: GAM_FORMAT, method: this.method, ...this.params });
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNums = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNum);

function gamFeature(v: unknown, i: number): GamFeature {
  const f = (v ?? {}) as Record<string, unknown>;
  const where = `feature ${i}`;
  if (typeof f.key !== 'string' || !FEATURES.some((s) => s.key === f.key))
    throw new Error(`${where}: unknown key ${JSON.stringify(f.key)}`);
  if (!isNum(f.mean) || !isNum(f.sd) || !(f.sd > 0))
    throw new Error(`${where}: mean/sd must be finite, sd > 0`);
  if (typeof f.missing !== 'boolean') throw new Error(`${where}: missing must be a boolean`);
  const edges = f.edges;
  if (!isNums(edges) || edges.some((e, k) => k > 0 && e <= edges[k - 1]!))
    throw new Error(`${where}: edges must be ascending numbers`);
  const enc: FeatureEncoding = { key: f.key, mean: f.mean, sd: f.sd, missing: f.missing, edges };
  if (!isNums(f.weights) || f.weights.length !== width(enc))
    throw new Error(`${where}: weights must be ${width(enc)} numbers`);
  if (!isNum(f.offset)) throw new Error(`${where}: offset must be a number`);
  return { ...enc, weights: f.weights, offset: f.offset };
}

/**
 * Restores a model from its `toJSON()` (a trained 'logistic-gam' or a 'rule-recency').
 * Throws an Error naming the first problem when the shape is not one this version wrote.
 */
export function loadBinary(json: unknown): BinaryModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error('binary model: expected an object');
  const j = json as Record<string, unknown>;
  if (j.kind !== 'churn' && j.kind !== 'propensity')
    throw new Error('binary model: kind must be churn or propensity');
  if (!isNum(j.horizonDays) || !(j.horizonDays > 0))
    throw new Error('binary model: horizonDays must be positive');
  if (j.method === 'rule-recency') return ruleBinary(j.kind, j.horizonDays);
  if (j.format !== GAM_FORMAT || j.method !== 'logistic-gam')
    throw new Error(
      `binary model: unknown format ${JSON.stringify(j.format)} / method ${JSON.stringify(j.method)}`,
    );
  if (j.home !== null && typeof j.home !== 'string')
    throw new Error('binary model: home must be a string or null');
  if (!isNum(j.lambda) || !isNum(j.intercept))
    throw new Error('binary model: lambda and intercept must be numbers');
  if (!Array.isArray(j.features)) throw new Error('binary model: features must be an array');
  if (typeof j.trainedAsOf !== 'string' || !isNum(j.n) || !isNum(j.positives))
    throw new Error('binary model: trainedAsOf, n and positives are required');
  return new GamModel({
    kind: j.kind,
    horizonDays: j.horizonDays,
    home: j.home,
    lambda: j.lambda,
    intercept: j.intercept,
    features: j.features.map(gamFeature),
    trainedAsOf: j.trainedAsOf,
    n: j.n,
    positives: j.positives,
  });
}
