/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a shopper
 * buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). Time unit: days. Fitted by maximum likelihood over log-parameters.
 */
import { nelderMead } from './optimize';
import { logAddExp, logBeta, logGamma, scaledHyp2f1 } from './special';
import type { ClvSummary } from './summary';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Log-likelihood of one shopper's (x, tx, T) (FHL 2005, eq. 6). */
export function bgnbdLogLikelihood(p: BgNbdParams, s: Pick<ClvSummary, 'x' | 'tx' | 'T'>): number {
  const { r, alpha, a, b } = p;
  const { x, tx, T } = s;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logBeta(a, b + x) - logBeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x <= 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/**
 * Σ log-likelihood over shoppers. The Γ and B terms depend on x only, so they are computed once
 * per distinct x (most shoppers share a handful of x values), which makes the fit several times faster.
 */
export function bgnbdTotalLogLikelihood(p: BgNbdParams, data: readonly ClvSummary[]): number {
  const { r, alpha, a, b } = p;
  const perX = new Map<number, { head: number; logA4: number }>();
  const logAlpha = Math.log(alpha);
  const logBetaAB = logBeta(a, b);
  const lgR = logGamma(r);
  let ll = 0;
  for (const s of data) {
    const { x, tx, T } = s;
    let c = perX.get(x);
    if (!c) {
      c = {
        head: logGamma(r + x) - lgR + r * logAlpha + logBeta(a, b + x) - logBetaAB,
        logA4: x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0,
      };
      perX.set(x, c);
    }
    const a3 = -(r + x) * Math.log(alpha + T);
    ll += x > 0 ? c.head + logAddExp(a3, c.logA4 - (r + x) * Math.log(alpha + tx)) : c.head + a3;
  }
  return ll;
}

/**
 * Maximum-likelihood BG/NBD parameters. Deterministic: Nelder–Mead over (log r, log α, log a,
 * log b) from a moment-based start (α from the mean tenure). A tiny ridge on the log-parameters
 * keeps the optimum finite when the data cannot pin a parameter down (e.g. nobody churns).
 * Throws when `data` is empty.
 */
export function fitBgNbd(data: readonly ClvSummary[]): { params: BgNbdParams; logLikelihood: number } {
  if (data.length === 0) throw new Error('BG/NBD needs at least one shopper');
  const meanT = data.reduce((s, d) => s + d.T, 0) / data.length;
  const meanX = data.reduce((s, d) => s + d.x, 0) / data.length;
  // Start: r = 1 and α so that r/α ≈ the observed purchase rate; a = 1, b = 3.
  const rate0 = Math.max(meanX, 0.1) / Math.max(meanT, 1);
  const x0 = [0, Math.log(1 / rate0), 0, Math.log(3)];
  const decode = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0]!),
    alpha: Math.exp(v[1]!),
    a: Math.exp(v[2]!),
    b: Math.exp(v[3]!),
  });
  const n = data.length;
  const objective = (v: readonly number[]): number => {
    if (v.some((t) => Math.abs(t) > 30)) return Number.POSITIVE_INFINITY;
    const ridge = 1e-4 * (v[0]! ** 2 + v[2]! ** 2 + v[3]! ** 2);
    return -bgnbdTotalLogLikelihood(decode(v), data) / n + ridge;
  };
  const best = nelderMead(objective, x0, { step: 0.5, tolerance: 1e-12, maxIterations: 4000 });
  const params = decode(best.x);
  return { params, logLikelihood: bgnbdTotalLogLikelihood(params, data) };
}

/** P(alive | x, tx, T) (FHL 2005, eq. 11). */
export function bgnbdPAlive(p: BgNbdParams, s: Pick<ClvSummary, 'x' | 'tx' | 'T'>): number {
  if (s.x <= 0) return 1;
  const { r, alpha, a, b } = p;
  const logRatio = Math.log(a) - Math.log(b + s.x - 1) + (r + s.x) * Math.log((alpha + s.T) / (alpha + s.tx));
  return 1 / (1 + Math.exp(logRatio));
}

/**
 * Expected purchases in (T, T + t] given (x, tx, T) (FHL 2005, eq. 10), t in days. The formula
 * divides by a − 1 and has a removable singularity at a = 1: there it is evaluated as the mean of
 * the values at a = 1 ± 2e-4.
 */
export function bgnbdExpectedPurchases(
  p: BgNbdParams,
  s: Pick<ClvSummary, 'x' | 'tx' | 'T'>,
  t: number,
): number {
  if (!(t > 0)) return 0;
  if (Math.abs(p.a - 1) < 1e-4) {
    const lo = bgnbdExpectedPurchases({ ...p, a: 1 - 2e-4 }, s, t);
    const hi = bgnbdExpectedPurchases({ ...p, a: 1 + 2e-4 }, s, t);
    return (lo + hi) / 2;
  }
  const { r, alpha, a, b } = p;
  const { x, tx, T } = s;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  // power · ₂F₁ as one scaled sum: for extreme parameters ₂F₁ alone overflows.
  const logPower = (r + x) * Math.log((alpha + T) / (alpha + T + t));
  const numerator = head * (1 - scaledHyp2f1(r + x, b + x, a + b + x - 1, z, logPower));
  const denominator =
    x > 0 ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))) : 1;
  return Math.max(0, numerator / denominator);
}

/** Unconditional E[X(t)]: expected purchases of a new shopper in their first t days (eq. 9). */
export function bgnbdExpectedPurchasesNew(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  if (Math.abs(a - 1) < 1e-4) {
    const lo = bgnbdExpectedPurchasesNew({ ...p, a: 1 - 2e-4 }, t);
    return (lo + bgnbdExpectedPurchasesNew({ ...p, a: 1 + 2e-4 }, t)) / 2;
  }
  const logPower = r * Math.log(alpha / (alpha + t));
  return ((a + b - 1) / (a - 1)) * (1 - scaledHyp2f1(r, b, a + b - 1, t / (alpha + t), logPower));
}
