import { describe, expect, it } from 'vitest';
import { ItemKnnModel } from './item-knn';
import { PopularityModel } from './popularity';
import { SessionRecommender } from './session';
import { day, itemsOf, twoClusters } from './test-data';

// Item 0 has three extra buyers (shoppers 20–22), so the base popularity list is 0 first, then ties.
const data = twoClusters([20, 21, 22].map((shopper) => ({ shopper, item: 0, day: 31 })));
const asOf = day(40);

describe('SessionRecommender', () => {
  const knn = new ItemKnnModel({ shrinkage: 0, repeat: 'binary' });
  const model = new SessionRecommender(new PopularityModel(), knn);

  it('keeps the base order without a session, and a single view reshapes it at once', async () => {
    await model.fit(data, { asOf });
    expect(itemsOf(model.recommend({ now: asOf, k: 3 }))).toEqual([0, 1, 2]);
    // Items 6 and 8 neighbour item 7 in its cluster; 0 keeps the lead (base 1 vs a cosine ≈ 0.33).
    expect(itemsOf(model.recommend({ now: asOf, k: 3, session: [7] }))).toEqual([0, 6, 8]);
  });

  it('weights the most recent session items most', async () => {
    await model.fit(data, { asOf });
    const exclude = new Set([0]);
    expect(itemsOf(model.recommend({ now: asOf, k: 2, session: [2, 7], exclude }))).toEqual([6, 8]);
    expect(itemsOf(model.recommend({ now: asOf, k: 2, session: [7, 2], exclude }))).toEqual([1, 3]);
  });

  it('names itself after the base model', () => {
    expect(model.name).toBe('most-popular+session');
  });
});
