/**
 * Penalized logistic regression by Newton's method (IRLS) over a sparse design, deterministic:
 * minimizes Σ logloss_i + ½ λ βᵀPβ with P a fixed penalty matrix (ridge and bin-difference
 * terms, see design.ts; the intercept row/column of P is zero). Rows are sparse because most
 * columns are one-hot bins, so one iteration costs O(n · nnz² + p³) with p ≈ 300.
 */

/** Compressed sparse rows: row i's entries are cols/vals[ptr[i] .. ptr[i+1]). Column 0 is the intercept. */
export interface SparseRows {
  ptr: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
  /** Number of columns. */
  p: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Linear predictor of row i. */
export function rowDot(x: SparseRows, i: number, beta: Float64Array): number {
  let z = 0;
  for (let k = x.ptr[i]!; k < x.ptr[i + 1]!; k++) z += beta[x.cols[k]!]! * x.vals[k]!;
  return z;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function objective(
  x: SparseRows,
  y: ArrayLike<number>,
  rows: ArrayLike<number>,
  beta: Float64Array,
  lp: Float64Array,
) {
  let f = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const z = rowDot(x, i, beta);
    f += softplus(z) - (y[i] ? z : 0);
  }
  const p = x.p;
  let pen = 0;
  for (let a = 0; a < p; a++) {
    if (!beta[a]) continue;
    let s = 0;
    for (let b = 0; b < p; b++) s += lp[a * p + b]! * beta[b]!;
    pen += beta[a]! * s;
  }
  return f + pen / 2;
}

/** Solves A x = b in place for symmetric positive definite A (p×p, row-major) by Cholesky; returns x. */
export function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      if (i === j) l[i * p + i] = Math.sqrt(Math.max(s, 1e-12));
      else l[i * p + j] = s / l[j * p + j]!;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * z[k]!;
    z[i] = s / l[i * p + i]!;
  }
  const out = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * out[k]!;
    out[i] = s / l[i * p + i]!;
  }
  return out;
}

/**
 * Fits β on the given rows of `x` (all rows when omitted), starting from `start` (warm start
 * along a λ path). Stops when the Newton step is below 1e-8 in every coordinate or after 50
 * iterations (`tol` loosens that for validation fits); each step is halved until the objective
 * does not increase.
 */
export function fitLogistic(
  x: SparseRows,
  y: ArrayLike<number>,
  penalty: Float64Array,
  lambda: number,
  opts: { rows?: ArrayLike<number>; start?: Float64Array; tol?: number } = {},
): Float64Array {
  const p = x.p;
  const rows = opts.rows ?? Int32Array.from({ length: x.ptr.length - 1 }, (_, i) => i);
  const lp = penalty.map((v) => v * lambda);
  let beta = opts.start ? Float64Array.from(opts.start) : new Float64Array(p);
  let f = objective(x, y, rows, beta, lp);
  for (let iter = 0; iter < 50; iter++) {
    const h = Float64Array.from(lp);
    const g = new Float64Array(p);
    for (let a = 0; a < p; a++) {
      let s = 0;
      for (let b = 0; b < p; b++) s += lp[a * p + b]! * beta[b]!;
      g[a] = s;
    }
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      const mu = sigmoid(rowDot(x, i, beta));
      const w = Math.max(mu * (1 - mu), 1e-10);
      const resid = mu - (y[i] ? 1 : 0);
      const from = x.ptr[i]!;
      const to = x.ptr[i + 1]!;
      // Columns within a row are ascending, so this fills the upper triangle only.
      for (let k = from; k < to; k++) {
        const ca = x.cols[k]!;
        const va = x.vals[k]!;
        g[ca]! += resid * va;
        const wa = w * va;
        const rowStart = ca * p;
        for (let m = k; m < to; m++) h[rowStart + x.cols[m]!]! += wa * x.vals[m]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) h[b * p + a] = h[a * p + b]!;
    const step = choleskySolve(h, g, p);
    let t = 1;
    let next = beta;
    let fNext = f;
    for (let halvings = 0; halvings < 30; halvings++) {
      next = beta.map((b, j) => b - t * step[j]!);
      fNext = objective(x, y, rows, next, lp);
      if (fNext <= f + 1e-12 * Math.abs(f)) break;
      t /= 2;
    }
    const moved = Math.max(...step.map((s) => Math.abs(s * t)));
    beta = next;
    f = fNext;
    if (moved < (opts.tol ?? 1e-8)) break;
  }
  return beta;
}
