/**
 * Draws shoppers from the BG/NBD + Gamma–Gamma generative story, for tests and benches that need
 * data whose true parameters are known. Seeded and deterministic.
 */
import { Rng } from '@/db/seed/random';
import type { ShopperHistory } from '@/lib/predict/types';
import type { BgNbdParams } from './bgnbd';
import type { GammaGammaParams } from './gamma-gamma';
import { DAY_MS } from './summary';

export interface SimulatedShopper {
  /** Purchase times in days from the first purchase (0 first), then the observation end T. */
  times: number[];
  T: number;
  /** Value of each purchase, minor units. */
  values: number[];
}

/**
 * `n` shoppers observed for `days` days after their first purchase (first purchases spread over
 * the first `spreadDays` days, so tenures differ). Purchase values follow Gamma–Gamma `gg`.
 */
export function simulateShoppers(
  n: number,
  bg: BgNbdParams,
  gg: GammaGammaParams,
  { days = 365, spreadDays = 180, seed = 1 } = {},
): SimulatedShopper[] {
  const rng = new Rng(seed);
  const out: SimulatedShopper[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = rng.gamma(bg.r, 1 / bg.alpha);
    const p = rng.beta(bg.a, bg.b);
    const nu = rng.gamma(gg.q, 1 / gg.gamma);
    const T = days - rng.uniform(0, spreadDays);
    const times = [0];
    let t = 0;
    for (;;) {
      t += rng.exponential(1 / lambda);
      if (t >= T) break;
      times.push(t);
      if (rng.chance(p)) break;
    }
    out.push({ times, T, values: times.map(() => Math.max(1, Math.round(rng.gamma(gg.p, 1 / nu)))) });
  }
  return out;
}

/** The simulated shoppers as histories whose observation ends at `asOf` (epoch ms). */
export function historiesOfSimulated(shoppers: readonly SimulatedShopper[], asOf: number): ShopperHistory[] {
  return shoppers.map((s, i) => {
    const start = asOf - s.T * DAY_MS;
    return {
      shopperId: `sim-${i}`,
      country: null,
      firstSeenAt: start,
      orders: s.times.map((t, k) => ({
        at: Math.round(start + t * DAY_MS),
        totalMinor: s.values[k]!,
        status: 'paid' as const,
        items: 1,
        products: 1,
      })),
      events: [],
    };
  });
}
