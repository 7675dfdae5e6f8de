import { describe, expect, it } from 'vitest';
import { FbtModel } from './fbt';
import { day, itemsOf, makeDataset, type TestEvent } from './test-data';

/** One basket: purchases of one shopper at the same minute. */
function basket(shopper: number, at: number, items: number[]): TestEvent[] {
  return items.map((item) => ({ shopper, item, day: at }));
}

// 10 baskets. Pasta (0) + sauce (1): 4 baskets. Pasta + water (2): 2. Water alone: 3. Cheese (3) + pasta: 1.
const events: TestEvent[] = [
  ...basket(0, 1, [0, 1]),
  ...basket(1, 1, [0, 1]),
  ...basket(2, 2, [0, 1]),
  ...basket(3, 2, [0, 1, 2]),
  ...basket(4, 3, [0, 2]),
  ...basket(5, 3, [2]),
  ...basket(6, 3, [2]),
  ...basket(7, 3, [2]),
  ...basket(8, 4, [0, 3]),
  ...basket(0, 5, [4]),
  { shopper: 9, item: 1, day: 5, kind: 'view' },
];
const data = makeDataset(events, { nShoppers: 10, nItems: 5 });

describe('FbtModel', () => {
  const model = new FbtModel();
  model.fit(data, { asOf: day(10) });

  it('suggests partners above chance with enough support, best confidence first', () => {
    // sauce|pasta: 4 of 6 pasta baskets, lift = 4·10 / (6·4) ≈ 1.67 → kept.
    // water|pasta: 2 of 6, lift = 2·10 / (6·6) ≈ 0.56 → below chance; cheese: support 1 → dropped.
    expect(itemsOf(model.recommend({ item: 0, now: day(10), k: 5 }))).toEqual([1]);
    expect(model.pairStats(0, 1)).toEqual({
      together: 4,
      confidence: 4 / 6,
      lift: expect.closeTo(40 / 24, 6),
    });
    expect(model.pairStats(0, 2)).toBeNull();
  });

  it('ranks by lift when asked, with the minimum support option', () => {
    const byLift = new FbtModel({ rankBy: 'lift', minSupport: 1, minLift: 0 });
    byLift.fit(data, { asOf: day(10) });
    // cheese|pasta lift = 1·10/(6·1) ≈ 1.67 = sauce's; water 0.56 last.
    expect(itemsOf(byLift.recommend({ item: 0, now: day(10), k: 5 }))).toEqual([1, 3, 2]);
  });

  it('answers for a cart, leaving out what is already in it', () => {
    expect(itemsOf(model.recommend({ cart: [1], now: day(10), k: 5 }))).toEqual([0]);
    expect(itemsOf(model.recommend({ cart: [0, 1], now: day(10), k: 5 }))).toEqual([]);
  });

  it('treats purchases in different minutes as different baskets', () => {
    const split = makeDataset(
      [
        ...basket(0, 1, [0]),
        ...basket(0, 1 + 2 / 1440, [1]),
        ...basket(1, 2, [0]),
        ...basket(1, 2 + 2 / 1440, [1]),
        ...basket(2, 3, [2]),
      ],
      { nShoppers: 3, nItems: 3 },
    );
    const perMinute = new FbtModel();
    perMinute.fit(split, { asOf: day(10) });
    expect(perMinute.recommend({ item: 0, now: day(10), k: 5 }).items.length).toBe(0);
    const perHour = new FbtModel({ basketWindowMs: 3_600_000 });
    perHour.fit(split, { asOf: day(10) });
    expect(itemsOf(perHour.recommend({ item: 0, now: day(10), k: 5 }))).toEqual([1]);
  });

  it('has nothing to say without a context', () => {
    expect(model.recommend({ shopper: 0, now: day(10), k: 5 }).items.length).toBe(0);
  });
});
