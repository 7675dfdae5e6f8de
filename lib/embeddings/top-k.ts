import type { VectorHit } from './types';

/**
 * Keeps the k best (row, score) pairs seen so far in a binary min-heap: the worst kept score is at
 * the root, so each candidate costs one comparison unless it beats it (O(n log k) overall, no
 * sort of the whole catalog).
 */
export class TopK {
  private readonly rows: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(readonly k: number) {
    this.rows = new Int32Array(Math.max(0, k));
    this.scores = new Float64Array(Math.max(0, k));
  }

  /** The score a candidate must beat to enter (−Infinity until k are held). */
  get threshold(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : (this.scores[0] ?? Number.NEGATIVE_INFINITY);
  }

  push(row: number, score: number): void {
    if (this.k <= 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      // Sift up.
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.scores[parent]! <= score) break;
        this.rows[i] = this.rows[parent]!;
        this.scores[i] = this.scores[parent]!;
        i = parent;
      }
      this.rows[i] = row;
      this.scores[i] = score;
      return;
    }
    if (score <= this.scores[0]!) return;
    // Replace the root, sift down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.scores[r]! < this.scores[l]! ? r : l;
      if (this.scores[c]! >= score) break;
      this.rows[i] = this.rows[c]!;
      this.scores[i] = this.scores[c]!;
      i = c;
    }
    this.rows[i] = row;
    this.scores[i] = score;
  }

  /**
   * Empties the heap into `rows` and `scores` (at least `size` long), best first, ties by lower row
   * (the order of `sorted()`), and returns how many it wrote. Pops the min-heap from the back, then
   * orders each run of equal scores by row: no object per pair and no comparator calls, which made
   * `sorted()` a quarter of a personalized request's time. The heap is empty afterwards.
   */
  drainSorted(rows: Int32Array, scores: Float64Array): number {
    const n = this.size;
    const hr = this.rows;
    const hs = this.scores;
    for (let out = n - 1; out >= 0; out--) {
      rows[out] = hr[0]!;
      scores[out] = hs[0]!;
      const size = --this.size;
      if (size === 0) break;
      const row = hr[size]!;
      const score = hs[size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && hs[r]! < hs[l]! ? r : l;
        if (hs[c]! >= score) break;
        hr[i] = hr[c]!;
        hs[i] = hs[c]!;
        i = c;
      }
      hr[i] = row;
      hs[i] = score;
    }
    // Equal scores came out in heap order: put each run in row order (runs are short).
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && scores[end] === scores[start]) end++;
      for (let i = start + 1; i < end; i++) {
        const row = rows[i]!;
        let j = i - 1;
        while (j >= start && rows[j]! > row) {
          rows[j + 1] = rows[j]!;
          j--;
        }
        rows[j + 1] = row;
      }
      start = end;
    }
    return n;
  }

  /** How many pairs are kept. */
  get count(): number {
    return this.size;
  }

  /** The kept pairs, best first (ties by row index, so results are deterministic). */
  sorted(): { row: number; score: number }[] {
    const out: { row: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ row: this.rows[i] ?? 0, score: this.scores[i] ?? 0 });
    return out.sort((a, b) => b.score - a.score || a.row - b.row);
  }
}

/** Dot product of `q` with row `row` of a row-major matrix of `dims` columns (unrolled by 4). */
export function dotRow(matrix: Float32Array, row: number, q: Float32Array, dims: number): number {
  const base = row * dims;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < dims; j += 4) {
    const o = base + j;
    s0 += matrix[o]! * q[j]!;
    s1 += matrix[o + 1]! * q[j + 1]!;
    s2 += matrix[o + 2]! * q[j + 2]!;
    s3 += matrix[o + 3]! * q[j + 3]!;
  }
  for (; j < dims; j++) s0 += matrix[base + j]! * q[j]!;
  return s0 + s1 + s2 + s3;
}

/** A unit-length copy of `v` (a zero vector stays zero). */
export function normalized(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const out = new Float32Array(v.length);
  if (s === 0) return out;
  const inv = 1 / Math.sqrt(s);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * inv;
  return out;
}

/** Sorts hits best first, ties by product id (stable output across paths). */
export function sortHits(hits: VectorHit[]): VectorHit[] {
  return hits.sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1));
}
