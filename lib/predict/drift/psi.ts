/**
 * Population stability index between a reference distribution (the training population, stored
 * in the model card) and a current one binned on the reference's edges:
 * PSI = Σ_bins (cur − ref) · ln(cur / ref), "not defined" counted as a bin of its own. Each share
 * is floored at ε = 1e-4 first so an empty bin contributes a large but finite term. Usual reading:
 * < 0.1 stable, 0.1–0.25 moderate, ≥ 0.25 major shift.
 */
import type { DriftStatus } from '@/db/schema/fairness';
import type { BinnedDistribution } from '@/lib/predict/card/types';

export type { DriftStatus };

export const PSI_EPSILON = 1e-4;
export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;

/** PSI of two share vectors of the same length (each summing to ~1). @throws on different lengths. */
export function psiOfShares(reference: readonly number[], current: readonly number[]): number {
  if (reference.length !== current.length)
    throw new Error(`PSI needs the same bins: ${reference.length} vs ${current.length}`);
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i]!, PSI_EPSILON);
    const c = Math.max(current[i]!, PSI_EPSILON);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/** The shares of a distribution with "not defined" appended as the last bin. */
export function sharesWithUndefined(d: BinnedDistribution): number[] {
  return [...d.shares, d.undefinedShare];
}

/** PSI of `current` against `reference` (binned on the same edges), "not defined" as its own bin. */
export function psi(reference: BinnedDistribution, current: BinnedDistribution): number {
  return psiOfShares(sharesWithUndefined(reference), sharesWithUndefined(current));
}

/** stable < 0.1 ≤ moderate < 0.25 ≤ major. */
export function driftStatusOf(value: number): DriftStatus {
  if (value >= PSI_MAJOR) return 'major';
  if (value >= PSI_MODERATE) return 'moderate';
  return 'stable';
}
