/**
 * Beta–Bernoulli Thompson sampling: each arm's success rate has the posterior
 * Beta(1 + successes, 1 + failures) (uniform prior); draw once from each and serve the highest.
 * An arm is then served with exactly its posterior probability of being the best.
 */
import { pickWithFloor } from './floor';
import { type Rng, sampleBeta } from './rng';

/** Counters of one arm: successes (clicks or conversions) out of trials (impressions). */
export interface BetaArm {
  id: string;
  successes: number;
  trials: number;
}

/** The posterior's parameters; counters are clamped so that 0 ≤ successes ≤ trials. */
export function posterior(arm: Pick<BetaArm, 'successes' | 'trials'>): { alpha: number; beta: number } {
  const trials = Math.max(0, arm.trials);
  const successes = Math.min(Math.max(0, arm.successes), trials);
  return { alpha: 1 + successes, beta: 1 + trials - successes };
}

/** Index of the arm with the highest posterior draw (one Beta draw per arm, in order). */
export function thompsonIndex(arms: readonly BetaArm[], rng: Rng): number {
  let best = 0;
  let bestDraw = -1;
  for (let i = 0; i < arms.length; i++) {
    const { alpha, beta } = posterior(arms[i]!);
    const draw = sampleBeta(rng, alpha, beta);
    if (draw > bestDraw) {
      bestDraw = draw;
      best = i;
    }
  }
  return best;
}

/**
 * Chooses an arm by Thompson sampling, with the exploration floor (lib/ads/bandit/floor.ts) when
 * `opts.floor` > 0 (share per arm, 0..1; k·floor capped at 1).
 * @returns the chosen arm's id
 * @throws RangeError when `arms` is empty.
 */
export function chooseThompson(arms: readonly BetaArm[], rng: Rng, opts: { floor?: number } = {}): string {
  if (arms.length === 0) throw new RangeError('no arm to choose from');
  const i = pickWithFloor(arms.length, opts.floor ?? 0, rng, () => thompsonIndex(arms, rng));
  return arms[i]!.id;
}

/**
 * Each arm's probability of having the highest rate under the posteriors, by Monte Carlo
 * (`draws` joint draws, default 10,000). This is also Thompson's own selection probability
 * (before the floor). Ties go to the earlier arm. Values sum to 1 (or all 0 when `arms` is empty).
 */
export function probabilityBest(arms: readonly BetaArm[], rng: Rng, draws = 10_000): number[] {
  const wins = new Array<number>(arms.length).fill(0);
  if (arms.length === 0) return wins;
  const params = arms.map(posterior);
  for (let d = 0; d < draws; d++) {
    let best = 0;
    let bestDraw = -1;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      const draw = sampleBeta(rng, p.alpha, p.beta);
      if (draw > bestDraw) {
        bestDraw = draw;
        best = i;
      }
    }
    wins[best] = (wins[best] ?? 0) + 1;
  }
  return wins.map((w) => w / draws);
}
