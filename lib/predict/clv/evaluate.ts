/**
 * Holdout evaluation of customer value: fit on paid orders before the as-of date, forecast the
 * spend in [asOf, asOf + holdoutDays), and compare with what each shopper really spent — beside
 * naive "spend at the historical rate" baselines, over every shopper with a paid order before asOf.
 */
import type { ClvEvaluateOptions } from './index';
import type { ClvEvaluation, ShopperHistory } from '@/lib/predict/types';
import { eligibleClv, fitClv } from './model';
import { DAY_MS, epochOf, summarize } from './summary';

/** Paid spend of `h` in [from, to), minor units. */
export function spendBetween(h: ShopperHistory, from: number, to: number): number {
  let sum = 0;
  for (const o of h.orders) if (o.status === 'paid' && o.at >= from && o.at < to) sum += o.totalMinor;
  return sum;
}

/**
 * The naive forecasts: 'historical-rate-tenure' = spend / days since the shopper's first purchase
 * (at least one day) × holdout days; 'historical-rate-window' = spend / days since the store's
 * first order × holdout days (gentler on new shoppers). Both over orders before `asOf` only.
 */
export function naiveForecasts(
  histories: readonly ShopperHistory[],
  asOf: number,
  holdoutDays: number,
): { tenure: number[]; window: number[] } {
  let storeStart = asOf;
  for (const h of histories)
    for (const o of h.orders) if (o.status === 'paid' && o.at < storeStart) storeStart = o.at;
  const windowDays = Math.max((asOf - storeStart) / DAY_MS, 1);
  const tenure: number[] = [];
  const window: number[] = [];
  for (const h of histories) {
    const s = summarize(h, asOf);
    if (!s) continue;
    tenure.push((s.spend / Math.max(s.T, 1)) * holdoutDays);
    window.push((s.spend / windowDays) * holdoutDays);
  }
  return { tenure, window };
}

function mae(predicted: readonly number[], actual: readonly number[]): number {
  if (actual.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(predicted[i]! - actual[i]!);
  return sum / actual.length;
}

/**
 * Evaluates the customer-value model on a holdout period. The reported baseline is the better
 * (lower MAE) of the two naive forecasts, named in `baselineMethod`, so the comparison is never
 * against a straw man. Throws on an invalid asOf or a non-positive holdout.
 */
export function evaluateClv(histories: readonly ShopperHistory[], opts: ClvEvaluateOptions): ClvEvaluation {
  const asOf = epochOf(opts.asOf);
  if (!(opts.holdoutDays > 0)) throw new Error('holdoutDays must be positive');
  const end = asOf + opts.holdoutDays * DAY_MS;
  const model = fitClv(histories, { asOf, minRepeatBuyers: opts.minRepeatBuyers });
  const eligible = histories.filter((h) => eligibleClv(h, asOf));
  const actual = eligible.map((h) => spendBetween(h, asOf, end));
  const predicted = eligible.map((h) => model.predict(h, asOf, opts.holdoutDays).expectedSpendMinor);
  const naive = naiveForecasts(eligible, asOf, opts.holdoutDays);
  const tenureMae = mae(naive.tenure, actual);
  const windowMae = mae(naive.window, actual);
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    kind: 'clv',
    method: model.method,
    asOf: new Date(asOf).toISOString(),
    holdoutDays: opts.holdoutDays,
    n: eligible.length,
    mae: mae(predicted, actual),
    baselineMae: Math.min(tenureMae, windowMae),
    baselineMethod: tenureMae <= windowMae ? 'historical-rate-tenure' : 'historical-rate-window',
    actualTotal: sum(actual),
    predictedTotal: sum(predicted),
    parameters: { ...model.parameters },
  };
}
