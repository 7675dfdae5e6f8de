/**
 * The affinity mixture: a Dirichlet-smoothed estimate of the next category,
 *   p(c) ∝ α·popularity(c) + Σₖ wₖ · Σ_{facts of signal k in c} weight · 2^(−age / halfLife),
 * with w_purchases fixed at 1 (the mixture is invariant to scaling every weight together).
 * α acts as the prior's pseudo-count: a shopper with few facts stays close to the store's taste.
 */
import type { SignalFact } from './signals';

export interface MixtureParams {
  /** Pseudo-count of the popularity prior (> 0). */
  alpha: number;
  /** Weight of a cart add relative to a purchase (≥ 0). */
  carts: number;
  /** Weight of a view relative to a purchase (≥ 0). */
  views: number;
  /** Days after which a fact counts half (> 0). */
  halfLifeDays: number;
}

/** Which parts of the mixture are switched on (for Shapley explanations); all on by default. */
export interface MixtureMask {
  purchases: boolean;
  carts: boolean;
  views: boolean;
  recency: boolean;
}

export const ALL_ON: MixtureMask = { purchases: true, carts: true, views: true, recency: true };

/**
 * The probability of each category (indexed like `popularity`), summing to 1. Facts naming a
 * category the model does not know are ignored. `index` maps category → position.
 */
export function mixtureProbabilities(
  p: MixtureParams,
  popularity: readonly number[],
  index: ReadonlyMap<string, number>,
  facts: readonly SignalFact[],
  mask: MixtureMask = ALL_ON,
): Float64Array {
  const out = new Float64Array(popularity.length);
  for (let i = 0; i < popularity.length; i++) out[i] = p.alpha * popularity[i]!;
  const weights = [mask.purchases ? 1 : 0, mask.carts ? p.carts : 0, mask.views ? p.views : 0];
  const rate = mask.recency ? Math.LN2 / p.halfLifeDays : 0;
  for (const f of facts) {
    const w = weights[f.signal]!;
    if (w === 0) continue;
    const i = index.get(f.category);
    if (i === undefined) continue;
    out[i]! += w * f.weight * Math.exp(-rate * f.ageDays);
  }
  let total = 0;
  for (const v of out) total += v;
  if (total > 0) for (let i = 0; i < out.length; i++) out[i]! /= total;
  return out;
}
