/**
 * Churn and purchase-propensity models (issue 5), pure: no database. Features are computed
 * strictly before an as-of date from a shopper's history (lib/predict/features.ts); labels come
 * from [asOf, asOf + horizon). The trained model is an additive, exactly explainable
 * logistic GAM ('logistic-gam'); small stores get a transparent rule ('rule-recency').
 *
 * All `asOf` values are epoch ms (UTC) or Dates; horizons are whole days.
 */
import type { BinaryEvaluation, Explanation, ShopperHistory } from '@/lib/predict/types';

export type BinaryKind = 'churn' | 'propensity';

/** A fitted (or rule-based) churn / propensity scorer. */
export interface BinaryModel {
  readonly kind: BinaryKind;
  /** 'logistic-gam' (trained) or 'rule-recency' (the labelled small-store fallback). */
  readonly method: string;
  readonly horizonDays: number;
  /** Probability in (0, 1) of the event within the horizon, from facts strictly before `asOf` (epoch ms). */
  score(h: ShopperHistory, asOf: number): number;
  /** Log-odds contributions per feature: base + Σ contributions = total, score = sigmoid(total). */
  explain(h: ShopperHistory, asOf: number): Explanation;
  /** Plain JSON that `loadBinary` restores exactly. */
  toJSON(): Record<string, unknown>;
}

export interface BinaryFitOptions {
  asOf: number | Date;
  horizonDays: number;
  /** Seed of the random parts (the inner validation split); default 1. */
  seed?: number;
}

export type Trainability =
  | { ok: true; n: number; positives: number }
  | { ok: false; reason: string; minShoppers: number; minPositives: number; n: number; positives: number };

export { eligible, labelOf } from './labels';
export { fitBinary } from './fit';
export { loadBinary } from './model';
export { ruleBinary } from './rule';
export { MIN_CLASS, MIN_SHOPPERS, trainability } from './trainability';
export { evaluateBinaryCv, evaluateBinaryTemporal } from './evaluate';
export type { BinaryEvaluation };
