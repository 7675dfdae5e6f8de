/**
 * Disjoint LinUCB (Li et al., 2010): per arm a ridge regression of the reward on the context,
 * A = I + Σ x xᵀ and b = Σ r x, served by the upper confidence bound θᵀx + α·√(xᵀA⁻¹x) with
 * θ = A⁻¹b. A⁻¹ is kept next to A and updated by Sherman–Morrison (O(d²) per update instead
 * of O(d³)).
 *
 * Storage (ad_linucb_state): only A and b are stored; A⁻¹ is recomputed by Gauss–Jordan when a
 * state is loaded. That keeps the row the schema's shape and resets any rounding drift the
 * Sherman–Morrison updates accumulate in memory between loads.
 */
import type { Rng } from './rng';

/** One arm's state. `a` and `aInv` are d×d row-major; the functions below mutate it in place. */
export interface LinUcbState {
  dimensions: number;
  a: Float64Array;
  aInv: Float64Array;
  b: Float64Array;
}

/** The stored form (ad_linucb_state.dimensions, .a, .b). */
export interface LinUcbRow {
  dimensions: number;
  a: number[];
  b: number[];
}

/** A fresh state of dimension d ≥ 1: A = A⁻¹ = I, b = 0. */
export function createLinUcbState(dimensions: number): LinUcbState {
  if (!Number.isInteger(dimensions) || dimensions < 1)
    throw new RangeError(`bad LinUCB dimension ${dimensions}`);
  const a = new Float64Array(dimensions * dimensions);
  for (let i = 0; i < dimensions; i++) a[i * dimensions + i] = 1;
  return { dimensions, a, aInv: a.slice(), b: new Float64Array(dimensions) };
}

function aInvTimes(state: LinUcbState, x: Float64Array): Float64Array {
  const d = state.dimensions;
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += state.aInv[i * d + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
}

/** Estimated reward θᵀx, confidence width √(xᵀA⁻¹x) and the bound mean + α·width. */
export function scoreLinUcb(
  state: LinUcbState,
  x: Float64Array,
  alpha: number,
): { mean: number; width: number; ucb: number } {
  const u = aInvTimes(state, x);
  const mean = dot(u, state.b); // θᵀx = (A⁻¹b)ᵀx = bᵀ(A⁻¹x) since A⁻¹ is symmetric
  const width = Math.sqrt(Math.max(0, dot(x, u)));
  return { mean, width, ucb: mean + alpha * width };
}

/**
 * Chooses the arm with the highest upper confidence bound. A null state is a fresh arm. Exact ties
 * (e.g. all arms fresh) go to a random one when `rng` is given, else to the first.
 * @param x context vector of the arms' dimension (lib/ads/bandit/features.ts)
 * @param alpha exploration weight ≥ 0
 * @throws RangeError when `arms` is empty or a state's dimension differs from x's length.
 */
export function chooseLinUcb(
  arms: readonly { id: string; state: LinUcbState | null }[],
  x: Float64Array,
  alpha: number,
  rng?: Rng,
): string {
  if (arms.length === 0) throw new RangeError('no arm to choose from');
  let best: string[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const arm of arms) {
    const state = arm.state ?? createLinUcbState(x.length);
    if (state.dimensions !== x.length)
      throw new RangeError(`arm ${arm.id}: state has ${state.dimensions} dimensions, context ${x.length}`);
    const { ucb } = scoreLinUcb(state, x, alpha);
    if (ucb > bestScore + 1e-12) {
      bestScore = ucb;
      best = [arm.id];
    } else if (Math.abs(ucb - bestScore) <= 1e-12) best.push(arm.id);
  }
  const i = rng && best.length > 1 ? Math.min(best.length - 1, Math.floor(rng() * best.length)) : 0;
  return best[i]!;
}

/**
 * Adds one observation: A += x xᵀ, b += reward·x, and A⁻¹ by Sherman–Morrison
 * A⁻¹ −= (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x). Mutates and returns `state`.
 * @param reward usually 0 or 1 (click / conversion)
 */
export function updateLinUcb(state: LinUcbState, x: Float64Array, reward: number): LinUcbState {
  const d = state.dimensions;
  if (x.length !== d) throw new RangeError(`context has ${x.length} dimensions, state ${d}`);
  const u = aInvTimes(state, x);
  const denom = 1 + dot(x, u);
  for (let i = 0; i < d; i++) {
    const xi = x[i]!;
    const ui = u[i]!;
    state.b[i] = state.b[i]! + reward * xi;
    for (let j = 0; j < d; j++) {
      state.a[i * d + j] = state.a[i * d + j]! + xi * x[j]!;
      state.aInv[i * d + j] = state.aInv[i * d + j]! - (ui * u[j]!) / denom;
    }
  }
  return state;
}

/** The row to store (A and b as plain arrays). */
export function serializeLinUcb(state: LinUcbState): LinUcbRow {
  return { dimensions: state.dimensions, a: Array.from(state.a), b: Array.from(state.b) };
}

/** Inverse of a symmetric positive definite d×d row-major matrix (Gauss–Jordan, partial pivoting). */
export function invertMatrix(m: Float64Array, d: number): Float64Array {
  const w = m.slice();
  const inv = new Float64Array(d * d);
  for (let i = 0; i < d; i++) inv[i * d + i] = 1;
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++)
      if (Math.abs(w[r * d + col]!) > Math.abs(w[pivot * d + col]!)) pivot = r;
    const pv = w[pivot * d + col]!;
    if (Math.abs(pv) < 1e-12) throw new RangeError('LinUCB matrix is singular');
    if (pivot !== col) {
      for (let j = 0; j < d; j++) {
        [w[col * d + j], w[pivot * d + j]] = [w[pivot * d + j]!, w[col * d + j]!];
        [inv[col * d + j], inv[pivot * d + j]] = [inv[pivot * d + j]!, inv[col * d + j]!];
      }
    }
    for (let j = 0; j < d; j++) {
      w[col * d + j] = w[col * d + j]! / pv;
      inv[col * d + j] = inv[col * d + j]! / pv;
    }
    for (let r = 0; r < d; r++) {
      const f = w[r * d + col]!;
      if (r === col || f === 0) continue;
      for (let j = 0; j < d; j++) {
        w[r * d + j] = w[r * d + j]! - f * w[col * d + j]!;
        inv[r * d + j] = inv[r * d + j]! - f * inv[col * d + j]!;
      }
    }
  }
  return inv;
}

/**
 * A state from its stored row, or a fresh one when there is no row or the row was written for
 * another feature layout (its dimension differs from `dimensions`) or is malformed.
 */
export function loadLinUcbState(row: LinUcbRow | null | undefined, dimensions: number): LinUcbState {
  const d = dimensions;
  if (!row || row.dimensions !== d || row.a.length !== d * d || row.b.length !== d)
    return createLinUcbState(d);
  const a = Float64Array.from(row.a);
  try {
    return { dimensions: d, a, aInv: invertMatrix(a, d), b: Float64Array.from(row.b) };
  } catch {
    return createLinUcbState(d);
  }
}
