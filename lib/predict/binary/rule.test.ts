import { describe, expect, it } from 'vitest';
import type { ShopperHistory } from '@/lib/predict/types';
import { ruleBinary } from './index';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2025, 0, 1);
const paid = (daysAgo: number) => ({
  at: AS_OF - daysAgo * DAY,
  totalMinor: 1000,
  status: 'paid' as const,
  items: 1,
  products: 1,
});
const shopper = (orders: number[], visitDaysAgo?: number): ShopperHistory => ({
  shopperId: 'r',
  country: null,
  firstSeenAt: null,
  orders: orders.map(paid),
  events:
    visitDaysAgo === undefined ? [] : [{ at: AS_OF - visitDaysAgo * DAY, type: 'view', sessionId: 'v' }],
});

describe('ruleBinary', () => {
  const churn = ruleBinary('churn', 90);
  const propensity = ruleBinary('propensity', 30);
  it('is labelled and adds up', () => {
    expect(churn.method).toBe('rule-recency');
    for (const h of [shopper([10, 40, 70]), shopper([200]), shopper([], 3), shopper([5, 400], 1)]) {
      for (const m of [churn, propensity]) {
        const e = m.explain(h, AS_OF);
        expect(e.total).toBe(e.contributions.reduce((s, c) => s + c.contribution, e.base));
        expect(e.score).toBeCloseTo(1 / (1 + Math.exp(-e.total)), 14);
        expect(m.score(h, AS_OF)).toBe(e.score);
      }
    }
  });
  it('rises with the time since the last order relative to the usual gap', () => {
    const onTime = churn.score(shopper([10, 40, 70]), AS_OF);
    const overdue = churn.score(shopper([100, 130, 160]), AS_OF);
    expect(overdue).toBeGreaterThan(onTime);
    expect(propensity.score(shopper([100, 130, 160]), AS_OF)).toBeLessThan(
      propensity.score(shopper([10, 40, 70]), AS_OF),
    );
    expect(propensity.score(shopper([], 2), AS_OF)).toBeLessThan(
      propensity.score(shopper([10, 40, 70]), AS_OF),
    );
  });
  it('rejects a non-positive horizon', () => {
    expect(() => ruleBinary('churn', 0)).toThrow(/horizonDays/);
  });
});
