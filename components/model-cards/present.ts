/**
 * Formatting shared by the model-card components (pure, no React): intended use per kind, drift
 * status wording, feature values by unit, and the headline metric of a version against its
 * strongest baseline with its interval.
 */
import { formatFeature } from '@/lib/predict/features-spec';
import type { CardFeature } from '@/lib/predict/card/types';
import type { DriftStatus } from '@/lib/predict/drift/psi';
import type { ModelEvaluation, PredictionKind } from '@/lib/predict/types';
import { formatMetric, formatPercent } from '@/components/predictions/present';

export const INTENDED_USE: Record<PredictionKind, string> = {
  churn:
    'Ranks customers who bought before by how likely they are to place no order in the horizon, to choose whom a win-back message goes to. Not for decisions about an individual’s rights, credit or prices.',
  propensity:
    'Ranks shoppers by how likely they are to order in the horizon, to time and target campaigns. Not for decisions about an individual’s rights, credit or prices.',
  clv: 'Forecasts each customer’s purchases and spend over the next 12 months, to size budgets and prioritise service. A forecast for planning, not a promise of revenue.',
  preference:
    'Suggests the categories a shopper is most likely to buy from next, to pick what a message shows. Not a profile of the person.',
};

export const DRIFT_TEXT: Record<DriftStatus, string> = {
  stable: 'Stable',
  moderate: 'Moderate shift',
  major: 'Major shift',
};

export const DRIFT_BADGE: Record<DriftStatus, 'green' | 'amber' | 'red'> = {
  stable: 'green',
  moderate: 'amber',
  major: 'red',
};

/** A PSI value with two decimals ("0.31"); "<0.01" for tiny values. */
export function formatPsi(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v > 0 && v < 0.005) return '<0.01';
  return v.toFixed(2);
}

/** A feature value in its unit; customer value's money inputs ('minor') through `money`. */
export function formatCardValue(
  f: Pick<CardFeature, 'key' | 'label' | 'unit'>,
  v: number,
  money: (minor: number) => string,
): string {
  if (f.unit === 'minor') return Number.isFinite(v) ? money(v) : '—';
  return formatFeature({ key: f.key as never, label: f.label, unit: f.unit, transform: 'none' }, v);
}

export interface Headline {
  /** "AUC", "MAE", "Hit rate @3". */
  metric: string;
  model: string;
  /** e.g. "0.71–0.76" (95 % interval), when recorded. */
  interval: string | null;
  baselineLabel: string;
  baseline: string;
  /** Whether the model is better than the baseline on this metric. */
  better: boolean;
}

/** The version's headline figure next to its strongest simple baseline. */
export function headlineOf(e: ModelEvaluation, money: (minor: number) => string): Headline {
  if (e.kind === 'clv') {
    return {
      metric: 'Mean absolute error',
      model: money(e.mae),
      interval: null,
      baselineLabel: 'historical spend rate',
      baseline: money(e.baselineMae),
      better: e.mae < e.baselineMae,
    };
  }
  if (e.kind === 'preference') {
    return {
      metric: 'Hit rate @3',
      model: formatPercent(e.hitRateAt3),
      interval: null,
      baselineLabel: 'category popularity',
      baseline: formatPercent(e.baseline.hitRateAt3),
      better: e.hitRateAt3 > e.baseline.hitRateAt3,
    };
  }
  const ci = e.model.aucCi;
  return {
    metric: 'AUC',
    model: formatMetric(e.model.auc),
    interval: ci ? `${formatMetric(ci[0])}–${formatMetric(ci[1])}` : null,
    baselineLabel: 'days-since-last-order rule',
    baseline: formatMetric(e.baselines.recency.auc),
    better: e.model.auc > e.baselines.recency.auc,
  };
}
