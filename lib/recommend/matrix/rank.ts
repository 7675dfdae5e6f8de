import { TopK } from '@/lib/embeddings/top-k';
import type { Ranked } from '../types';

/** Shared empty answer: zero-length typed arrays cannot be mutated, so sharing is safe. */
export const EMPTY_RANKED: Ranked = { items: new Int32Array(0), scores: new Float32Array(0) };

/** Anything that can tell an excluded item (a Set, or a small object over the query's context). */
export interface ItemFilter {
  has(item: number): boolean;
}

export interface RankOptions {
  exclude?: ItemFilter | undefined;
  /** Only items scoring strictly above this enter (e.g. 0: "no signal" is not a recommendation). */
  minScore?: number;
}

/** Scratch for toRanked's scores in double precision (ties are decided before rounding to float32). */
let scratch = new Float64Array(256);

/** The kept pairs of a TopK as a Ranked, best first, ties by lower item index. Empties `top`. */
export function toRanked(top: TopK): Ranked {
  const n = top.count;
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  const items = new Int32Array(n);
  top.drainSorted(items, scratch);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) scores[i] = scratch[i]!;
  return { items, scores };
}

/**
 * The k best entries of a dense score vector (index = item). O(n log k); the exclusion set is only
 * consulted for items that would enter the heap, so a large set costs little.
 */
export function rankDense(scores: Float32Array | Float64Array, k: number, opts: RankOptions = {}): Ranked {
  if (k <= 0) return EMPTY_RANKED;
  const top = new TopK(k);
  const min = opts.minScore ?? Number.NEGATIVE_INFINITY;
  const exclude = opts.exclude;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (!(s > min) || s <= top.threshold) continue;
    if (exclude?.has(i)) continue;
    top.push(i, s);
  }
  return toRanked(top);
}

/** The k best among the first `count` candidate items of `items`, scored by the dense `scores`. */
export function rankCandidates(
  items: Int32Array,
  count: number,
  scores: Float32Array | Float64Array,
  k: number,
  opts: RankOptions = {},
): Ranked {
  if (k <= 0) return EMPTY_RANKED;
  const top = new TopK(k);
  const min = opts.minScore ?? Number.NEGATIVE_INFINITY;
  const exclude = opts.exclude;
  for (let c = 0; c < count; c++) {
    const i = items[c]!;
    const s = scores[i]!;
    if (!(s > min) || s <= top.threshold) continue;
    if (exclude?.has(i)) continue;
    top.push(i, s);
  }
  return toRanked(top);
}

/** `exclude` plus the items already in `ranked`: what a backfill must not repeat. */
export function excludingRanked(exclude: ReadonlySet<number> | undefined, ranked: Ranked): Set<number> {
  const skip = new Set<number>(exclude);
  for (const item of ranked.items) skip.add(item);
  return skip;
}

/**
 * `head` followed by `tail` (a backfill from another source), the tail scored by `tailScore(rank)`
 * so the list stays sorted best first whatever scale the other source uses.
 */
export function appendRanked(head: Ranked, tail: Ranked, tailScore: (rank: number) => number): Ranked {
  if (tail.items.length === 0) return head;
  const items = new Int32Array(head.items.length + tail.items.length);
  const scores = new Float32Array(items.length);
  items.set(head.items);
  items.set(tail.items, head.items.length);
  scores.set(head.scores);
  for (let i = 0; i < tail.items.length; i++) scores[head.items.length + i] = tailScore(i);
  return { items, scores };
}
