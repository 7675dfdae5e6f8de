/**
 * The exploration floor: every serving arm keeps at least `floor` of the traffic, whatever the
 * policy thinks of it, so a slow start or a shift in the audience can still be noticed. The mix is
 * "with probability k·floor pick uniformly, else ask the policy": each of the k arms then gets at
 * least k·floor · 1/k = floor. k·floor is capped at 1 (all uniform) when the floor is too high.
 */
import type { Rng } from './rng';

/** Highest floor a campaign may set (CampaignOptimization.explorationFloor is 0..0.2). */
export const MAX_FLOOR = 0.2;

/**
 * Share of the traffic that is spread uniformly: k·floor, clamped to [0, 1].
 * @param arms number of serving arms (k ≥ 0)
 * @param floor minimum share per arm, 0..1 (negative or NaN counts as 0)
 */
export function uniformShare(arms: number, floor: number): number {
  if (arms <= 1 || !(floor > 0)) return 0;
  return Math.min(1, arms * floor);
}

/**
 * Picks an index in [0, k) with the floor applied: uniformly with probability k·floor, else from
 * `choose()`. One draw of `rng` decides the branch, so the policy's own draws stay unaffected.
 * @throws RangeError when k < 1.
 */
export function pickWithFloor(k: number, floor: number, rng: Rng, choose: () => number): number {
  if (k < 1) throw new RangeError('no arm to choose from');
  const share = uniformShare(k, floor);
  if (share > 0 && rng() < share) return Math.min(k - 1, Math.floor(rng() * k));
  return choose();
}

/**
 * The traffic shares after the floor, given the policy's own shares (summing to 1): each arm gets
 * k·floor/k + (1 − k·floor)·share. For reports ("share of traffic").
 */
export function applyFloor(shares: readonly number[], floor: number): number[] {
  const k = shares.length;
  const u = uniformShare(k, floor);
  return shares.map((s) => u / k + (1 - u) * s);
}
