import { describe, expect, it } from 'vitest';
import { DAY_MS } from '@/lib/recommend/matrix/interaction-matrix';
import { datasetFrom, fixedModel } from './testing';
import { validationNdcg, validationQueries, validationSplit } from './validation';

const ASOF = Date.UTC(2024, 3, 1);
const d = (days: number) => ASOF + days * DAY_MS;

// Shoppers 0–3 buy item 0 early on (shopper 4 item 1); in the last 28 days shopper 0 rebuys 0 and buys 1, shopper 1
// buys 2, shopper 2 only views; shopper 5 is new in the window; item 3 is first bought in it;
// after asOf everything is off limits (shopper 3 buys then).
const rows = [
  [0, 0, d(-60)],
  [1, 0, d(-50)],
  [2, 0, d(-45)],
  [3, 0, d(-40)],
  [1, 2, d(-40)],
  [4, 1, d(-30)],
  [0, 0, d(-10)],
  [0, 1, d(-9)],
  [1, 2, d(-8)],
  [1, 3, d(-7)],
  [2, 1, d(-6), 'view'],
  [5, 1, d(-5)],
  [3, 1, d(2)],
] as const;
const data = datasetFrom(rows, { shoppers: 6, items: 4 });

describe('validationSplit', () => {
  it('splits the interactions before asOf at asOf − 28 days, as the evaluation would', () => {
    const split = validationSplit(data, ASOF);
    expect(split.cutoff).toBe(d(-28));
    expect(split.train.time.length).toBe(6);
    expect(Array.from(split.testShoppers)).toEqual([0, 1]); // 2 only viewed, 3 bought after asOf, 5 is new
    expect(Array.from(split.truth.items)).toEqual([0, 1, 2]); // item 3 was unseen before the window
  });

  it('drops known items under new-items, and counts every kind when the window has no purchase', () => {
    const split = validationSplit(data, ASOF, { protocol: 'new-items' });
    expect(Array.from(split.testShoppers)).toEqual([0]); // shopper 1 only rebought item 2
    expect(Array.from(split.truth.items)).toEqual([1]);
    const views = datasetFrom(
      rows.map(([s, j, t]) => [s, j, t, 'view'] as const),
      { shoppers: 6, items: 4 },
    );
    expect(validationSplit(views, ASOF).testShoppers.length).toBe(3);
  });
});

describe('validationQueries and validationNdcg', () => {
  it('asks at the window start, excluding non-candidates and (new-items) known items', () => {
    const all = validationQueries(validationSplit(data, ASOF), 10);
    expect(all.queries.map((q) => [q.shopper, q.now, q.exclude?.has(3), q.exclude?.has(0)])).toEqual([
      [0, d(-28), true, false],
      [1, d(-28), true, false],
    ]);
    expect(all.truth.map((t) => [...t])).toEqual([[0, 1], [2]]);
    const fresh = validationQueries(validationSplit(data, ASOF, { protocol: 'new-items' }), 10);
    expect(fresh.queries[0]!.exclude?.has(0)).toBe(true);
    expect(validationQueries(validationSplit(data, ASOF), 1).queries).toHaveLength(1);
  });

  it('scores 1 for lists equal to the truth and 0 for lists that miss it', () => {
    const split = validationSplit(data, ASOF);
    const truth = new Map([
      [0, [0, 1]],
      [1, [2]],
    ]);
    expect(
      validationNdcg(
        fixedModel('oracle', (s) => truth.get(s) ?? []),
        split,
      ),
    ).toBeCloseTo(1, 12);
    expect(
      validationNdcg(
        fixedModel('miss', () => [3]),
        split,
      ),
    ).toBe(0);
  });
});
