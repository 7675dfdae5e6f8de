import { describe, expect, it } from 'vitest';
import { FEATURES, formatFeature, homeMarketOf, shopperFeatures, featureSpec } from './features';
import type { ShopperHistory } from './types';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2025, 5, 1);
const ago = (days: number) => AS_OF - days * DAY;
const order = (daysAgo: number, totalMinor = 5000, status: 'paid' | 'returned' = 'paid') => ({
  at: ago(daysAgo),
  totalMinor,
  status,
  items: 2,
  products: 1,
  categories: ['home', 'home'],
});

function history(): ShopperHistory {
  return {
    shopperId: 'a',
    country: 'DE',
    firstSeenAt: ago(200),
    orders: [order(100), order(60, 3000), order(50, 2000, 'returned'), order(20, 7000)],
    events: [
      { at: ago(3), type: 'view', sessionId: 'x', category: 'home' },
      { at: ago(3), type: 'add_to_cart', sessionId: 'x', category: 'home' },
      { at: ago(40), type: 'view', sessionId: 'y', category: 'garden' },
    ],
  };
}

function get(v: Float64Array, key: string): number {
  return v[FEATURES.findIndex((f) => f.key === key)]!;
}

describe('shopperFeatures', () => {
  it('computes recency, frequency, gaps and windows from paid orders before the as-of date', () => {
    const v = shopperFeatures(history(), AS_OF, { home: 'DE' });
    expect(v).toHaveLength(FEATURES.length);
    expect(get(v, 'recencyDays')).toBe(20);
    expect(get(v, 'frequency')).toBe(3);
    expect(get(v, 'monetary')).toBe(150);
    expect(get(v, 'aov')).toBe(50);
    expect(get(v, 'meanGapDays')).toBe(40);
    expect(get(v, 'lastGapDays')).toBe(40);
    expect(get(v, 'overdue')).toBe(0.5);
    expect(get(v, 'orders30')).toBe(1);
    expect(get(v, 'orders90')).toBe(2);
    expect(get(v, 'orders180')).toBe(3);
    expect(get(v, 'problemShare')).toBe(0.25);
    expect(get(v, 'tenureDays')).toBe(200);
    expect(get(v, 'homeMarket')).toBe(1);
    expect(get(v, 'sessions7')).toBe(1);
    expect(get(v, 'sessions90')).toBe(2);
    expect(get(v, 'openCarts30')).toBe(1);
    expect(get(v, 'eventRecencyDays')).toBe(3);
    expect(get(v, 'categories')).toBe(1);
  });

  it('leaves undefined features NaN for a shopper who never bought', () => {
    const v = shopperFeatures({ ...history(), orders: [] }, AS_OF, { home: 'AT' });
    expect(get(v, 'recencyDays')).toBeNaN();
    expect(get(v, 'meanGapDays')).toBeNaN();
    expect(get(v, 'frequency')).toBe(0);
    expect(get(v, 'homeMarket')).toBe(0);
  });

  it('ignores everything at or after the as-of date (no leakage)', () => {
    const before = shopperFeatures(history(), AS_OF, { home: 'DE' });
    const h = history();
    h.orders.push(order(0), order(-5, 99_999), order(-40, 1, 'returned'));
    h.events.push(
      { at: AS_OF, type: 'view', sessionId: 'z' },
      { at: ago(-1), type: 'add_to_cart', sessionId: 'z' },
    );
    const after = shopperFeatures(h, AS_OF, { home: 'DE' });
    expect(Array.from(after)).toEqual(Array.from(before));
    // A firstSeenAt in the future is ignored too.
    const late = shopperFeatures({ ...history(), firstSeenAt: ago(-3) }, AS_OF, { home: 'DE' });
    expect(get(late, 'tenureDays')).toBe(100);
  });
});

describe('helpers', () => {
  it('finds the home market', () => {
    const hs = ['DE', 'AT', 'DE', null, 'AT', 'DE'].map((country) => ({ ...history(), country }));
    expect(homeMarketOf(hs)).toBe('DE');
    expect(homeMarketOf([])).toBeNull();
  });
  it('formats values for explanations', () => {
    expect(formatFeature(featureSpec('recencyDays'), 12.4)).toBe('12 days');
    expect(formatFeature(featureSpec('problemShare'), 0.25)).toBe('25 %');
    expect(formatFeature(featureSpec('meanGapDays'), Number.NaN)).toBe('—');
    expect(() => featureSpec('nope')).toThrow(/unknown shopper feature/);
  });
});
