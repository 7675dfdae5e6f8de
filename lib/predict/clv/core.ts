/**
 * What every customer-value model shares: it forecasts from four inputs of the RFM summary
 * (repeat purchases, days since the last purchase, tenure, order value), so one wrapper turns any
 * such forecaster into a `ClvModel` whose explanation is the exact Shapley decomposition over
 * those inputs against the population's typical shopper.
 */
import type { ClvModel, ClvPrediction } from './index';
import type { Contribution, Explanation, ShopperHistory } from '@/lib/predict/types';
import { type ClvSummary, summarize } from './summary';

/** The four inputs, days and minor units. */
export interface ClvInputs {
  /** Repeat purchases. */
  x: number;
  /** Days since the last purchase day (T − tx). */
  recencyDays: number;
  /** Days since the first purchase. */
  T: number;
  /** Order value the model uses (repeat mean for Gamma–Gamma, overall mean for the rule). */
  value: number;
}

export interface ClvCore {
  method: string;
  parameters: Record<string, number>;
  /** The typical shopper every explanation starts from. */
  baseline: ClvInputs;
  inputsOf(s: ClvSummary): ClvInputs;
  forecast(inputs: ClvInputs, horizonDays: number): ClvPrediction;
  toJSON(): Record<string, unknown>;
}

const FEATURES = [
  { key: 'x', feature: 'frequency', label: 'Repeat purchases' },
  { key: 'recencyDays', feature: 'recency', label: 'Days since last order' },
  { key: 'T', feature: 'tenure', label: 'Days since first order' },
  { key: 'value', feature: 'orderValue', label: 'Order value (minor units)' },
] as const;

const NO_PURCHASE: ClvPrediction = { expectedPurchases: 0, expectedSpendMinor: 0, pAlive: 0 };

function format(key: (typeof FEATURES)[number]['key'], v: number): string {
  if (key === 'x') return String(Math.round(v * 100) / 100);
  if (key === 'value') return String(Math.round(v));
  return String(Math.round(v * 10) / 10);
}

/** Shapley weight |S|! (n − |S| − 1)! / n! for a coalition of `size` out of n players. */
function shapleyWeight(size: number, n: number): number {
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  return (fact(size) * fact(n - size - 1)) / fact(n);
}

/** Exact Shapley values of `v` over n players (2ⁿ evaluations); v(mask) with bit i = player i present. */
export function shapley(n: number, v: (mask: number) => number): { base: number; values: number[] } {
  const cache = new Float64Array(1 << n);
  for (let mask = 0; mask < 1 << n; mask++) cache[mask] = v(mask);
  const values = new Array<number>(n).fill(0);
  for (let mask = 0; mask < 1 << n; mask++) {
    let size = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) size++;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) continue;
      values[i]! += shapleyWeight(size, n) * (cache[mask | (1 << i)]! - cache[mask]!);
    }
  }
  return { base: cache[0]!, values };
}

/** Mixes shopper inputs (bits set) with the baseline's (bits clear); keeps tx = T − recency ≥ 0. */
function mix(shopper: ClvInputs, baseline: ClvInputs, mask: number): ClvInputs {
  const pick = (i: number, k: keyof ClvInputs): number => (mask & (1 << i) ? shopper[k] : baseline[k]);
  const T = pick(2, 'T');
  return { x: pick(0, 'x'), recencyDays: Math.min(pick(1, 'recencyDays'), T), T, value: pick(3, 'value') };
}

/** Wraps a forecaster as a `ClvModel`. */
export function clvModelOf(core: ClvCore): ClvModel {
  const checkHorizon = (horizonDays: number): void => {
    if (!(horizonDays > 0)) throw new Error('horizonDays must be positive');
  };
  return {
    kind: 'clv',
    method: core.method,
    parameters: core.parameters,
    predict(h: ShopperHistory, asOf: number, horizonDays: number): ClvPrediction {
      checkHorizon(horizonDays);
      const s = summarize(h, asOf);
      return s ? core.forecast(core.inputsOf(s), horizonDays) : { ...NO_PURCHASE };
    },
    explain(h: ShopperHistory, asOf: number, horizonDays: number): Explanation {
      checkHorizon(horizonDays);
      const s = summarize(h, asOf);
      const spend = (inputs: ClvInputs): number => core.forecast(inputs, horizonDays).expectedSpendMinor;
      const base = spend(core.baseline);
      let contributions: Contribution[];
      let score: number;
      if (!s) {
        // No purchase yet: the models forecast existing customers only.
        contributions = [
          { feature: 'noPurchase', label: 'No paid order yet', value: '0', contribution: -base },
        ];
        score = 0;
      } else {
        const inputs = core.inputsOf(s);
        const phi = shapley(FEATURES.length, (mask) => spend(mix(inputs, core.baseline, mask)));
        contributions = FEATURES.map((f, i) => ({
          feature: f.feature,
          label: f.label,
          value: format(f.key, inputs[f.key]),
          contribution: phi.values[i]!,
        }));
        score = spend(inputs);
      }
      const total = base + contributions.reduce((sum, c) => sum + c.contribution, 0);
      return { kind: 'clv', method: core.method, link: 'identity', base, contributions, total, score };
    },
    toJSON: () => core.toJSON(),
  };
}
