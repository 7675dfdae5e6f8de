/** Tiny datasets and recommenders for the evaluation tests (never imported by production code). */
import {
  type Dataset,
  type InteractionKind,
  KIND_CODE,
  type Ranked,
  type Recommender,
} from '@/lib/recommend/types';

/** `[shopper, item, time, kind?]` rows (any order) → a time-sorted Dataset with ids `s0…`, `i0…`. */
export function datasetFrom(
  rows: readonly (readonly [number, number, number, InteractionKind?])[],
  size?: { shoppers: number; items: number },
): Dataset {
  const sorted = [...rows].sort((a, b) => a[2] - b[2]);
  const shoppers = size?.shoppers ?? Math.max(-1, ...rows.map((r) => r[0])) + 1;
  const items = size?.items ?? Math.max(-1, ...rows.map((r) => r[1])) + 1;
  return {
    shopperIds: Array.from({ length: shoppers }, (_, s) => `s${s}`),
    itemIds: Array.from({ length: items }, (_, j) => `i${j}`),
    shopper: Int32Array.from(sorted, (r) => r[0]),
    item: Int32Array.from(sorted, (r) => r[1]),
    time: Float64Array.from(sorted, (r) => r[2]),
    kind: Uint8Array.from(sorted, (r) => KIND_CODE[r[3] ?? 'purchase']),
    quantity: new Float32Array(sorted.length).fill(1),
  };
}

/** A fixed-list model: `lists(shopper)` is returned as is (scores descending), whatever `exclude` says. */
export function fixedModel(name: string, lists: (shopper: number) => readonly number[]): Recommender {
  return {
    name,
    fit() {},
    recommend(q): Ranked {
      const items = Int32Array.from(lists(q.shopper ?? -1).slice(0, q.k));
      return { items, scores: Float32Array.from(items, (_, r) => items.length - r) };
    },
  };
}
