/**
 * Which candidates make a top-k cut, without ranking them: the blend only needs each component's
 * k best as a set plus their lowest and highest score (for min-max normalisation), and ranking
 * them with a heap was a third of a personalized request's time. A three-way quickselect finds
 * the k-th score in O(n); ties at the cut go to the lower item index, so the set depends on the
 * scores alone, never on the order the candidates were touched in.
 */
import type { RankOptions } from './rank';

/** The kept candidates, in their input order. Views into shared scratch: valid until the next call. */
export interface TopSelection {
  items: Int32Array;
  /** The kept items' scores, aligned with `items`. */
  scores: Float64Array;
  count: number;
  /** Lowest and highest kept score (NaN when nothing is kept). */
  min: number;
  max: number;
}

let ids: Int32Array = new Int32Array(256);
let values: Float64Array = new Float64Array(256);
let work: Float64Array = new Float64Array(256);
let ties: Int32Array = new Int32Array(64);

function ensure(n: number): void {
  if (ids.length >= n) return;
  const size = Math.max(n, 2 * ids.length);
  ids = new Int32Array(size);
  values = new Float64Array(size);
  work = new Float64Array(size);
}

/**
 * The k best of the first `count` candidate items of `items`, scored by the dense `scores`, with
 * the options of rankCandidates (only scores above `minScore` enter; `exclude` is skipped). The
 * same set as rankCandidates would return when no two scores tie at the cut; with ties there, the
 * lower item indexes.
 */
export function selectTop(
  items: Int32Array,
  count: number,
  scores: Float32Array | Float64Array,
  k: number,
  opts: RankOptions = {},
): TopSelection {
  ensure(count);
  // Locals: the scratch bindings can be reassigned (ensure), so each use would reload them.
  const I = ids;
  const V = values;
  const min = opts.minScore ?? Number.NEGATIVE_INFINITY;
  const exclude = opts.exclude;
  let n = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < count; c++) {
    const i = items[c]!;
    const s = scores[i]!;
    if (!(s > min) || exclude?.has(i)) continue;
    I[n] = i;
    V[n] = s;
    if (s > hi) hi = s;
    if (s < lo) lo = s;
    n++;
  }
  if (k <= 0 || n === 0) return { items: I, scores: V, count: 0, min: Number.NaN, max: Number.NaN };
  if (n <= k) return { items: I, scores: V, count: n, min: lo, max: hi };
  const cut = kthLargestBinned(V, n, k, lo, hi);
  // One pass keeps everything at or above the cut, in input order; ties beyond the room are rare.
  let kept = 0;
  let equal = 0;
  for (let t = 0; t < n; t++) {
    const v = V[t]!;
    if (v >= cut) {
      I[kept] = I[t]!;
      V[kept] = v;
      kept++;
      if (v === cut) equal++;
    }
  }
  const room = k - (kept - equal);
  if (equal > room) kept = dropHighTies(kept, equal, room, cut);
  return { items: I, scores: V, count: kept, min: cut, max: hi };
}

/** Of the kept scores equal to the cut, only the `room` lowest item indexes stay (input order kept). */
function dropHighTies(kept: number, equal: number, room: number, cut: number): number {
  if (equal > ties.length) ties = new Int32Array(Math.max(equal, 2 * ties.length));
  let e = 0;
  for (let t = 0; t < kept; t++) if (values[t] === cut) ties[e++] = ids[t]!;
  const lastTie = ties.subarray(0, e).sort()[room - 1]!;
  let out = 0;
  for (let t = 0; t < kept; t++) {
    const v = values[t]!;
    if (v > cut || ids[t]! <= lastTie) {
      ids[out] = ids[t]!;
      values[out] = v;
      out++;
    }
  }
  return out;
}

/** Bins of the histogram that narrows the k-th largest down before the quickselect. */
const BINS = 256;
// One more slot: the highest score lands in bin BINS (or just below it, rounding), which is simply
// the top bin then.
const binCounts = new Int32Array(BINS + 1);

/**
 * The k-th largest of values[0..n) (1-based k ≤ n; lo and hi their extremes), without reordering
 * them. A histogram of the
 * scores (one branch-free pass: the bin is monotonic in the score) finds the bin that holds it; only
 * that bin's scores are copied and quickselected. On a few hundred scores this is about half the
 * time of a quickselect over all of them, whose comparisons the CPU cannot predict.
 */
function kthLargestBinned(v: Float64Array, n: number, k: number, lo: number, hi: number): number {
  const scale = BINS / (hi - lo);
  if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) {
    // Equal scores (or an infinite span): no histogram to speak of.
    for (let t = 0; t < n; t++) work[t] = v[t]!;
    return kthLargest(work, n, k);
  }
  const counts = binCounts;
  counts.fill(0);
  // (x − lo) · scale is in [0, BINS]: truncation is the floor, and the bin is monotonic in x.
  for (let t = 0; t < n; t++) counts[((v[t]! - lo) * scale) | 0]!++;
  // From the top bin down to the one where the k-th falls; `above` scores are in higher bins.
  let bin = BINS;
  let above = 0;
  while (above + counts[bin]! < k) above += counts[bin--]!;
  let m = 0;
  for (let t = 0; t < n; t++) {
    const x = v[t]!;
    if ((((x - lo) * scale) | 0) === bin) work[m++] = x;
  }
  return kthLargest(work, m, k - above);
}

/**
 * The k-th largest of a[0..n) (1-based k ≤ n), reordering `a`. Three-way partitions keep runs of
 * equal scores (common: many items share a neighbour weight) from degrading it to O(n²).
 */
export function kthLargest(a: Float64Array, n: number, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = median3(a[lo]!, a[(lo + hi) >> 1]!, a[hi]!);
    // [lo, lt) > pivot, [lt, i) = pivot, (gt, hi] < pivot.
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = a[i]!;
      if (v > pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt++;
        i++;
      } else if (v < pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else return pivot;
  }
  return a[lo]!;
}

function median3(x: number, y: number, z: number): number {
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}
