/**
 * Customer value (issue 5): expected purchases and spend of a shopper over the next N days.
 * BG/NBD (Fader, Hardie & Lee 2005) for the number of repeat purchases and Gamma–Gamma (Fader &
 * Hardie 2013) for the mean order value, both fitted by maximum likelihood on paid orders strictly
 * before the as-of date; a labelled 'historical-rate' rule when too few shoppers bought twice.
 * Pure: no database. Times are epoch ms; money is minor units of the workspace currency.
 */
import type { ClvEvaluation, Explanation, ShopperHistory } from '@/lib/predict/types';

export type { ClvEvaluation };

export { evaluateClv } from './evaluate';
export { CLV_MIN_REPEAT_BUYERS, eligibleClv, fitClv, loadClv } from './model';

/** One shopper's forecast over a horizon. */
export interface ClvPrediction {
  /** Expected number of paid orders in [asOf, asOf + horizon), ≥ 0. */
  expectedPurchases: number;
  /** Expected spend in that window, minor units (not rounded), ≥ 0. */
  expectedSpendMinor: number;
  /** Probability that the shopper is still "alive" (will buy again at some point), in [0, 1]. */
  pAlive: number;
}

/** A fitted customer-value model. */
export interface ClvModel {
  readonly kind: 'clv';
  /** 'bgnbd-gamma-gamma' (fitted) or 'historical-rate' (the labelled small-store rule). */
  readonly method: string;
  /**
   * BG/NBD r, alpha, a, b (time unit: days) and Gamma–Gamma p, q, gamma (money: minor units), or
   * the rule's constants; always `shoppers`, `repeatBuyers` and `minRepeatBuyers` (from how many
   * repeat buyers the fitted model takes over from the rule).
   */
  readonly parameters: Record<string, number>;
  /** Forecast from the shopper's paid orders strictly before `asOf` (epoch ms); horizon in days (> 0). */
  predict(h: ShopperHistory, asOf: number, horizonDays: number): ClvPrediction;
  /**
   * Identity-link explanation of `expectedSpendMinor`: base = the population's typical shopper,
   * contributions of frequency, recency, tenure and order value (exact Shapley values), so
   * base + Σ contributions = total = score = the predicted spend.
   */
  explain(h: ShopperHistory, asOf: number, horizonDays: number): Explanation;
  /** The artefact to store; `loadClv` reads it back. */
  toJSON(): Record<string, unknown>;
}

/** Options of `fitClv`. */
export interface ClvFitOptions {
  /** Epoch ms (or a Date): only paid orders strictly before it are used. */
  asOf: number | Date;
  /** Fewer repeat buyers than this → 'historical-rate' (default CLV_MIN_REPEAT_BUYERS). */
  minRepeatBuyers?: number;
}

/** Options of `evaluateClv`. */
export interface ClvEvaluateOptions {
  /** Epoch ms (or a Date): fit on orders before it, compare spend in [asOf, asOf + holdoutDays). */
  asOf: number | Date;
  holdoutDays: number;
  minRepeatBuyers?: number;
}
