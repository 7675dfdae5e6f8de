/**
 * 'historical-rate': the transparent customer-value rule for stores with too few repeat buyers to
 * fit BG/NBD honestly. A shopper's purchase rate and order value, each shrunk towards the store's
 * (so one purchase yesterday does not extrapolate to one a day), dampened by time since the last
 * purchase (halved per HALF_LIFE_DAYS of silence).
 */
import type { ClvCore, ClvInputs } from './core';
import type { ClvSummary } from './summary';

/** Pseudo-days of the store's purchase rate added to every shopper's own. */
export const RULE_PRIOR_DAYS = 90;
/** Pseudo-orders of the store's order value added to every shopper's own. */
export const RULE_PRIOR_ORDERS = 2;
/** Days of silence that halve the expected purchases. */
export const RULE_HALF_LIFE_DAYS = 180;

export interface RuleParams {
  /** Store-wide purchases per shopper-day of tenure. */
  populationRate: number;
  /** Store-wide mean spend per purchase, minor units. */
  populationAov: number;
}

function inputsOf(s: ClvSummary): ClvInputs {
  return { x: s.x, recencyDays: s.T - s.tx, T: s.T, value: s.spend / (s.x + 1) };
}

/** The rule's population constants from calibration summaries (zeros when there are none). */
export function ruleParamsOf(data: readonly ClvSummary[]): RuleParams {
  let days = 0;
  let purchases = 0;
  let spend = 0;
  for (const s of data) {
    days += s.T;
    purchases += s.x + 1;
    spend += s.spend;
  }
  return {
    populationRate: days > 0 ? purchases / days : 0,
    populationAov: purchases > 0 ? spend / purchases : 0,
  };
}

/** The rule as a forecaster; `baseline` is the mean shopper's inputs. */
export function ruleCore(params: RuleParams, baseline: ClvInputs, extra: Record<string, number>): ClvCore {
  const { populationRate, populationAov } = params;
  return {
    method: 'historical-rate',
    parameters: {
      ...extra,
      populationRate,
      populationAov,
      priorDays: RULE_PRIOR_DAYS,
      priorOrders: RULE_PRIOR_ORDERS,
      halfLifeDays: RULE_HALF_LIFE_DAYS,
    },
    baseline,
    inputsOf,
    forecast(inputs, horizonDays) {
      const orders = inputs.x + 1;
      const rate = (orders + RULE_PRIOR_DAYS * populationRate) / (Math.max(inputs.T, 0) + RULE_PRIOR_DAYS);
      const pAlive = 0.5 ** (Math.max(inputs.recencyDays, 0) / RULE_HALF_LIFE_DAYS);
      const expectedPurchases = rate * horizonDays * pAlive;
      const aov = (orders * inputs.value + RULE_PRIOR_ORDERS * populationAov) / (orders + RULE_PRIOR_ORDERS);
      return { expectedPurchases, expectedSpendMinor: expectedPurchases * aov, pAlive };
    },
    toJSON: () => ({ kind: 'clv', version: 1, method: 'historical-rate', params, baseline, extra }),
  };
}

/** The baseline shopper: the mean of the inputs over calibration shoppers. */
export function meanInputs(rows: readonly ClvInputs[]): ClvInputs {
  const n = Math.max(rows.length, 1);
  const sum = { x: 0, recencyDays: 0, T: 0, value: 0 };
  for (const r of rows) {
    sum.x += r.x;
    sum.recencyDays += r.recencyDays;
    sum.T += r.T;
    sum.value += r.value;
  }
  return { x: sum.x / n, recencyDays: sum.recencyDays / n, T: sum.T / n, value: sum.value / n };
}

export { inputsOf as ruleInputsOf };
