import { describe, expect, it } from 'vitest';
import { BuyAgainModel } from './buy-again';
import { day, itemsOf, makeDataset, type TestEvent } from './test-data';

// Shopper 0 buys coffee (item 0) every 7 days, days 0–63, and a kettle (item 1) once on day 60.
// Kettles are never bought twice by anyone; shopper 1 also rebuys coffee after 30 days.
const events: TestEvent[] = [
  ...Array.from({ length: 10 }, (_, w) => ({ shopper: 0, item: 0, day: 7 * w })),
  { shopper: 0, item: 1, day: 60 },
  { shopper: 1, item: 1, day: 20 },
  { shopper: 2, item: 1, day: 21 },
  { shopper: 3, item: 1, day: 22 },
  { shopper: 1, item: 0, day: 10 },
  { shopper: 1, item: 0, day: 40 },
  // Two lines of one order a few hours apart are one occasion.
  { shopper: 2, item: 2, day: 5 },
  { shopper: 2, item: 2, day: 5.1 },
  { shopper: 2, item: 3, day: 6, kind: 'view' },
];
const data = makeDataset(events, { nShoppers: 5, nItems: 4 });
const model = new BuyAgainModel();
model.fit(data, { asOf: day(64) });

describe('BuyAgainModel', () => {
  it('ranks the weekly repeat purchase above a one-off purchase', () => {
    expect(itemsOf(model.recommend({ shopper: 0, now: day(70), k: 5 }))).toEqual([0, 1]);
  });

  it('peaks when the usual interval has passed', () => {
    const score = (now: number) => model.recommend({ shopper: 0, now: day(now), k: 1 }).scores[0]!;
    expect(score(70)).toBeGreaterThan(score(64));
    expect(score(70)).toBeGreaterThan(score(120));
  });

  it('explains with count, median interval and days since last purchase', () => {
    expect(model.explain(0, 0, day(70))).toEqual({
      count: 10,
      medianIntervalDays: 7,
      intervalSource: 'shopper',
      daysSinceLast: 7,
      // Own median (7) shrunk towards the item's median (also 7: nine 7-day gaps and one of 30).
      expectedIntervalDays: expect.closeTo(7, 6),
    });
    // Nobody rebought a kettle: the interval falls back to the store's median (7 days).
    expect(model.explain(0, 1, day(70))).toMatchObject({
      count: 1,
      intervalSource: 'store',
      medianIntervalDays: 7,
    });
    expect(model.explain(0, 3, day(70))).toBeNull();
  });

  it('merges purchases of one occasion and ignores views', () => {
    expect(model.explain(2, 2, day(70))?.count).toBe(1);
    expect(itemsOf(model.recommend({ shopper: 2, now: day(70), k: 5 }))).not.toContain(3);
  });

  it('returns nothing for an unknown shopper and honours exclude', () => {
    expect(model.recommend({ now: day(70), k: 5 }).items.length).toBe(0);
    expect(model.recommend({ shopper: 4, now: day(70), k: 5 }).items.length).toBe(0);
    expect(itemsOf(model.recommend({ shopper: 0, now: day(70), k: 5, exclude: new Set([0]) }))).toEqual([1]);
  });

  it('with a recency half-life (and the timing curve off), prefers the recent of two equal habits', () => {
    // Shopper 0 bought item 0 twice long ago and item 1 twice lately: same count, same interval.
    const habits = makeDataset(
      [
        { shopper: 0, item: 0, day: 0 },
        { shopper: 0, item: 0, day: 10 },
        { shopper: 0, item: 1, day: 50 },
        { shopper: 0, item: 1, day: 60 },
        { shopper: 1, item: 0, day: 1 },
        { shopper: 1, item: 1, day: 1 },
      ],
      { nShoppers: 2, nItems: 2 },
    );
    const recent = new BuyAgainModel({ timingFloor: 1, recencyHalfLifeDays: 30 });
    recent.fit(habits, { asOf: day(64) });
    expect(itemsOf(recent.recommend({ shopper: 0, now: day(64), k: 2 }))).toEqual([1, 0]);
    const scores = recent.recommend({ shopper: 0, now: day(64), k: 2 }).scores;
    expect(scores[1]! / scores[0]!).toBeCloseTo(2 ** (-50 / 30), 5); // last bought 54 vs 4 days ago
  });
});
