import { describe, expect, it } from 'vitest';
import type { ShopperHistory } from '@/lib/predict/types';
import { attributeGrouping, countryGrouping, tenureGrouping, tenureOf } from './groups';
import { groupOfFacts } from './list-thresholds';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2025, 5, 1);

function shopper(id: string, country: string | null, orderDaysBefore: number[] = []): ShopperHistory {
  return {
    shopperId: id,
    country,
    firstSeenAt: null,
    orders: orderDaysBefore.map((d) => ({
      at: AS_OF - d * DAY,
      totalMinor: 1000,
      status: 'paid',
      items: 1,
      products: 1,
    })),
    events: [],
  };
}

describe('groupings', () => {
  it('names the six most common countries, then other and unknown', () => {
    const hs: ShopperHistory[] = [];
    const counts: [string, number][] = [
      ['DE', 7],
      ['FR', 6],
      ['GB', 5],
      ['US', 4],
      ['ES', 3],
      ['IT', 3],
      ['AT', 2],
      ['NL', 1],
    ];
    for (const [c, n] of counts) for (let i = 0; i < n; i++) hs.push(shopper(`${c}${i}`, c));
    hs.push(shopper('x', null));
    const g = countryGrouping(hs);
    expect(g.groupOf(shopper('a', 'IT'))).toBe('IT');
    expect(g.groupOf(shopper('a', 'AT'))).toBe('other');
    expect(g.groupOf(shopper('a', 'NL'))).toBe('other');
    expect(g.groupOf(shopper('a', null))).toBe('unknown');
  });

  it('splits tenure at 90 days before the as-of date, ignoring later orders', () => {
    expect(tenureOf(shopper('a', null, [90]), AS_OF)).toBe('new');
    expect(tenureOf(shopper('a', null, [91, 5]), AS_OF)).toBe('returning');
    expect(tenureOf(shopper('a', null, [-3]), AS_OF)).toBe('no orders yet');
    expect(tenureGrouping(AS_OF).groupOf(shopper('a', null, []))).toBe('no orders yet');
  });

  it('groups a sensitive attribute by value, marking it sensitive', () => {
    const hs = [shopper('a', null), shopper('b', null), shopper('c', null)];
    const g = attributeGrouping(
      'age_band',
      new Map([
        ['a', '18-34'],
        ['b', '35+'],
      ]),
      hs,
    );
    expect(g.sensitive).toBe(true);
    expect(hs.map((h) => g.groupOf(h))).toEqual(['18-34', '35+', 'unknown']);
  });

  it('puts a listed shopper in the same group as the report did', () => {
    const applied = {
      groupBy: 'country',
      target: 'selection_rate' as const,
      byGroup: {},
      fallback: 0.5,
      sensitive: false,
      groups: ['DE', 'other'],
    };
    const facts = (country: string | null) => ({
      shopperId: 'a',
      country,
      firstOrderAt: AS_OF - 200 * DAY,
      attribute: null,
    });
    expect(groupOfFacts(applied, facts('DE'), AS_OF)).toBe('DE');
    expect(groupOfFacts(applied, facts('PT'), AS_OF)).toBe('other');
    expect(groupOfFacts(applied, facts(null), AS_OF)).toBe('unknown');
    expect(groupOfFacts({ ...applied, groupBy: 'tenure' }, facts('DE'), AS_OF)).toBe('returning');
  });
});
