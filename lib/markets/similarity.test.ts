import { describe, expect, it } from 'vitest';
import { cosine, gapProducts, mostSimilar, weightedMedian } from './similarity';

const mix = (o: Record<string, number>) => new Map(Object.entries(o));

describe('cosine', () => {
  it('is 1 for proportional mixes, 0 for disjoint or empty ones', () => {
    expect(cosine(mix({ a: 1, b: 2 }), mix({ a: 2, b: 4 }))).toBeCloseTo(1, 12);
    expect(cosine(mix({ a: 1 }), mix({ b: 1 }))).toBe(0);
    expect(cosine(mix({}), mix({ a: 1 }))).toBe(0);
    expect(cosine(mix({ a: 1, b: 1 }), mix({ a: 1 }))).toBeCloseTo(Math.SQRT1_2, 12);
  });
});

describe('mostSimilar', () => {
  const mixes = new Map([
    ['DE', mix({ shoes: 30, bags: 10 })],
    ['AT', mix({ shoes: 29, bags: 11 })],
    ['FR', mix({ shoes: 5, bags: 35 })],
    ['LU', mix({ shoes: 3, bags: 1 })], // too small to compare
  ]);

  it('picks the market with the closest mix, skipping small ones', () => {
    expect(mostSimilar('DE', mixes, 20)?.market).toBe('AT');
    expect(mostSimilar('FR', mixes, 20)?.market).toBe('AT'); // AT has slightly more bags than DE
    expect(mostSimilar('LU', mixes, 20)).toBeNull();
    expect(mostSimilar('XX', mixes, 20)).toBeNull();
  });

  it('breaks ties by market key', () => {
    const tied = new Map([
      ['B', mix({ x: 20 })],
      ['A', mix({ x: 20 })],
      ['C', mix({ x: 20 })],
    ]);
    expect(mostSimilar('C', tied, 20)).toEqual({ market: 'A', similarity: 1 });
  });
});

describe('gapProducts', () => {
  it('keeps products with support here and ~none there, largest gap first', () => {
    const here = mix({ p1: 10, p2: 5, p3: 2, p4: 8 });
    const there = mix({ p1: 1, p2: 5, p4: 0 });
    // 100 orders each: p1 10 % vs 1 % (gap 9 pp), p2 same share (dropped), p3 below 3 orders, p4 8 % vs 0 %.
    const gaps = gapProducts(here, 100, there, 100);
    expect(gaps.map((g) => g.key)).toEqual(['p1', 'p4']);
    expect(gapProducts(here, 100, mix({ p1: 3, p2: 5 }), 100).map((g) => g.key)).toEqual(['p4']); // 3 % > 10 % × 0.25
    expect(gaps[0]).toMatchObject({ ordersHere: 10, ordersThere: 1, shareHere: 0.1, shareThere: 0.01 });
  });

  it('says nothing when the other market is too small to expect the product', () => {
    // 5 % of 40 orders = 2 expected: absence there means little.
    expect(gapProducts(mix({ p: 5 }), 100, mix({}), 40)).toEqual([]);
    expect(gapProducts(mix({ p: 5 }), 100, mix({}), 60).map((g) => g.key)).toEqual(['p']);
    expect(gapProducts(mix({ p: 5 }), 0, mix({}), 60)).toEqual([]);
  });
});

describe('weightedMedian', () => {
  it('is the value where half the weight is reached', () => {
    expect(weightedMedian([])).toBeNull();
    expect(
      weightedMedian([
        { value: 0.9, weight: 1 },
        { value: 0.1, weight: 3 },
      ]),
    ).toBe(0.1);
    expect(
      weightedMedian([
        { value: 0.2, weight: 1 },
        { value: 0.8, weight: 1 },
      ]),
    ).toBe(0.2);
    expect(
      weightedMedian([
        { value: 0.5, weight: 0 },
        { value: 0.7, weight: 2 },
      ]),
    ).toBe(0.7);
  });
});
