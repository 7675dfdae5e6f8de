import { describe, expect, it } from 'vitest';
import { SparseAccumulator } from '../matrix/accumulator';
import { rankCandidates } from '../matrix/rank';
import type { RowLists } from '../train/model-artefact';
import { HistoryParts } from './history-parts';

/** Three items' neighbour rows: 0 → {1, 2}, 1 → {2, 3}, 2 → {3}. */
const lists = {
  ptr: Int32Array.from([0, 2, 4, 5, 5]),
  items: Int32Array.from([1, 2, 2, 3, 3]),
  scores: Float32Array.from([0.1, 0.7, 0.2, 0.3, 0.45]),
} as unknown as RowLists;

function sum(acc: SparseAccumulator, seeds: readonly number[]): void {
  for (const seed of seeds)
    for (let p = lists.ptr[seed]!; p < lists.ptr[seed + 1]!; p++) acc.add(lists.items[p]!, lists.scores[p]!);
}

describe('HistoryParts', () => {
  it('restores a stored sum in its touched order, so adding context ranks exactly as a full sum', () => {
    const parts = new HistoryParts();
    const acc = new SparseAccumulator(4);
    sum(acc, [0, 1]);
    parts.set(lists, 7, acc);
    acc.reset();
    sum(acc, [2]); // another request in between
    parts.get(lists, 7)!.restoreInto(acc);
    sum(acc, [2]); // this request's context
    const restored = rankCandidates(acc.touched, acc.count, acc.values, 3);
    const fresh = new SparseAccumulator(4);
    sum(fresh, [0, 1, 2]);
    expect(restored).toEqual(rankCandidates(fresh.touched, fresh.count, fresh.values, 3));
    expect(Array.from(acc.touched.subarray(0, acc.count))).toEqual([1, 2, 3]);
    expect(parts.get(lists, 8)).toBeUndefined();
  });

  it('starts over past its entry budget instead of growing', () => {
    const parts = new HistoryParts(3);
    const acc = new SparseAccumulator(4);
    sum(acc, [0]); // two entries
    parts.set(lists, 1, acc);
    parts.set(lists, 2, acc); // four: over the budget, so shopper 1 is dropped
    expect(parts.get(lists, 1)).toBeUndefined();
    expect(parts.get(lists, 2)?.items).toEqual(Int32Array.from([1, 2]));
  });
});
