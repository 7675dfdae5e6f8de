/**
 * Contracts of the prediction models (issue 5): what the models consume, what an evaluation
 * reports (stored as `prediction_models.metrics` and printed by `tailor predict … --json`), and
 * what an explanation is. Pure types: the models, features and metrics live beside this file.
 */
import type { PredictionKind } from '@/db/schema/shoppers';

export type { PredictionKind };

/** One order of a shopper, as the models see it. Times are epoch ms (UTC). */
export interface OrderFact {
  at: number;
  /** Order total in the workspace currency, minor units. */
  totalMinor: number;
  status: 'paid' | 'cancelled' | 'refunded' | 'returned';
  /** Units over all lines. */
  items: number;
  /** Distinct products. */
  products: number;
  /** Category (top level) of each line, when known. */
  categories?: string[];
}

/** One behaviour event of a shopper (no identity; the history says whose). */
export interface EventFact {
  at: number;
  type: string;
  sessionId?: string | null;
  category?: string | null;
}

/** Everything known about one shopper, sorted by time. Loaders may include facts after an as-of date: features must filter. */
export interface ShopperHistory {
  shopperId: string;
  country: string | null;
  /** First time the store saw the shopper (sign-up or first event), epoch ms. */
  firstSeenAt: number | null;
  orders: OrderFact[];
  events: EventFact[];
}

export interface CalibrationBin {
  /** Mean predicted probability in the bin. */
  predicted: number;
  /** Observed positive rate in the bin. */
  observed: number;
  count: number;
}

export interface LiftDecile {
  /** 1 = the tenth with the highest scores. */
  decile: number;
  /** Positive rate in the decile. */
  rate: number;
  /** rate / base rate. */
  lift: number;
  count: number;
}

/** Metrics of one scorer (the model or a baseline) on one evaluation set. */
export interface ClassifierMetrics {
  auc: number;
  prAuc: number;
  brier: number;
  logLoss: number;
  n: number;
  positives: number;
  baseRate: number;
  calibration: CalibrationBin[];
  liftByDecile: LiftDecile[];
  /** Bootstrap or fold-to-fold 95 % interval of the AUC, when computed. */
  aucCi?: [number, number];
}

/**
 * Evaluation of a churn or propensity model: the model beside the base rate (constant
 * prediction) and the recency-only rule, on the same shoppers. `protocol` 'temporal': trained as
 * of `trainAsOf` (labels up to `asOf`), scored as of `asOf`, labels in [asOf, asOf + horizon);
 * 'cv5': 5-fold stratified cross-validation at one as-of date.
 */
export interface BinaryEvaluation {
  kind: 'churn' | 'propensity';
  method: string;
  protocol: 'temporal' | 'cv5';
  asOf: string;
  trainAsOf?: string;
  horizonDays: number;
  model: ClassifierMetrics;
  baselines: { baseRate: ClassifierMetrics; recency: ClassifierMetrics };
  /** Global importance: mean |contribution| per feature, largest first. */
  featureImportance: { feature: string; label: string; importance: number }[];
  /** When the store is too small for a trained model: why, and from how many shoppers it takes over. */
  fallback?: { reason: string; minShoppers: number; minPositives: number };
}

/** Customer value (BG/NBD + Gamma-Gamma or the fallback) against a naive baseline on a holdout period. */
export interface ClvEvaluation {
  kind: 'clv';
  method: string;
  asOf: string;
  /** Length of the holdout period the spend is compared on, days. */
  holdoutDays: number;
  n: number;
  /** Mean absolute error of predicted vs actual spend in the holdout, minor units. */
  mae: number;
  /** The same for the baseline (each shopper's historical spend rate × holdout length). */
  baselineMae: number;
  baselineMethod: string;
  /** Sums over all shoppers, minor units: how well the total is forecast. */
  actualTotal: number;
  predictedTotal: number;
  /** Fitted parameters (r, alpha, a, b; p, q, gamma), for the model card. */
  parameters: Record<string, number>;
}

/** Next-category preference against category popularity on a later period. */
export interface PreferenceEvaluation {
  kind: 'preference';
  method: string;
  asOf: string;
  horizonDays: number;
  /** Shoppers with a purchase in the horizon (the ones the metrics are over). */
  n: number;
  hitRateAt1: number;
  hitRateAt3: number;
  logLoss: number;
  baseline: { method: string; hitRateAt1: number; hitRateAt3: number; logLoss: number };
}

export type ModelEvaluation = BinaryEvaluation | ClvEvaluation | PreferenceEvaluation;

/** One feature's share of a score. */
export interface Contribution {
  feature: string;
  /** Human label, e.g. "Days since last order". */
  label: string;
  /** The shopper's value, formatted for display. */
  value: string;
  /** In the explanation's `link` space; the contributions plus `base` add up to the total. */
  contribution: number;
}

/**
 * Why a shopper got a score: `base` + Σ contributions = `total` exactly, and `score` =
 * link⁻¹(total) (sigmoid for 'logit', identity otherwise).
 */
export interface Explanation {
  kind: PredictionKind;
  method: string;
  link: 'logit' | 'identity';
  base: number;
  contributions: Contribution[];
  total: number;
  score: number;
}
