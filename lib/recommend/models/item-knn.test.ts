import { describe, expect, it } from 'vitest';
import { ItemKnnModel } from './item-knn';
import { day, itemsOf, makeDataset, twoClusters } from './test-data';

const asOf = day(40);

describe('ItemKnnModel', () => {
  const model = new ItemKnnModel({ shrinkage: 1 });
  model.fit(twoClusters(), { asOf });

  it('recommends only items of the shopper’s own cluster', () => {
    for (const shopper of [0, 7, 12]) {
      const items = itemsOf(model.recommend({ shopper, now: asOf, k: 10 }));
      const own = shopper < 10 ? [0, 1, 2, 3, 4] : [5, 6, 7, 8, 9];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => own.includes(i))).toBe(true);
    }
  });

  it('ranks the cluster items the shopper has not bought', () => {
    // Shopper 0 bought 0, 1, 2: item 3 co-occurs with 1 and 2, item 4 with 0 and 2 … all in-cluster.
    const ranked = model.recommend({ shopper: 0, now: asOf, k: 2, exclude: new Set([0, 1, 2]) });
    expect(itemsOf(ranked).sort()).toEqual([3, 4]);
  });

  it('finds similar items for a context item, never the item itself', () => {
    const similar = itemsOf(model.similarItems(6, 10));
    expect(similar).not.toContain(6);
    expect(similar.every((i) => i >= 5)).toBe(true);
    expect(model.similarity(5, 6)).toBeGreaterThan(0);
    expect(model.similarity(0, 6)).toBe(0);
  });

  it('shrinks the similarity of rarely seen pairs', () => {
    // Items 0 and 1 always together (one shopper), 2 and 3 together for ten shoppers: both cosines are 1.
    const events = [
      { shopper: 0, item: 0, day: 1 },
      { shopper: 0, item: 1, day: 1 },
      ...Array.from({ length: 10 }, (_, s) => [
        { shopper: s + 1, item: 2, day: 1 },
        { shopper: s + 1, item: 3, day: 1 },
      ]).flat(),
    ];
    const shrunk = new ItemKnnModel({ shrinkage: 5, repeat: 'binary' });
    shrunk.fit(makeDataset(events, { nShoppers: 11, nItems: 4 }), { asOf });
    expect(shrunk.similarity(0, 1)).toBeCloseTo(1 / 6, 6);
    expect(shrunk.similarity(2, 3)).toBeCloseTo(10 / 15, 6);
  });

  it('keeps at most k neighbours per item', () => {
    const small = new ItemKnnModel({ neighbours: 2 });
    small.fit(twoClusters(), { asOf });
    expect(small.neighboursOf(0).items.length).toBe(2);
  });
});
