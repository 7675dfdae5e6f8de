/**
 * Customer value and preference evaluations in words and table rows (pure, no React): the model
 * beside its naive baseline, and whether it beats it.
 */
import type { ClvEvaluation, PreferenceEvaluation } from '@/lib/predict/types';
import { formatMetric, formatPercent, methodLabel, type Verdict } from './present';

export interface ValueRow {
  label: string;
  model: string;
  baseline: string;
}

/** Customer value: error of the model vs the naive baseline, and the forecast total vs the actual one. */
export function clvRows(e: ClvEvaluation, money: (minor: number) => string): ValueRow[] {
  return [
    { label: 'Mean absolute error per shopper', model: money(e.mae), baseline: money(e.baselineMae) },
    {
      label: 'Total spend in the holdout (predicted)',
      model: money(e.predictedTotal),
      baseline: `actual ${money(e.actualTotal)}`,
    },
  ];
}

/** Relative change from `baseline` to `model` as a whole percentage, e.g. −18 %. */
function relative(model: number, baseline: number): number | null {
  return baseline > 0 ? Math.round(((model - baseline) / baseline) * 100) : null;
}

export function clvVerdict(e: ClvEvaluation): Verdict {
  const change = relative(e.mae, e.baselineMae);
  const totalError = relative(e.predictedTotal, e.actualTotal);
  const total =
    totalError === null
      ? ''
      : ` The forecast total is ${Math.abs(totalError)}% ${totalError >= 0 ? 'above' : 'below'} what was actually spent.`;
  if (change === null) return { tone: 'neutral', text: `No spend in the holdout to compare with.${total}` };
  if (change <= -1) {
    return {
      tone: 'good',
      text: `Beats the baseline (${methodLabel(e.baselineMethod)}): ${Math.abs(change)}% lower error per shopper over ${e.holdoutDays} days.${total}`,
    };
  }
  return {
    tone: change >= 1 ? 'bad' : 'neutral',
    text: `Does not beat the baseline (${methodLabel(e.baselineMethod)}): its error is ${change >= 1 ? `${change}% higher` : 'about the same'} over ${e.holdoutDays} days.${total}`,
  };
}

/** Preference: hit rates and log loss of the model vs category popularity. */
export function preferenceRows(e: PreferenceEvaluation): ValueRow[] {
  return [
    {
      label: 'Hit rate @1',
      model: formatPercent(e.hitRateAt1),
      baseline: formatPercent(e.baseline.hitRateAt1),
    },
    {
      label: 'Hit rate @3',
      model: formatPercent(e.hitRateAt3),
      baseline: formatPercent(e.baseline.hitRateAt3),
    },
    {
      label: 'Log loss (lower is better)',
      model: formatMetric(e.logLoss),
      baseline: formatMetric(e.baseline.logLoss),
    },
  ];
}

export function preferenceVerdict(e: PreferenceEvaluation): Verdict {
  const d = e.hitRateAt3 - e.baseline.hitRateAt3;
  const points = Math.round(d * 100);
  const vs = `hit rate @3 ${formatPercent(e.hitRateAt3)} vs ${formatPercent(e.baseline.hitRateAt3)} for ${methodLabel(e.baseline.method)}`;
  if (points >= 1) return { tone: 'good', text: `Beats category popularity: ${vs} (+${points} points).` };
  if (points <= -1)
    return { tone: 'bad', text: `Does not beat category popularity: ${vs} (−${-points} points).` };
  return { tone: 'neutral', text: `About as good as category popularity: ${vs}.` };
}
