/**
 * The two sums every content query is made of (serve/content.ts, serve/content-rows.ts): the seeds'
 * weighted vector q = Σ w_s v_s, and its dot product with every product vector.
 */
import { dotRow } from '@/lib/embeddings/top-k';
import type { ContentSeed, ContentVectors } from './content';

/** Row `row`'s vector, a view of the matrix. */
export function rowVector(cv: ContentVectors, row: number): Float32Array {
  return cv.matrix.subarray(row * cv.dims, (row + 1) * cv.dims);
}

/** Σ w_s v_s over the seeds, which must all have a vector. */
export function seedSum(cv: ContentVectors, seeds: readonly ContentSeed[]): Float32Array {
  const { dims, matrix, rowOfItem } = cv;
  const q = new Float32Array(dims);
  for (const s of seeds) {
    const base = rowOfItem[s.item]! * dims;
    for (let d = 0; d < dims; d++) q[d]! += s.weight * matrix[base + d]!;
  }
  return q;
}

/** v_x · q into `out[x]` for every catalog item x with a vector (the others are left as they are). */
export function dotsByItem<T extends Float32Array | Float64Array>(
  cv: ContentVectors,
  q: Float32Array,
  out: T,
): T {
  const { dims, matrix, itemOfRow } = cv;
  for (let row = 0; row < itemOfRow.length; row++) {
    const item = itemOfRow[row]!;
    if (item >= 0) out[item] = dotRow(matrix, row, q, dims);
  }
  return out;
}
