/**
 * Sample-size planning for an A/B test of click (or conversion) rates: the impressions each arm
 * needs so that a relative lift of `minDetectableLift` over the baseline is detected by a two-sided
 * two-proportion z-test with the given power (Fleiss' formula, pooled variance under H₀):
 *
 *   n = (z₁₋α/2 · √(2 p̄ q̄) + z₁₋β · √(p₁q₁ + p₂q₂))² / (p₂ − p₁)²,  p̄ = (p₁ + p₂) / 2
 *
 * With more than two arms every variant is compared with the control, so α is split over the
 * k − 1 comparisons (Bonferroni). Example: p = 5 %, +20 %, α = 0.05, power 0.8 → 8,158 per arm
 * (the unpooled shortcut (z₁₋α/2 + z₁₋β)²(p₁q₁ + p₂q₂)/Δ² gives 8,155).
 */
import type { ExperimentPlan } from '@/db/schema/ads';
import { normalQuantile } from './normal';

export interface PlanInput {
  /** Current rate of the control, 0 < p < 1 (e.g. 0.03 = 3 % CTR). */
  baselineRate: number;
  /** Smallest relative lift worth detecting, e.g. 0.1 = +10 %; the lifted rate must stay below 1. */
  minDetectableLift: number;
  /** Two-sided significance level, 0 < α < 0.5; default 0.05. */
  alpha?: number;
  /** 0.5 ≤ power < 1; default 0.8. */
  power?: number;
  /** Number of arms including the control, ≥ 2; default 2. */
  arms?: number;
}

export interface PlanResult extends ExperimentPlan {
  arms: number;
  /** Comparisons with the control (k − 1). */
  comparisons: number;
  /** α per comparison after Bonferroni. */
  adjustedAlpha: number;
  /** perArm × arms. */
  total: number;
}

/**
 * Plans an experiment (pure).
 * @throws RangeError naming the input that is out of range.
 */
export function planExperiment(input: PlanInput): PlanResult {
  const { baselineRate: p1, minDetectableLift: lift } = input;
  const alpha = input.alpha ?? 0.05;
  const power = input.power ?? 0.8;
  const arms = input.arms ?? 2;
  if (!(p1 > 0 && p1 < 1)) throw new RangeError('The baseline rate must be between 0 and 1 (exclusive).');
  if (!(lift > 0)) throw new RangeError('The minimum detectable lift must be greater than 0.');
  const p2 = p1 * (1 + lift);
  if (!(p2 < 1)) throw new RangeError('The baseline rate with the lift must stay below 100 %.');
  if (!(alpha > 0 && alpha < 0.5)) throw new RangeError('Alpha must be between 0 and 0.5.');
  if (!(power >= 0.5 && power < 1)) throw new RangeError('Power must be at least 0.5 and below 1.');
  if (!Number.isInteger(arms) || arms < 2) throw new RangeError('An experiment needs at least two arms.');
  const comparisons = arms - 1;
  const adjustedAlpha = alpha / comparisons;
  const zAlpha = normalQuantile(1 - adjustedAlpha / 2);
  const zBeta = normalQuantile(power);
  const pBar = (p1 + p2) / 2;
  const numerator =
    zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const perArm = Math.ceil((numerator * numerator) / ((p2 - p1) * (p2 - p1)));
  return {
    baselineRate: p1,
    minDetectableLift: lift,
    alpha,
    power,
    perArm,
    arms,
    comparisons,
    adjustedAlpha,
    total: perArm * arms,
  };
}
