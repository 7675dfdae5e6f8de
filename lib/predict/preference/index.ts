/**
 * Next-category preference (issue 5): the top-level categories a shopper is most likely to buy
 * next, with probabilities: a Dirichlet-smoothed mixture of the category's popularity and the
 * shopper's recency-weighted counts of purchases, cart adds and views, whose weights and decay are
 * learned by maximum likelihood on a window before the as-of date. Pure: no database. Times are
 * epoch ms.
 */
import type { Explanation, PreferenceEvaluation, ShopperHistory } from '@/lib/predict/types';

export { evaluatePreference } from './evaluate';
export { fitPreference, loadPreference } from './model';

export type { PreferenceEvaluation };

/** One category and its probability of being in the shopper's next purchase. */
export interface CategoryProbability {
  category: string;
  /** In (0, 1]; a prediction's probabilities (without `limit`) sum to 1. */
  probability: number;
}

/** A fitted preference model. */
export interface PreferenceModel {
  readonly kind: 'preference';
  /** 'affinity-mixture' (fitted) or 'popularity' (too little data to learn the mixture). */
  readonly method: string;
  /** Learned weights and decay half-life (days), for the model card. */
  readonly parameters: Record<string, number>;
  /**
   * Categories sorted by probability (largest first), from facts strictly before `asOf`; `limit`
   * keeps the first ones (default: all). Empty when the model knows no category.
   */
  predict(h: ShopperHistory, asOf: number, limit?: number): CategoryProbability[];
  /**
   * Identity-link explanation of one category's probability: base = the probability from category
   * popularity alone; contributions of the shopper's purchases, cart adds, views and the recency
   * weighting (exact Shapley values), so base + Σ contributions = total = score = the predicted
   * probability. A category the model does not know gets base 0, no contributions, score 0.
   */
  explain(h: ShopperHistory, asOf: number, category: string): Explanation;
  toJSON(): Record<string, unknown>;
}

/** Options of `fitPreference` and `evaluatePreference`. */
export interface PreferenceFitOptions {
  /** Epoch ms (or a Date): only facts strictly before it are used. */
  asOf: number | Date;
  /** Length of the window the mixture is trained to forecast, days (> 0). */
  horizonDays: number;
}
