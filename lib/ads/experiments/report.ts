/**
 * The analysis of an A/B experiment (pure): Beta(1 + s, 1 + f) posteriors per arm, the
 * probability that each arm is the best and that it beats the control (seeded Monte Carlo), 95 %
 * credible intervals of each rate (exact Beta quantiles) and of the relative lift over the control
 * (Monte Carlo quantiles), a classic two-proportion z-test p-value — valid only when read once, at
 * the planned sample size — and a plain-words recommendation.
 */
import { betaInterval } from '@/lib/ads/bandit/beta';
import { createRng, sampleBeta } from '@/lib/ads/bandit/rng';
import { posterior } from '@/lib/ads/bandit/thompson';
import { normalCdf } from './normal';

export const P_VALUE_NOTE = 'fixed-horizon; valid only at the planned sample size';

export interface ExperimentArmInput {
  creativeId: string;
  /** Clicks or conversions (the experiment's metric). */
  successes: number;
  impressions: number;
}

export interface ExperimentArmResult extends ExperimentArmInput {
  /** "A" (the control), "B", "C", … */
  label: string;
  isControl: boolean;
  /** Observed rate successes / impressions (0 without impressions). */
  rate: number;
  posteriorMean: number;
  /** 95 % credible interval of the rate. */
  interval: [number, number];
  probabilityBest: number;
  /** P(rate > control's rate); null for the control. */
  probabilityBeatsControl: number | null;
  /**
   * Relative lift over the control (rate / control − 1): point estimate (ratio of the posterior
   * means − 1) and 95 % credible interval; null for the control.
   */
  lift: { mean: number; interval: [number, number] } | null;
  /** Two-sided two-proportion z-test against the control; null for the control or without data. */
  pValue: number | null;
}

export interface ExperimentAnalysis {
  arms: ExperimentArmResult[];
  /** Planned impressions per arm and how far the smallest arm is, 0..1 (capped). */
  progress: { perArm: number; smallestArm: number; share: number };
  pValueNote: string;
  recommendation: string;
}

/** Confidence that counts as "better", 0..1. */
export const DECISION_PROBABILITY = 0.95;

const LABELS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function quantile(sorted: Float64Array, q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[i]!;
}

/** Two-sided p-value of the pooled two-proportion z-test; null without data on either side. */
export function twoProportionPValue(s1: number, n1: number, s2: number, n2: number): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const pooled = (s1 + s2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = (s2 / n2 - s1 / n1) / se;
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

function pct(p: number): string {
  return `${Math.round(p * 100)} %`;
}

function recommend(arms: ExperimentArmResult[], share: number): string {
  if (arms.every((a) => a.impressions === 0)) return 'Keep running: no impressions yet.';
  const leader = arms.reduce((best, a) => (a.probabilityBest > best.probabilityBest ? a : best));
  const reached = share >= 1;
  const confirm = reached ? '' : ' (planned sample not reached yet; keep running to confirm)';
  if (!leader.isControl && (leader.probabilityBeatsControl ?? 0) >= DECISION_PROBABILITY) {
    return `${leader.label} is better than the control with ${pct(leader.probabilityBeatsControl ?? 0)} probability${confirm}.`;
  }
  if (leader.isControl && leader.probabilityBest >= DECISION_PROBABILITY) {
    return `The control (A) is best with ${pct(leader.probabilityBest)} probability: keep it${confirm}.`;
  }
  if (reached)
    return 'No clear winner at the planned sample size: the arms differ less than the planned minimum lift.';
  return `Keep running: ${pct(share)} of the planned sample collected; ${leader.label} leads with ${pct(leader.probabilityBest)} probability to be best.`;
}

/**
 * Analyses an experiment. `arms[0]` is the control.
 * @param perArm planned impressions per arm (ExperimentPlan.perArm)
 * @param opts draws: Monte Carlo draws (default 20,000); seed (default 1) — same input, same output
 * @throws RangeError for fewer than two arms.
 */
export function analyzeExperiment(
  arms: readonly ExperimentArmInput[],
  perArm: number,
  opts: { draws?: number; seed?: number } = {},
): ExperimentAnalysis {
  if (arms.length < 2) throw new RangeError('An experiment needs at least two arms.');
  const draws = opts.draws ?? 20_000;
  const rng = createRng(opts.seed ?? 1);
  const params = arms.map((a) => posterior({ successes: a.successes, trials: a.impressions }));
  const samples = params.map(() => new Float64Array(draws));
  const wins = new Array<number>(arms.length).fill(0);
  const beats = new Array<number>(arms.length).fill(0);
  for (let d = 0; d < draws; d++) {
    let best = 0;
    for (let i = 0; i < arms.length; i++) {
      const x = sampleBeta(rng, params[i]!.alpha, params[i]!.beta);
      samples[i]![d] = x;
      if (x > samples[best]![d]!) best = i;
    }
    wins[best] = (wins[best] ?? 0) + 1;
    for (let i = 1; i < arms.length; i++)
      if (samples[i]![d]! > samples[0]![d]!) beats[i] = (beats[i] ?? 0) + 1;
  }
  const control = arms[0]!;
  const results: ExperimentArmResult[] = arms.map((arm, i) => {
    const { alpha, beta } = params[i]!;
    let lift: ExperimentArmResult['lift'] = null;
    if (i > 0) {
      const ratio = new Float64Array(draws);
      for (let d = 0; d < draws; d++) ratio[d] = samples[i]![d]! / samples[0]![d]! - 1;
      ratio.sort();
      const c = params[0]!;
      // The ratio of posterior means, not the mean of the ratio draws: that one has no finite
      // expectation while the control has little data (a draw near 0 in the denominator).
      const mean = alpha / (alpha + beta) / (c.alpha / (c.alpha + c.beta)) - 1;
      lift = { mean, interval: [quantile(ratio, 0.025), quantile(ratio, 0.975)] };
    }
    return {
      ...arm,
      label: LABELS[i] ?? `#${i + 1}`,
      isControl: i === 0,
      rate: arm.impressions > 0 ? arm.successes / arm.impressions : 0,
      posteriorMean: alpha / (alpha + beta),
      interval: betaInterval(alpha, beta),
      probabilityBest: (wins[i] ?? 0) / draws,
      probabilityBeatsControl: i === 0 ? null : (beats[i] ?? 0) / draws,
      lift,
      pValue:
        i === 0
          ? null
          : twoProportionPValue(control.successes, control.impressions, arm.successes, arm.impressions),
    };
  });
  const smallestArm = Math.min(...arms.map((a) => a.impressions));
  const share = perArm > 0 ? Math.min(1, smallestArm / perArm) : 0;
  return {
    arms: results,
    progress: { perArm, smallestArm, share },
    pValueNote: P_VALUE_NOTE,
    recommendation: recommend(results, share),
  };
}
