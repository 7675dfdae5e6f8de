/**
 * The model card of one trained prediction version (issue 8), stored as plain JSON in
 * `prediction_models.card` when the version is trained: what it learned from, on whom, which
 * features, how the features and scores were distributed (the reference drift is measured against),
 * partial-dependence curves and the limitations the data shows. Aggregates only: no shopper id.
 */
import type { FeatureUnit } from '@/lib/predict/features-spec';
import type { PredictionKind } from '@/lib/predict/types';

export const CARD_FORMAT = 'tailor.model-card/1';

/** A feature as the card lists it. `unit` 'minor' is money in minor units (customer value's inputs). */
export interface CardFeature {
  key: string;
  label: string;
  unit: FeatureUnit | 'minor';
}

/**
 * A distribution binned on the reference population: bin i holds values v with
 * (number of edges ≤ v) = i, so `shares` has edges.length + 1 entries. Shares are of the whole
 * population (`undefinedShare` included), so shares + undefinedShare sum to 1.
 */
export interface BinnedDistribution {
  /** Ascending, distinct: deciles of the defined values (fewer when values repeat). */
  edges: number[];
  shares: number[];
  /** Share of shoppers for whom the value is not defined (NaN), 0..1. */
  undefinedShare: number;
  /** Mean of the defined values (NaN-free; 0 when none). */
  mean: number;
  /** Shoppers the distribution is over. */
  n: number;
}

export interface FeatureReference extends CardFeature {
  distribution: BinnedDistribution;
}

/** Average prediction while one feature is set to each grid value (the others as observed). */
export interface PartialDependenceCurve extends CardFeature {
  /** Grid values (raw units, ascending) and the mean predicted probability at each. */
  points: { value: number; mean: number }[];
  /** Shoppers averaged over (≤ PD_SAMPLE). */
  sample: number;
}

export interface CardLimitation {
  code:
    | 'few-shoppers'
    | 'few-positives'
    | 'fallback-rule'
    | 'calibration'
    | 'optimism'
    | 'short-holdout'
    | 'cross-validated'
    | 'baseline-stronger'
    | 'no-reference'
    | 'shifted-at-training';
  /** Plain-language sentence with the figures. */
  text: string;
}

export interface ModelCardData {
  format: typeof CARD_FORMAT;
  kind: PredictionKind;
  method: string;
  /** First fact in the data and the as-of the model's features were computed at (ISO). */
  dataWindow: { first: string | null; asOf: string; end: string; horizonDays: number };
  population: {
    /** Shoppers in the training population (eligible at `asOf`). */
    shoppers: number;
    /** Churn / propensity: shoppers with the event in the horizon after `asOf`, and their share. */
    positives: number | null;
    baseRate: number | null;
    /** Most common countries (at most 5) with shopper counts; 'unknown' for no country. */
    countries: { country: string; count: number }[];
  };
  features: CardFeature[];
  /**
   * Reference distributions for drift: the shoppers scored when the version was trained (features
   * as of the data end `asOf`), so a retrain resets the comparison; null for preference.
   */
  reference: { asOf: string; features: FeatureReference[]; scores: BinnedDistribution } | null;
  partialDependence: PartialDependenceCurve[];
  /** Why there are no curves (a rule, customer value), else null. */
  partialDependenceNote: string | null;
  limitations: CardLimitation[];
}

/** The stored card as `ModelCardData`, or null when absent or not a format this version wrote. */
export function cardOf(json: unknown): ModelCardData | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const c = json as Record<string, unknown>;
  if (c.format !== CARD_FORMAT || !Array.isArray(c.features) || !Array.isArray(c.limitations)) return null;
  return c as unknown as ModelCardData;
}
