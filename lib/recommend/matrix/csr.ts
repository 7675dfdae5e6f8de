/**
 * Compressed sparse rows: the shopper×item matrix and its transpose. Row `r` holds the column
 * indexes `indices[indptr[r] .. indptr[r + 1])` (ascending) and their `values`. Typed arrays only,
 * so a model can walk a row without allocating.
 */
export interface CsrMatrix {
  readonly nRows: number;
  readonly nCols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/**
 * Builds a CSR matrix from coordinate triplets; duplicates of one (row, col) are summed.
 * Runs in O(nnz + nRows + nCols) with two counting passes (no comparison sort).
 */
export function csrFromTriplets(
  nRows: number,
  nCols: number,
  rows: Int32Array,
  cols: Int32Array,
  vals: Float32Array | Float64Array,
): CsrMatrix {
  // Bucket by column first, then by row: the stable second pass leaves each row sorted by column.
  const byCol = groupOrder(cols, nCols);
  const order = groupOrder(rows, nRows, byCol);
  const indptr = new Int32Array(nRows + 1);
  const indices = new Int32Array(order.length);
  const values = new Float32Array(order.length);
  let nnz = 0;
  let lastRow = -1;
  let lastCol = -1;
  for (let k = 0; k < order.length; k++) {
    const t = order[k]!;
    const r = rows[t]!;
    const c = cols[t]!;
    if (r === lastRow && c === lastCol) {
      values[nnz - 1]! += vals[t]!;
      continue;
    }
    indices[nnz] = c;
    values[nnz] = vals[t]!;
    indptr[r + 1]!++;
    nnz++;
    lastRow = r;
    lastCol = c;
  }
  for (let r = 0; r < nRows; r++) indptr[r + 1]! += indptr[r]!;
  return { nRows, nCols, indptr, indices: indices.slice(0, nnz), values: values.slice(0, nnz) };
}

/**
 * A stable counting-sort permutation of `within` (default 0..n−1) by `keys` in [0, nKeys): the
 * positions grouped by key, each group keeping its input order (so time order survives).
 */
export function groupOrder(keys: Int32Array, nKeys: number, within: Int32Array | null = null): Int32Array {
  const n = within ? within.length : keys.length;
  const start = new Int32Array(nKeys + 1);
  for (let i = 0; i < n; i++) start[keys[within ? within[i]! : i]! + 1]!++;
  for (let k = 0; k < nKeys; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = within ? within[i]! : i;
    out[start[keys[t]!]!++] = t;
  }
  return out;
}

/** The transpose (item×shopper from shopper×item), rows again sorted by column. */
export function transposeCsr(m: CsrMatrix): CsrMatrix {
  const nnz = m.indices.length;
  const indptr = new Int32Array(m.nCols + 1);
  for (let k = 0; k < nnz; k++) indptr[m.indices[k]! + 1]!++;
  for (let c = 0; c < m.nCols; c++) indptr[c + 1]! += indptr[c]!;
  const next = indptr.slice(0, m.nCols);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  // Walking rows in order keeps every transposed row sorted without a sort.
  for (let r = 0; r < m.nRows; r++) {
    for (let k = m.indptr[r]!; k < m.indptr[r + 1]!; k++) {
      const at = next[m.indices[k]!]!++;
      indices[at] = r;
      values[at] = m.values[k]!;
    }
  }
  return { nRows: m.nCols, nCols: m.nRows, indptr, indices, values };
}

/** Euclidean norm of every row (Float64 so long rows do not lose precision). */
export function rowNorms(m: CsrMatrix): Float64Array {
  const out = new Float64Array(m.nRows);
  for (let r = 0; r < m.nRows; r++) {
    let s = 0;
    for (let k = m.indptr[r]!; k < m.indptr[r + 1]!; k++) s += m.values[k]! * m.values[k]!;
    out[r] = Math.sqrt(s);
  }
  return out;
}

/** Number of stored entries in row `r`. */
export function rowLength(m: CsrMatrix, r: number): number {
  return m.indptr[r + 1]! - m.indptr[r]!;
}

/** The value at (r, c), or 0 when not stored (binary search: rows are sorted). */
export function csrGet(m: CsrMatrix, r: number, c: number): number {
  let lo = m.indptr[r]!;
  let hi = m.indptr[r + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = m.indices[mid]!;
    if (v === c) return m.values[mid]!;
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
