/**
 * Regret simulation with known click rates: how much worse than always serving the best arm
 * Thompson sampling, LinUCB and a uniform split do. Regret is the expected (pseudo-) regret,
 * Σ_t (best rate in the round's context − rate of the arm served), so it measures the policy's
 * choices and not the luck of the Bernoulli draws. All policies see the same contexts and the same
 * uniform draw per round (common random numbers), so differences are the policies' own.
 */
import type { DecisionContext } from '@/lib/ads/types';
import { contextVector } from './features';
import { chooseThompson } from './thompson';
import { chooseLinUcb, createLinUcbState, type LinUcbState, updateLinUcb } from './linucb';
import { createRng, type Rng } from './rng';

export const SIM_POLICIES = ['thompson', 'linucb', 'uniform', 'best'] as const;
export type SimPolicy = (typeof SIM_POLICIES)[number];

/** One kind of shopper: how often it comes (relative weight) and each arm's click rate for it. */
export interface SimContext {
  ctx: DecisionContext;
  weight: number;
  /** Click rate per arm, 0..1, same length for every context. */
  rates: number[];
}

export interface SimulationOptions {
  /** Click rate per arm when every shopper is alike (ignored when `contexts` is given). */
  rates?: number[];
  contexts?: SimContext[];
  rounds: number;
  /** Rounds (1..rounds) at which the cumulative regret is recorded; default [rounds]. */
  checkpoints?: number[];
  /** Default 1. */
  seed?: number;
  /** LinUCB's exploration weight; default 1 (the campaign default). */
  alpha?: number;
  /** Exploration floor applied to Thompson, 0..1; default 0. */
  floor?: number;
}

export interface SimulationResult {
  checkpoints: number[];
  /** Cumulative expected regret per policy at each checkpoint (best is 0 by definition). */
  regret: Record<SimPolicy, number[]>;
  /** Expected clicks per policy over all rounds. */
  expectedClicks: Record<SimPolicy, number>;
}

interface Runner {
  choose(ctxIndex: number, rng: Rng): number;
  update(arm: number, ctxIndex: number, reward: number): void;
}

function normalizeContexts(opts: SimulationOptions): SimContext[] {
  const contexts = opts.contexts ?? [
    { ctx: { segmentId: null, locale: null, device: null }, weight: 1, rates: opts.rates ?? [] },
  ];
  const k = contexts[0]?.rates.length ?? 0;
  if (k < 2) throw new RangeError('a simulation needs at least two arms');
  if (contexts.some((c) => c.rates.length !== k || !(c.weight > 0)))
    throw new RangeError('every context needs a positive weight and one rate per arm');
  return contexts;
}

/**
 * Runs the four policies for `rounds` rounds.
 * @throws RangeError for fewer than two arms, mismatched rate lists or rounds < 1.
 */
export function simulateRegret(opts: SimulationOptions): SimulationResult {
  const contexts = normalizeContexts(opts);
  const rounds = Math.floor(opts.rounds);
  if (rounds < 1) throw new RangeError('rounds must be ≥ 1');
  const k = contexts[0]!.rates.length;
  const seed = opts.seed ?? 1;
  const checkpoints = [...new Set((opts.checkpoints ?? [rounds]).filter((c) => c >= 1 && c <= rounds))].sort(
    (a, b) => a - b,
  );

  // The same shoppers and the same reward draws for every policy.
  const envRng = createRng(seed);
  const totalWeight = contexts.reduce((s, c) => s + c.weight, 0);
  const ctxOf = new Int32Array(rounds);
  const draw = new Float64Array(rounds);
  for (let t = 0; t < rounds; t++) {
    let r = envRng() * totalWeight;
    let c = 0;
    while (c < contexts.length - 1 && r >= contexts[c]!.weight) r -= contexts[c++]!.weight;
    ctxOf[t] = c;
    draw[t] = envRng();
  }
  const best = contexts.map((c) => c.rates.indexOf(Math.max(...c.rates)));

  const segmentIds = [
    ...new Set(contexts.map((c) => c.ctx.segmentId).filter((s): s is string => s !== null)),
  ];
  const locales = [...new Set(contexts.map((c) => c.ctx.locale).filter((l): l is string => l !== null))];
  const vectors = contexts.map((c) => contextVector(c.ctx, segmentIds, locales));
  const ids = Array.from({ length: k }, (_, i) => String(i));

  const runners: Record<SimPolicy, () => Runner> = {
    thompson: () => {
      const arms = ids.map((id) => ({ id, successes: 0, trials: 0 }));
      return {
        choose: (_c, rng) => Number(chooseThompson(arms, rng, { floor: opts.floor ?? 0 })),
        update: (a, _c, reward) => {
          arms[a]!.trials++;
          arms[a]!.successes += reward;
        },
      };
    },
    linucb: () => {
      const states: LinUcbState[] = ids.map(() => createLinUcbState(vectors[0]!.length));
      const arms = ids.map((id, i) => ({ id, state: states[i]! }));
      return {
        choose: (c, rng) => Number(chooseLinUcb(arms, vectors[c]!, opts.alpha ?? 1, rng)),
        update: (a, c, reward) => void updateLinUcb(states[a]!, vectors[c]!, reward),
      };
    },
    uniform: () => ({ choose: (_c, rng) => Math.min(k - 1, Math.floor(rng() * k)), update: () => {} }),
    best: () => ({ choose: (c) => best[c]!, update: () => {} }),
  };

  const regret = {} as Record<SimPolicy, number[]>;
  const expectedClicks = {} as Record<SimPolicy, number>;
  SIM_POLICIES.forEach((policy, p) => {
    const runner = runners[policy]();
    const rng = createRng(seed * 31 + p + 1);
    const curve: number[] = [];
    let cum = 0;
    let clicks = 0;
    let next = 0;
    for (let t = 0; t < rounds; t++) {
      const c = ctxOf[t]!;
      const rates = contexts[c]!.rates;
      const arm = runner.choose(c, rng);
      const rate = rates[arm]!;
      cum += rates[best[c]!]! - rate;
      clicks += rate;
      runner.update(arm, c, draw[t]! < rate ? 1 : 0);
      while (next < checkpoints.length && checkpoints[next] === t + 1) {
        curve.push(cum);
        next++;
      }
    }
    regret[policy] = curve;
    expectedClicks[policy] = clicks;
  });
  return { checkpoints, regret, expectedClicks };
}
