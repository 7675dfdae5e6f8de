import { describe, expect, it } from 'vitest';
import { BuyAgainModel } from './buy-again';
import { HybridRecommender } from './hybrid';
import { PopularityModel } from './popularity';
import { day, makeDataset, type TestEvent } from './test-data';

// A reorder-heavy store: shopper s rebuys staple s % 5 every week (days 0–90); everyone bought the
// gadget (item 5) once early on, so it is by far the most popular item but never comes back.
const events: TestEvent[] = [];
for (let s = 0; s < 30; s++) {
  for (let w = 0; w < 13; w++) events.push({ shopper: s, item: s % 5, day: (s % 7) + 7 * w });
  events.push({ shopper: s, item: 5, day: s % 20 });
}
const data = makeDataset(events, { nShoppers: 31, nItems: 6 });
const asOf = day(91);

function hybrid(): HybridRecommender {
  return new HybridRecommender({
    components: [new PopularityModel(), new BuyAgainModel()],
    perComponent: 10,
    restarts: 1,
    rounds: 10,
  });
}

describe('HybridRecommender', () => {
  it('learns to trust buy-again over popularity in a reorder-heavy store', async () => {
    const model = hybrid();
    await model.fit(data, { asOf });
    const { features, weights, ndcg } = model.weights;
    expect(features).toEqual(['most-popular', 'buy-again', 'popularity', 'bought-before']);
    expect(weights[1]).toBeGreaterThan(weights[0]!);
    expect(ndcg).toBeGreaterThan(0.9);
    for (const shopper of [0, 3, 12]) {
      expect(model.recommend({ shopper, now: asOf, k: 1 }).items[0]).toBe(shopper % 5);
    }
  });

  it('answers a cold shopper from the cold components (popularity)', async () => {
    const model = hybrid();
    await model.fit(data, { asOf });
    expect(model.recommend({ shopper: 30, now: asOf, k: 1 }).items[0]).toBe(5);
    expect(model.recommend({ now: asOf, k: 1 }).items[0]).toBe(5);
  });

  it('learns the same weights on every run (seeded)', async () => {
    const a = hybrid();
    const b = hybrid();
    await a.fit(data, { asOf });
    await b.fit(data, { asOf });
    expect(Array.from(a.weights.weights)).toEqual(Array.from(b.weights.weights));
  });
});
