/**
 * Auto-pause: an arm that has had its chance (≥ `minImpressions`) and is almost surely not the
 * best (posterior probability to be best < `threshold`) stops serving, so traffic is not spent on a
 * clear loser. At least two arms always keep serving, so the bandit still compares something.
 */
import { createRng } from './rng';
import { type BetaArm, probabilityBest } from './thompson';

export interface AutoPauseOptions {
  /** Impressions an arm needs before it may be paused; default 500. */
  minImpressions?: number;
  /** Pause below this probability to be best, 0..1; default 0.01. */
  threshold?: number;
  /** Monte Carlo draws; default 20,000. */
  draws?: number;
  /** Seed of the Monte Carlo draws, so the same counters always give the same verdict; default 1. */
  seed?: number;
}

export interface PauseVerdict {
  id: string;
  probabilityBest: number;
  trials: number;
  /** For ad_creatives.paused_reason, e.g. "auto: probability to be best 0.4 % after 812 impressions". */
  reason: string;
}

/**
 * Probability to be best of each arm (Beta(1 + s, 1 + f) posteriors), seeded Monte Carlo.
 * Returns values in [0, 1] summing to 1, in the order of `arms`.
 */
export function probabilityToBeBest(arms: readonly BetaArm[], draws = 20_000, seed = 1): number[] {
  return probabilityBest(arms, createRng(seed), draws);
}

function percent(p: number): string {
  return `${(p * 100).toFixed(1)} %`;
}

/**
 * The serving arms to pause now, worst first. `arms` must be the arms still serving (counters for
 * all traffic). Never leaves fewer than two arms serving; with two or fewer arms nothing is paused.
 */
export function armsToPause(arms: readonly BetaArm[], opts: AutoPauseOptions = {}): PauseVerdict[] {
  const minImpressions = opts.minImpressions ?? 500;
  const threshold = opts.threshold ?? 0.01;
  if (arms.length <= 2) return [];
  const probs = probabilityToBeBest(arms, opts.draws, opts.seed);
  const losers = arms
    .map((arm, i) => ({ arm, p: probs[i] ?? 0 }))
    .filter(({ arm, p }) => arm.trials >= minImpressions && p < threshold)
    .sort((x, y) => x.p - y.p || x.arm.successes / x.arm.trials - y.arm.successes / y.arm.trials);
  const room = arms.length - 2;
  return losers.slice(0, room).map(({ arm, p }) => ({
    id: arm.id,
    probabilityBest: p,
    trials: arm.trials,
    reason: `auto: probability to be best ${percent(p)} after ${arm.trials.toLocaleString('en-US')} impressions`,
  }));
}
