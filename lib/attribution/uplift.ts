/**
 * Uplift statistics for the holdout comparison: pure functions, no I/O. All intervals are 95 %
 * two-sided. Rates are proportions in [0, 1]; differences are "personalized minus holdout".
 */

/** The standard normal 97.5 % quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for `successes` out of `trials` (Newcombe 1998, method 3).
 * @throws RangeError when trials < 1 or successes is outside 0…trials.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): Interval {
  if (!(trials >= 1) || successes < 0 || successes > trials) {
    throw new RangeError('wilsonInterval needs 0 ≤ successes ≤ trials and trials ≥ 1');
  }
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface ProportionDiff extends Interval {
  /** p1 − p2. */
  diff: number;
  p1: number;
  p2: number;
}

/**
 * Difference of two independent proportions p1 − p2 with Newcombe's hybrid score interval
 * (method 10), which stays inside [−1, 1] and behaves near 0 where the Wald interval does not.
 * @throws RangeError as wilsonInterval for either arm.
 */
export function newcombeDiff(s1: number, n1: number, s2: number, n2: number, z = Z95): ProportionDiff {
  const a = wilsonInterval(s1, n1, z);
  const b = wilsonInterval(s2, n2, z);
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const diff = p1 - p2;
  return {
    diff,
    p1,
    p2,
    low: diff - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: diff + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}

// Student t 97.5 % quantiles for 1…30 degrees of freedom (standard tables).
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * Student t 97.5 % quantile for `df` ≥ 1 degrees of freedom (fractional allowed): the table,
 * linearly interpolated, up to 30; a Cornish–Fisher expansion above (error < 0.001).
 * @throws RangeError when df < 1.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError('tQuantile975 needs df ≥ 1');
  if (df <= 30) {
    const lo = Math.floor(df);
    const a = T975[lo - 1]!;
    const b = T975[Math.min(lo, 29)]!;
    return a + (df - lo) * (b - a);
  }
  const z = Z95;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

export interface MeanDiff extends Interval {
  /** mean(a) − mean(b). */
  diff: number;
  meanA: number;
  meanB: number;
  df: number;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: readonly number[], m: number) =>
  xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);

/**
 * Welch's unequal-variance t interval for mean(a) − mean(b).
 * @throws RangeError when either sample has fewer than 2 values.
 */
export function welchDiff(a: readonly number[], b: readonly number[]): MeanDiff {
  if (a.length < 2 || b.length < 2) throw new RangeError('welchDiff needs at least 2 values per sample');
  const meanA = mean(a);
  const meanB = mean(b);
  const va = variance(a, meanA) / a.length;
  const vb = variance(b, meanB) / b.length;
  const se = Math.sqrt(va + vb);
  const diff = meanA - meanB;
  if (se === 0) return { diff, meanA, meanB, df: a.length + b.length - 2, low: diff, high: diff };
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = tQuantile975(df) * se;
  return { diff, meanA, meanB, df, low: diff - half, high: diff + half };
}

export type Verdict = 'better' | 'worse' | 'no_difference' | 'not_enough_data';

/** Better/worse only when the whole interval lies on one side of zero. */
export function verdictOf(ci: Interval | null): Verdict {
  if (!ci) return 'not_enough_data';
  if (ci.low > 0) return 'better';
  if (ci.high < 0) return 'worse';
  return 'no_difference';
}
