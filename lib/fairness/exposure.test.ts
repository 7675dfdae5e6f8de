import { describe, expect, it } from 'vitest';
import {
  gini,
  groupShares,
  headItems,
  itemExposure,
  longTail,
  lorenz,
  positionWeight,
  shareOf,
} from './exposure';

const w = (r: number) => 1 / Math.log2(1 + r);

describe('positionWeight', () => {
  it('is 1 / log2(1 + rank) with rank 1-based', () => {
    expect(positionWeight(1)).toBe(1);
    expect(positionWeight(3)).toBe(0.5);
    expect(positionWeight(2)).toBeCloseTo(0.6309, 4);
    expect(() => positionWeight(0)).toThrow(RangeError);
  });
});

describe('itemExposure', () => {
  it('sums position weights over the first `depth` slots of every list, skipping pads', () => {
    // Two shoppers, k = 3: [0, 1, 2] and [1, −1, 3]; depth 2 ignores the third slot.
    const lists = Int32Array.from([0, 1, 2, 1, -1, 3]);
    const e = itemExposure(lists, 3, 2, 4);
    expect(e[0]).toBeCloseTo(1, 12);
    expect(e[1]).toBeCloseTo(w(2) + 1, 12);
    expect(e[2]).toBe(0);
    expect(e[3]).toBe(0);
  });
});

describe('groupShares', () => {
  it('matches hand-computed shares of catalog, purchases and exposure', () => {
    // Items 0..4; item 4 is not in the catalog. Groups: A = {0, 1}, B = {2}, item 3 in none.
    const groupOf = Int32Array.from([0, 0, 1, -1, 0]);
    const catalog = Uint8Array.from([1, 1, 1, 1, 0]);
    const purchases = Float64Array.from([6, 0, 2, 2, 100]);
    const exposure = Float64Array.from([1, 1, 2, 0, 50]);
    const [a, b] = groupShares(groupOf, ['A', 'B'], catalog, purchases, exposure);
    expect(a).toEqual({ label: 'A', items: 2, catalogShare: 0.5, purchaseShare: 0.6, exposureShare: 0.5 });
    expect(b).toEqual({ label: 'B', items: 1, catalogShare: 0.25, purchaseShare: 0.2, exposureShare: 0.5 });
  });

  it('shareOf counts members of the catalog only', () => {
    const v = Float64Array.from([3, 1, 4]);
    expect(shareOf(v, Uint8Array.from([1, 0, 1]), Uint8Array.from([1, 1, 0]))).toBe(0.75);
  });
});

describe('gini and lorenz', () => {
  it('is 0 for equal exposure and (n−1)/n when one item gets everything', () => {
    const all = Uint8Array.from([1, 1, 1, 1]);
    expect(gini(Float64Array.from([2, 2, 2, 2]), all)).toBeCloseTo(0, 12);
    expect(gini(Float64Array.from([0, 0, 0, 8]), all)).toBeCloseTo(0.75, 12);
  });

  it('matches a hand-computed value', () => {
    // Sorted 1, 2, 3: G = 2·(1·1 + 2·2 + 3·3)/(3·6) − 4/3 = 28/18 − 24/18 = 2/9.
    expect(gini(Float64Array.from([3, 1, 2, 99]), Uint8Array.from([1, 1, 1, 0]))).toBeCloseTo(2 / 9, 12);
  });

  it('draws the Lorenz curve from the least exposed items up', () => {
    const curve = lorenz(Float64Array.from([0, 0, 1, 3]), Uint8Array.from([1, 1, 1, 1]), 4);
    expect(curve.map((p) => p.y)).toEqual([0, 0, 0, 0.25, 1]);
    expect(curve.map((p) => p.x)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('head and long tail', () => {
  it('takes the fewest items that make 80 % of purchases as the head', () => {
    // 50 + 30 = 80 of 100: items 0 and 1 are the head; 2, 3 and 4 (never bought) are the tail.
    const purchases = Float64Array.from([50, 30, 15, 5, 0]);
    const catalog = Uint8Array.from([1, 1, 1, 1, 1]);
    expect([...headItems(purchases, catalog)]).toEqual([1, 1, 0, 0, 0]);
    const exposure = Float64Array.from([4, 3, 2, 0, 1]);
    const tail = longTail(exposure, purchases, catalog);
    expect(tail.items).toBe(3);
    expect(tail.coverage).toBeCloseTo(2 / 3, 12);
    expect(tail.exposureShare).toBeCloseTo(0.3, 12);
  });
});
