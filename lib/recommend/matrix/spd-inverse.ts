/**
 * Inverse of a dense symmetric positive-definite matrix (row-major Float64Array), in place:
 * Cholesky A = L·Lᵀ, then U = L⁻ᵀ, then A⁻¹ = U·Uᵀ — about n³/2 multiply-adds in all.
 *
 * Every inner loop is a dot product of contiguous row segments (L and U are both walked by rows),
 * computed as a 4×2 register block: four rows against two rows, eight running sums, six loads per
 * eight multiply-adds. That blocking (about 1.5× over 4×1, 3× over plain dots) is what makes
 * n = 3,000 take seconds rather than a minute in JavaScript, where nothing is vectorised for us.
 */

/**
 * Replaces `a` (n×n, symmetric positive definite) by its inverse.
 * @throws Error when the matrix is not positive definite (a pivot ≤ 0).
 */
export function invertSpdInPlace(a: Float64Array, n: number): void {
  if (a.length < n * n) throw new Error(`invertSpdInPlace: expected ${n * n} values, got ${a.length}`);
  choleskyInPlace(a, n);
  const u = lowerInverseTransposed(a, n);
  gramOfRows(u, a, n);
}

/**
 * Cholesky factor L (A = L·Lᵀ) written into the lower triangle of `a` (the strict upper triangle
 * is left untouched). Row-oriented (Cholesky–Banachiewicz): L[i][j] = (A[i][j] − L[i][:j]·L[j][:j]) / L[j][j].
 * @throws Error when a pivot is not positive.
 */
export function choleskyInPlace(a: Float64Array, n: number): void {
  let i0 = 0;
  for (; i0 + 4 <= n; i0 += 4) {
    const r0 = i0 * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    // Columns left of the block, two at a time (i0 is a multiple of 4, so pairs cover them all).
    for (let j = 0; j < i0; j += 2) {
      const ra = j * n;
      const rb = ra + n;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let k = 0; k < j; k++) {
        const la = a[ra + k]!;
        const lb = a[rb + k]!;
        const x0 = a[r0 + k]!;
        const x1 = a[r1 + k]!;
        const x2 = a[r2 + k]!;
        const x3 = a[r3 + k]!;
        a0 += x0 * la;
        a1 += x1 * la;
        a2 += x2 * la;
        a3 += x3 * la;
        b0 += x0 * lb;
        b1 += x1 * lb;
        b2 += x2 * lb;
        b3 += x3 * lb;
      }
      // Column j is final first; column j + 1 still needs its k = j term.
      const invA = 1 / a[ra + j]!;
      const y0 = (a[r0 + j]! - a0) * invA;
      const y1 = (a[r1 + j]! - a1) * invA;
      const y2 = (a[r2 + j]! - a2) * invA;
      const y3 = (a[r3 + j]! - a3) * invA;
      a[r0 + j] = y0;
      a[r1 + j] = y1;
      a[r2 + j] = y2;
      a[r3 + j] = y3;
      const lbj = a[rb + j]!;
      const invB = 1 / a[rb + j + 1]!;
      a[r0 + j + 1] = (a[r0 + j + 1]! - b0 - y0 * lbj) * invB;
      a[r1 + j + 1] = (a[r1 + j + 1]! - b1 - y1 * lbj) * invB;
      a[r2 + j + 1] = (a[r2 + j + 1]! - b2 - y2 * lbj) * invB;
      a[r3 + j + 1] = (a[r3 + j + 1]! - b3 - y3 * lbj) * invB;
    }
    for (let i = i0; i < i0 + 4; i++) choleskyRowTail(a, n, i, i0);
  }
  for (let i = i0; i < n; i++) choleskyRowTail(a, n, i, 0);
}

/** Finishes row i of L from column `from` to the diagonal, one dot product per entry. */
function choleskyRowTail(a: Float64Array, n: number, i: number, from: number): void {
  const ri = i * n;
  for (let j = from; j <= i; j++) {
    const rj = j * n;
    let s = 0;
    for (let k = 0; k < j; k++) s += a[ri + k]! * a[rj + k]!;
    const v = a[ri + j]! - s;
    if (j < i) {
      a[ri + j] = v / a[rj + j]!;
    } else {
      if (!(v > 0)) throw new Error(`matrix is not positive definite (pivot ${i} = ${v})`);
      a[ri + i] = Math.sqrt(v);
    }
  }
}

/**
 * U = L⁻ᵀ (upper triangular, row-major, a new array) from the Cholesky factor in the lower triangle
 * of `l`. Row j of U is column j of L⁻¹, found by forward substitution:
 * U[j][i] = (δij − Σ_{k=j}^{i−1} L[i][k]·U[j][k]) / L[i][i] — again two contiguous row segments.
 */
