import { describe, expect, it } from 'vitest';
import { appendProtected, injectLimit, newestFirst, publishedWithin, rankProtected } from './inject';

const DAY = 86_400_000;
const NOW = 1_000 * DAY;
// Items 0..5: categories, purchases and publication days before NOW.
const category = [0, 1, 1, 0, 2, 1];
const purchases = [0, 8, 1, 9, 0, 1];
const age = [2, 4, 1, 30, 3, 1];
const base = {
  category: (j: number) => category[j]!,
  purchases: (j: number) => purchases[j]!,
  publishedAt: (j: number) => NOW - age[j]! * DAY,
  now: NOW,
};

describe('rankProtected', () => {
  it('ranks by the category mix, then purchases per day, then the newest', () => {
    const profile = new Map([
      [1, 0.7],
      [0, 0.3],
    ]);
    const order = rankProtected([0, 1, 2, 3, 4, 5], { ...base, limit: 6, exclude: () => false, profile });
    // Category 1 first: 1 (8/4 = 2 a day), then 2 and 5 (1 a day each, same age: lower index first);
    // category 0: 3 (9/30 = 0.3) before 0 (0); category 2 last.
    expect(order).toEqual([1, 2, 5, 3, 0, 4]);
  });

  it('prefers content similarity, items without a vector last, and honours exclude and limit', () => {
    const sim = [0.1, Number.NaN, 0.9, 0.5, 0.2, 0.95];
    const order = rankProtected([0, 1, 2, 3, 4, 5], {
      ...base,
      limit: 3,
      exclude: (j) => j === 5,
      similarity: (j) => sim[j]!,
      profile: new Map([[1, 1]]),
    });
    expect(order).toEqual([2, 3, 4]);
    const all = rankProtected([0, 1, 2], {
      ...base,
      limit: 5,
      exclude: () => false,
      similarity: (j) => sim[j]!,
    });
    expect(all).toEqual([2, 0, 1]);
  });

  it('returns nothing for a zero limit', () => {
    expect(rankProtected([0, 1], { ...base, limit: 0, exclude: () => false })).toEqual([]);
    expect(injectLimit(0, 10)).toBe(0);
    expect(injectLimit(0.2, 10)).toBe(6);
  });
});

describe('publishedWithin', () => {
  it('yields the items published in the window, newest first, skipping future ones', () => {
    const published = Float64Array.from([
      NOW - 40 * DAY,
      NOW - 2 * DAY,
      Number.NaN,
      NOW + DAY,
      NOW - 29 * DAY,
    ]);
    const newest = newestFirst(published);
    expect(Array.from(newest)).toEqual([3, 1, 4, 0]);
    expect([...publishedWithin(newest, published, NOW, 30)]).toEqual([1, 4]);
  });
});

describe('appendProtected', () => {
  it('adds the best protected items below the lowest candidate, never twice', () => {
    const out = appendProtected(
      [
        { item: 9, score: 2 },
        { item: 1, score: 1 },
      ],
      [
        { floor: 0.1, items: [0, 1, 2, 3] },
        { floor: 0, items: [4, 5] },
      ],
      10,
      { ...base, profile: new Map([[1, 1]]) },
    );
    // One floor slot → three items; 1 is already a candidate; 4 and 5 belong to a floor that is off.
    expect(out.map((c) => c.item)).toEqual([9, 1, 2, 3, 0]);
    const scores = out.map((c) => c.score);
    expect(scores.slice(2).every((s) => s < 1)).toBe(true);
    expect(scores[2]!).toBeGreaterThan(scores[3]!);
  });
});
