/**
 * Known limitations of a trained version, generated from its own figures so the card says
 * honestly where the model is weak: few shoppers or events, a fallback rule, miscalibrated score
 * ranges, optimism (fits the training shoppers much better than later ones), a check shorter than
 * the forecast or not on a later period at all, and baselines the model does not beat.
 */
import type { ModelEvaluation, PredictionKind } from '@/lib/predict/types';
import { PSI_MAJOR } from '@/lib/predict/drift/psi';
import type { CardLimitation } from './types';

/** Below these a model's figures move noticeably from one training to the next. */
export const FEW_SHOPPERS = 500;
export const FEW_POSITIVES = 100;
/** A calibration bin is "off" beyond this absolute gap, counted only with this many shoppers. */
export const CALIBRATION_GAP = 0.05;
export const CALIBRATION_MIN_COUNT = 20;
/** Training-population AUC above the evaluated AUC by more than this is reported as optimism. */
export const OPTIMISM_GAP = 0.05;

const pct = (p: number) => `${Math.round(p * 100)} %`;
const f3 = (v: number) => v.toFixed(3);

export interface LimitationFacts {
  kind: PredictionKind;
  method: string;
  evaluation: ModelEvaluation;
  shoppers: number;
  positives: number | null;
  /** AUC of the final model on the shoppers it was trained on (churn / propensity), else null. */
  trainingAuc: number | null;
  /**
   * The feature that differs most between the shoppers it learnt from (features as of the fit's
   * as-of) and those it scored at training (as of the data end), with its PSI; null when equal dates.
   */
  shiftAtTraining?: { label: string; psi: number } | null;
}

/** The limitations that apply, most important first; empty when none of the checks fires. */
export function limitationsOf(f: LimitationFacts): CardLimitation[] {
  const out: CardLimitation[] = [];
  const e = f.evaluation;
  const add = (code: CardLimitation['code'], text: string) => out.push({ code, text });
  if (f.method === 'rule-recency' || f.method === 'historical-rate' || ('fallback' in e && e.fallback)) {
    add(
      'fallback-rule',
      'This is the transparent small-store rule, not a model trained on this store: its curve is fixed and it does not learn from the data.',
    );
  }
  if (f.shoppers < FEW_SHOPPERS) {
    add(
      'few-shoppers',
      `Trained on only ${f.shoppers} shoppers: its figures can move by several points from one training to the next.`,
    );
  }
  if (f.positives !== null && f.positives < FEW_POSITIVES) {
    const what = f.kind === 'churn' ? 'who stopped buying' : 'who bought';
    add(
      'few-positives',
      `Only ${f.positives} shoppers ${what} in the training window: the intervals are wide.`,
    );
  }
  if (f.shiftAtTraining && f.shiftAtTraining.psi >= PSI_MAJOR) {
    add(
      'shifted-at-training',
      `The shoppers scored at training already differ from those it learnt from ${e.kind === 'clv' ? '' : 'a horizon earlier '}(${f.shiftAtTraining.label}: PSI ${f.shiftAtTraining.psi.toFixed(2)}): part of that is shoppers simply getting older as customers; watch the drift checks.`,
    );
  }
  if (e.kind === 'churn' || e.kind === 'propensity') {
    const off = e.model.calibration.filter(
      (b) => b.count >= CALIBRATION_MIN_COUNT && Math.abs(b.predicted - b.observed) > CALIBRATION_GAP,
    );
    const worst = [...off].sort(
      (a, b) => Math.abs(b.predicted - b.observed) - Math.abs(a.predicted - a.observed),
    )[0];
    if (worst) {
      add(
        'calibration',
        `In ${off.length} score range${off.length > 1 ? 's' : ''} the predicted probability is off by more than ${pct(CALIBRATION_GAP)} (worst: predicted ${pct(worst.predicted)}, observed ${pct(worst.observed)}): read scores as a ranking first.`,
      );
    }
    if (f.trainingAuc !== null && f.trainingAuc - e.model.auc > OPTIMISM_GAP) {
      add(
        'optimism',
        `AUC ${f3(e.model.auc)} on the ${e.protocol === 'temporal' ? 'later period' : 'held-out folds'} is well below ${f3(f.trainingAuc)} on the shoppers it learned from: expect live accuracy near the lower figure.`,
      );
    }
    if (e.protocol === 'cv5') {
      add(
        'cross-validated',
        'Checked by cross-validation at one date, not on a later period: the data was too short for a temporal check, so drift over time is not reflected.',
      );
    }
    if (f.method === 'logistic-gam' && e.baselines.recency.auc >= e.model.auc) {
      add(
        'baseline-stronger',
        `The days-since-last-order rule ranks shoppers as well or better (AUC ${f3(e.baselines.recency.auc)} vs ${f3(e.model.auc)}): the model adds nothing over it here.`,
      );
    }
  } else if (e.kind === 'clv') {
    if (e.holdoutDays < 365) {
      add(
        'short-holdout',
        `Value is forecast for 12 months but checked on only ${e.holdoutDays} days of later orders.`,
      );
    }
    if (e.baselineMae <= e.mae) {
      add(
        'baseline-stronger',
        'Each shopper’s historical spend rate forecasts the holdout as well or better than the model (lower or equal mean absolute error).',
      );
    }
  } else if (e.kind === 'preference') {
    if (e.baseline.hitRateAt3 >= e.hitRateAt3) {
      add(
        'baseline-stronger',
        `Category popularity finds the next category as often or more often (hit rate @3 ${pct(e.baseline.hitRateAt3)} vs ${pct(e.hitRateAt3)}).`,
      );
    }
    add('no-reference', 'Drift is not monitored for preferences: they are re-estimated at every training.');
  }
  return out;
}
