/**
 * Special functions the customer-value likelihoods need: log Γ (Lanczos), log B, and the
 * Gaussian hypergeometric function ₂F₁ by its power series. Pure numerics, no dependencies.
 */

// Lanczos approximation, g = 7, n = 9 (relative error below 1e-15 for positive arguments).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (reflection for x < 0.5); NaN for x ≤ 0 integers and non-finite x. */
export function logGamma(x: number): number {
  if (!Number.isFinite(x)) return Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx); only |Γ| is meaningful for the log.
    const s = Math.sin(Math.PI * x);
    if (s === 0) return Number.NaN;
    return Math.log(Math.PI / Math.abs(s)) - logGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** The iteration cap of `hyp2f1`'s series. */
export const HYP2F1_MAX_TERMS = 200_000;

/**
 * ₂F₁(a, b; c; z) = Σₙ (a)ₙ (b)ₙ / (c)ₙ zⁿ / n!, for 0 ≤ z < 1 and c > 0 (the range BG/NBD uses:
 * z = t / (α + T + t)). Sums until a term is below 1e-15 of the sum, at most HYP2F1_MAX_TERMS
 * terms (the terms shrink like zⁿ, so even z = 0.999 converges well within the cap).
 * Throws on z outside [0, 1), c ≤ 0, or when the cap is reached before convergence.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return scaledHyp2f1(a, b, c, z, 0);
}

/** Rescaling step of `scaledHyp2f1`: the partial sum is kept below this magnitude. */
const RESCALE = 1e250;

/**
 * exp(logScale) · ₂F₁(a, b; c; z), summed with the partial sum rescaled whenever it grows past
 * 1e250. BG/NBD multiplies ₂F₁ by a tiny power ((α+T)/(α+T+t))^(r+x): for extreme fitted
 * parameters the series alone overflows a double although the product is an ordinary number.
 * Same domain and errors as `hyp2f1`; throws 'series overflowed' only when the product does.
 */
export function scaledHyp2f1(a: number, b: number, c: number, z: number, logScale: number): number {
  if (!(z >= 0 && z < 1)) throw new Error(`hyp2f1: z must be in [0, 1), got ${z}`);
  if (!(c > 0)) throw new Error(`hyp2f1: c must be positive, got ${c}`);
  let term = 1;
  let sum = 1;
  // The true partial sum is sum · exp(shift).
  let shift = 0;
  for (let n = 0; n < HYP2F1_MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    // Terms may grow before they shrink (when a·b > c); only stop once they are decreasing.
    if (
      Math.abs(term) <= 1e-15 * Math.abs(sum) &&
      Math.abs((a + n + 1) * (b + n + 1) * z) < Math.abs((c + n + 1) * (n + 2))
    ) {
      const out = sum * Math.exp(shift + logScale);
      if (!Number.isFinite(out)) throw new Error('hyp2f1: series overflowed');
      return out;
    }
    if (Math.abs(sum) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      shift += Math.log(RESCALE);
    }
    if (!Number.isFinite(sum)) throw new Error('hyp2f1: series overflowed');
  }
  throw new Error(`hyp2f1: no convergence in ${HYP2F1_MAX_TERMS} terms (z = ${z})`);
}

/** log(eᵃ + eᵇ) without overflow. */
export function logAddExp(a: number, b: number): number {
  const m = Math.max(a, b);
  if (m === Number.NEGATIVE_INFINITY) return m;
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}
