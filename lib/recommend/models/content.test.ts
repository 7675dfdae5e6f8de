import { describe, expect, it } from 'vitest';
import { ContentModel } from './content';
import { day, itemsOf, makeDataset } from './test-data';

function unit(x: number, y: number): Float32Array {
  const n = Math.hypot(x, y);
  return Float32Array.from([x / n, y / n]);
}

// Items 0, 1 and the brand-new 4 point east; 2 and 3 north; item 5 has no vector.
const vectors = [unit(1, 0), unit(0.95, 0.3), unit(0, 1), unit(0.3, 0.95), unit(0.98, 0.1), undefined];
const data = makeDataset(
  [
    { shopper: 0, item: 0, day: 1, kind: 'view' },
    { shopper: 0, item: 5, day: 2, kind: 'view' },
    { shopper: 1, item: 2, day: 1, kind: 'view' },
    { shopper: 1, item: 0, day: 29, kind: 'view' },
    { shopper: 2, item: 0, day: 10, kind: 'view' },
    { shopper: 2, item: 2, day: 10, kind: 'purchase' },
  ],
  { nShoppers: 4, nItems: 6 },
);
const asOf = day(30);

describe('ContentModel', () => {
  const model = new ContentModel({ vectors, halfLifeDays: 3 });
  model.fit(data, { asOf });

  it('recommends items near the shopper’s interest, including a new item with no interaction', () => {
    const items = itemsOf(model.recommend({ shopper: 0, now: asOf, k: 10, exclude: new Set([0]) }));
    expect(items.slice(0, 2)).toEqual([4, 1]);
    expect(items).not.toContain(5);
  });

  it('weights recent interactions more (recency-weighted mean)', () => {
    const seen = new Set([0, 2]);
    expect(itemsOf(model.recommend({ shopper: 1, now: asOf, k: 4, exclude: seen }))).toEqual([4, 1, 3]);
  });

  it('weights interactions by kind: a purchase outweighs a view', () => {
    const seen = new Set([0, 2]);
    expect(itemsOf(model.recommend({ shopper: 2, now: asOf, k: 1, exclude: seen }))).toEqual([3]);
  });

  it('answers for a context item and exposes item similarity', () => {
    expect(itemsOf(model.recommend({ item: 2, now: asOf, k: 1, exclude: new Set([2]) }))).toEqual([3]);
    expect(model.similarity(0, 1)).toBeCloseTo(0.95 / Math.hypot(0.95, 0.3), 6);
    expect(model.similarity(0, 5)).toBe(0);
    expect(model.covers(5)).toBe(false);
  });

  it('is empty when nothing the shopper touched has a vector', () => {
    expect(model.recommend({ shopper: 3, now: asOf, k: 3 }).items.length).toBe(0);
  });
});
