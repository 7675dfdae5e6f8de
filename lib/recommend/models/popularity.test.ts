import { describe, expect, it } from 'vitest';
import { PopularityModel } from './popularity';
import { day, itemsOf, makeDataset, type TestEvent } from './test-data';

// Item 0: three buyers long ago. Item 1: two buyers last week. Item 2: one shopper, many purchases.
// Shoppers 0–2 are German, 3–5 French; item 3 is bought by two French shoppers only.
const events: TestEvent[] = [
  { shopper: 0, item: 0, day: 1 },
  { shopper: 1, item: 0, day: 2 },
  { shopper: 2, item: 0, day: 3 },
  { shopper: 3, item: 1, day: 95 },
  { shopper: 4, item: 1, day: 96 },
  ...Array.from({ length: 8 }, (_, d) => ({ shopper: 5, item: 2, day: 50 + d })),
  { shopper: 3, item: 3, day: 60 },
  { shopper: 4, item: 3, day: 61 },
  { shopper: 0, item: 4, day: 97, kind: 'view' as const },
];
const data = makeDataset(events, {
  nShoppers: 6,
  nItems: 5,
  itemCategory: ['mugs', 'tea', 'tea', 'mugs', null],
  shopperCountry: ['DE', 'DE', 'DE', 'FR', 'FR', 'FR'],
});
const asOf = day(100);

function fitted(opts: ConstructorParameters<typeof PopularityModel>[0]): PopularityModel {
  const model = new PopularityModel(opts);
  model.fit(data, { asOf });
  return model;
}

describe('PopularityModel', () => {
  it('counts distinct buyers all-time: repeat purchases of one shopper do not count', () => {
    const ranked = fitted({}).recommend({ now: asOf, k: 5 });
    expect(itemsOf(ranked)).toEqual([0, 1, 3, 2]);
    expect(Array.from(ranked.scores)).toEqual([3, 2, 2, 1]);
  });

  it('recent popular looks only at the last N days', () => {
    expect(itemsOf(fitted({ mode: 'recent', windowDays: 30 }).recommend({ now: asOf, k: 5 }))).toEqual([1]);
  });

  it('time-decayed popularity prefers recent buyers', () => {
    const model = fitted({ mode: 'decayed', halfLifeDays: 7 });
    expect(itemsOf(model.recommend({ now: asOf, k: 2 }))).toEqual([1, 3]);
    expect(model.name).toBe('decayed-popular');
  });

  it('per country ranks by that country’s shoppers, then backfills globally', () => {
    const model = fitted({ segment: 'country' });
    expect(itemsOf(model.recommend({ shopper: 3, now: asOf, k: 4 }))).toEqual([1, 3, 2, 0]);
    expect(itemsOf(model.recommend({ shopper: 0, now: asOf, k: 2 }))).toEqual([0, 1]);
    expect(model.reasonFor({ shopper: 3, now: asOf, k: 4 })).toMatchObject({
      segment: 'country',
      value: 'FR',
    });
  });

  it('"popular in France this week" is the recent mode per country', () => {
    const model = fitted({ segment: 'country', mode: 'recent', windowDays: 7 });
    expect(model.reasonFor({ shopper: 4, now: asOf, k: 3 })).toEqual({
      segment: 'country',
      value: 'FR',
      mode: 'recent',
      windowDays: 7,
      halfLifeDays: null,
    });
  });

  it('per category ranks within the context item’s category', () => {
    const model = fitted({ segment: 'category' });
    expect(itemsOf(model.recommend({ item: 3, now: asOf, k: 2, exclude: new Set([3]) }))).toEqual([0, 1]);
    expect(itemsOf(model.recommendForCategory('tea', 2))).toEqual([1, 2]);
  });

  it('honours exclude', () => {
    expect(itemsOf(fitted({}).recommend({ now: asOf, k: 2, exclude: new Set([0]) }))).toEqual([1, 3]);
  });

  it('falls back to all kinds when the store sends no purchases', () => {
    const views = makeDataset(
      [
        { shopper: 0, item: 1, day: 1, kind: 'view' },
        { shopper: 1, item: 1, day: 1, kind: 'view' },
        { shopper: 0, item: 0, day: 1, kind: 'view' },
      ],
      { nShoppers: 2, nItems: 2 },
    );
    const model = new PopularityModel();
    model.fit(views, { asOf });
    expect(itemsOf(model.recommend({ now: asOf, k: 2 }))).toEqual([1, 0]);
  });
});
