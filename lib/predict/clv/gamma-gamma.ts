/**
 * Gamma–Gamma spend model (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"): the
 * value of each purchase is Gamma(p, ν), and ν varies across shoppers as Gamma(q, γ). Fitted by
 * maximum likelihood on repeat buyers' mean repeat-purchase value.
 */
import { nelderMead } from './optimize';
import { logGamma } from './special';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Log-likelihood of one shopper: x purchases (≥ 1) of mean value m (> 0). */
export function gammaGammaLogLikelihood(g: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = g;
  return (
    logGamma(p * x + q) -
    logGamma(p * x) -
    logGamma(q) +
    q * Math.log(gamma) +
    (p * x - 1) * Math.log(m) +
    p * x * Math.log(x) -
    (p * x + q) * Math.log(gamma + m * x)
  );
}

/**
 * Maximum-likelihood Gamma–Gamma parameters from (x, m) pairs with x ≥ 1 and m > 0. Money is
 * rescaled by the median m during the fit (the model is scale-equivariant: γ scales with money),
 * which keeps the optimiser well-conditioned for minor units. Throws when no pair qualifies (x ≥ 1, m > 0).
 */
export function fitGammaGamma(pairs: readonly { x: number; m: number }[]): {
  params: GammaGammaParams;
  logLikelihood: number;
} {
  const data = pairs.filter((d) => d.x >= 1 && d.m > 0);
  if (data.length === 0) throw new Error('Gamma–Gamma needs at least one shopper with a positive spend');
  const sorted = data.map((d) => d.m).sort((a, b) => a - b);
  const scale = sorted[Math.floor(sorted.length / 2)]!;
  const scaled = data.map((d) => ({
    x: d.x,
    m: d.m / scale,
    logM: Math.log(d.m / scale),
    logX: Math.log(d.x),
  }));
  const objective = (v: readonly number[]): number => {
    if (v.some((t) => Math.abs(t) > 30)) return Number.POSITIVE_INFINITY;
    const p = Math.exp(v[0]!);
    const q = Math.exp(v[1]!);
    const gamma = Math.exp(v[2]!);
    // gammaGammaLogLikelihood, with its Γ terms computed once per distinct x.
    const perX = new Map<number, number>();
    const head = q * v[2]! - logGamma(q);
    let ll = 0;
    for (const d of scaled) {
      let c = perX.get(d.x);
      if (c === undefined) {
        c = logGamma(p * d.x + q) - logGamma(p * d.x) + head;
        perX.set(d.x, c);
      }
      ll += c + (p * d.x - 1) * d.logM + p * d.x * d.logX - (p * d.x + q) * Math.log(gamma + d.m * d.x);
    }
    return -ll / scaled.length + 1e-4 * (v[0]! ** 2 + v[1]! ** 2);
  };
  // Start: p = 2, q = 3, γ so that the population mean pγ/(q − 1) ≈ 1 (the median, scaled).
  const best = nelderMead(objective, [Math.log(2), Math.log(3), 0], {
    tolerance: 1e-12,
    maxIterations: 4000,
  });
  const params = { p: Math.exp(best.x[0]!), q: Math.exp(best.x[1]!), gamma: Math.exp(best.x[2]!) * scale };
  let ll = 0;
  for (const d of data) ll += gammaGammaLogLikelihood(params, d.x, d.m);
  return { params, logLikelihood: ll };
}

/**
 * E[mean purchase value | x purchases of mean m] = p(γ + x m) / (p x + q − 1); for x = 0 the
 * population mean p γ / (q − 1). When the denominator is not positive (q ≤ 1: infinite population
 * mean) returns m, or `fallback` when x = 0.
 */
export function gammaGammaExpectedValue(g: GammaGammaParams, x: number, m: number, fallback: number): number {
  const { p, q, gamma } = g;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return x > 0 ? m : fallback;
  return (p * (gamma + x * m)) / denominator;
}
