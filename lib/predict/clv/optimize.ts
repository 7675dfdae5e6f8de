/**
 * Nelder–Mead minimisation (deterministic: fixed initial simplex, no randomness), used to fit the
 * customer-value likelihoods over log-parameters, where the problem is unconstrained and small
 * (2–4 dimensions) and gradients are not worth deriving.
 */

export interface MinimizeResult {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

/**
 * Minimises `f` from `x0`. `step` is the initial simplex edge in every coordinate; stops when the
 * spread of the simplex values falls below `tolerance` or after `maxIterations`. Non-finite values
 * count as +∞ (so the simplex retreats from them). Restarts once from the best point, which helps
 * Nelder–Mead out of collapsed simplices.
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  { step = 0.5, tolerance = 1e-10, maxIterations = 5000 } = {},
): MinimizeResult {
  const first = run(f, x0, step, tolerance, maxIterations);
  const second = run(f, first.x, step / 2, tolerance, maxIterations);
  const best = second.value <= first.value ? second : first;
  return { ...best, iterations: first.iterations + second.iterations };
}

function run(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  step: number,
  tolerance: number,
  maxIterations: number,
): MinimizeResult {
  const n = x0.length;
  const safe = (x: readonly number[]): number => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex: { x: number[]; v: number }[] = [{ x: [...x0], v: safe(x0) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = x[i]! + step;
    simplex.push({ x, v: safe(x) });
  }
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const along = (t: number): number[] => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const reflected = along(-1);
    const vr = safe(reflected);
    if (vr < best.v) {
      const expanded = along(-2);
      const ve = safe(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < simplex[n - 1]!.v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const contracted = vr < worst.v ? along(-0.5) : along(0.5);
      const vc = safe(contracted);
      if (vc < Math.min(vr, worst.v)) {
        simplex[n] = { x: contracted, v: vc };
      } else {
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const x = p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!));
          return { x, v: safe(x) };
        });
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, iterations, converged };
}