export function lowerInverseTransposed(l: Float64Array, n: number): Float64Array {
  const u = new Float64Array(n * n);
  let j0 = 0;
  for (; j0 + 4 <= n; j0 += 4) {
    const u0 = j0 * n;
    const u1 = u0 + n;
    const u2 = u1 + n;
    const u3 = u2 + n;
    // U[jj][k] is 0 for k < jj, so all four rows can sum from k = j0. Two rows of L per pass.
    let i = j0;
    for (; i + 2 <= n; i += 2) {
      const ra = i * n;
      const rb = ra + n;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let k = j0; k < i; k++) {
        const la = l[ra + k]!;
        const lb = l[rb + k]!;
        const x0 = u[u0 + k]!;
        const x1 = u[u1 + k]!;
        const x2 = u[u2 + k]!;
        const x3 = u[u3 + k]!;
        a0 += la * x0;
        a1 += la * x1;
        a2 += la * x2;
        a3 += la * x3;
        b0 += lb * x0;
        b1 += lb * x1;
        b2 += lb * x2;
        b3 += lb * x3;
      }
      // Column i is final first; column i + 1 still needs its k = i term.
      const invA = 1 / l[ra + i]!;
      const y0 = ((i === j0 ? 1 : 0) - a0) * invA;
      const y1 = ((i === j0 + 1 ? 1 : 0) - a1) * invA;
      const y2 = ((i === j0 + 2 ? 1 : 0) - a2) * invA;
      const y3 = ((i === j0 + 3 ? 1 : 0) - a3) * invA;
      u[u0 + i] = y0;
      u[u1 + i] = y1;
      u[u2 + i] = y2;
      u[u3 + i] = y3;
      const lbi = l[rb + i]!;
      const invB = 1 / l[rb + i + 1]!;
      const i1 = i + 1;
      u[u0 + i1] = ((i1 === j0 ? 1 : 0) - b0 - lbi * y0) * invB;
      u[u1 + i1] = ((i1 === j0 + 1 ? 1 : 0) - b1 - lbi * y1) * invB;
      u[u2 + i1] = ((i1 === j0 + 2 ? 1 : 0) - b2 - lbi * y2) * invB;
      u[u3 + i1] = ((i1 === j0 + 3 ? 1 : 0) - b3 - lbi * y3) * invB;
    }
    for (; i < n; i++) {
      const ri = i * n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = j0; k < i; k++) {
        const v = l[ri + k]!;
        s0 += v * u[u0 + k]!;
        s1 += v * u[u1 + k]!;
        s2 += v * u[u2 + k]!;
        s3 += v * u[u3 + k]!;
      }
      const inv = 1 / l[ri + i]!;
      u[u0 + i] = ((i === j0 ? 1 : 0) - s0) * inv;
      u[u1 + i] = ((i === j0 + 1 ? 1 : 0) - s1) * inv;
      u[u2 + i] = ((i === j0 + 2 ? 1 : 0) - s2) * inv;
      u[u3 + i] = ((i === j0 + 3 ? 1 : 0) - s3) * inv;
    }
  }
  for (let j = j0; j < n; j++) {
    const uj = j * n;
    for (let i = j; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s += l[ri + k]! * u[uj + k]!;
      u[uj + i] = ((i === j ? 1 : 0) - s) / l[ri + i]!;
    }
  }
  return u;
}

/**
 * out = U·Uᵀ for upper-triangular U (full symmetric result): out[i][j] = Σ_{k ≥ max(i,j)} U[i][k]·U[j][k].
 * For j ≥ i0 the sum can start at k = j for all four rows of a block because U[i][k] = 0 below i.
 */
export function gramOfRows(u: Float64Array, out: Float64Array, n: number): void {
  let i0 = 0;
  for (; i0 + 4 <= n; i0 += 4) {
    const r0 = i0 * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let j = i0;
    // Two rows j, j + 1 per pass; row j + 1 is 0 at k = j, so both sums can start there.
    for (; j + 2 <= n; j += 2) {
      const ra = j * n;
      const rb = ra + n;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let k = j; k < n; k++) {
        const va = u[ra + k]!;
        const vb = u[rb + k]!;
        const x0 = u[r0 + k]!;
        const x1 = u[r1 + k]!;
        const x2 = u[r2 + k]!;
        const x3 = u[r3 + k]!;
        a0 += x0 * va;
        a1 += x1 * va;
        a2 += x2 * va;
        a3 += x3 * va;
        b0 += x0 * vb;
        b1 += x1 * vb;
        b2 += x2 * vb;
        b3 += x3 * vb;
      }
      storeSymmetric(out, n, i0, j, a0, a1, a2, a3);
      storeSymmetric(out, n, i0, j + 1, b0, b1, b2, b3);
    }
    for (; j < n; j++) {
      const rj = j * n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = j; k < n; k++) {
        const v = u[rj + k]!;
        s0 += u[r0 + k]! * v;
        s1 += u[r1 + k]! * v;
        s2 += u[r2 + k]! * v;
        s3 += u[r3 + k]! * v;
      }
      storeSymmetric(out, n, i0, j, s0, s1, s2, s3);
    }
  }
  for (let i = i0; i < n; i++) {
    const ri = i * n;
    for (let j = i; j < n; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = j; k < n; k++) s += u[ri + k]! * u[rj + k]!;
      out[ri + j] = s;
      out[rj + i] = s;
    }
  }
}

/** Writes out[i0 + m][j] and its mirror out[j][i0 + m] for m = 0..3. */
function storeSymmetric(
  out: Float64Array,
  n: number,
  i0: number,
  j: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
): void {
  const r0 = i0 * n;
  out[r0 + j] = s0;
  out[r0 + n + j] = s1;
  out[r0 + 2 * n + j] = s2;
  out[r0 + 3 * n + j] = s3;
  const rj = j * n + i0;
  out[rj] = s0;
  out[rj + 1] = s1;
  out[rj + 2] = s2;
  out[rj + 3] = s3;
}
