import { describe, expect, it } from 'vitest';
import { SparseAccumulator } from './accumulator';
import { rankCandidates, rankDense } from './rank';

describe('rankDense', () => {
  it('returns the k best, ties by lower index, honouring exclude and minScore', () => {
    const scores = Float64Array.from([0.5, 2, 0, 2, 1, -1]);
    const ranked = rankDense(scores, 3, { exclude: new Set([4]), minScore: 0 });
    expect(Array.from(ranked.items)).toEqual([1, 3, 0]);
    expect(Array.from(ranked.scores)).toEqual([2, 2, 0.5]);
    expect(rankDense(scores, 0).items.length).toBe(0);
  });
});

describe('SparseAccumulator + rankCandidates', () => {
  it('accumulates, ranks the touched slots and resets only them', () => {
    const acc = new SparseAccumulator(6);
    acc.add(4, 1);
    acc.add(2, 3);
    acc.add(4, 1.5);
    expect(Array.from(rankCandidates(acc.touched, acc.count, acc.values, 5).items)).toEqual([2, 4]);
    acc.reset();
    expect(acc.count).toBe(0);
    expect(Array.from(acc.values)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
