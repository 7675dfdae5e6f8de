import { describe, expect, it } from 'vitest';
import { demoHistories } from '@/scripts/bench/support/demo-histories';
import { evaluateBinaryTemporal, trainability } from './index';

const DAY = 86_400_000;
const NOW = new Date('2026-01-01T00:00:00Z');
const histories = demoHistories(NOW, { scale: 0.1 });

describe('demo store histories', () => {
  it('carry orders with status, totals and categories, and events with sessions', () => {
    expect(histories.length).toBeGreaterThan(400);
    const orders = histories.flatMap((h) => h.orders);
    const events = histories.flatMap((h) => h.events);
    expect(orders.length).toBeGreaterThan(100);
    expect(new Set(orders.map((o) => o.status)).has('paid')).toBe(true);
    expect(orders.every((o) => o.totalMinor > 0 && o.items >= 1 && o.categories?.length)).toBe(true);
    expect(events.every((e) => e.at < NOW.getTime())).toBe(true);
    expect(events.some((e) => e.sessionId && e.category)).toBe(true);
    for (const h of histories.slice(0, 50))
      expect(h.orders.every((o, i) => i === 0 || h.orders[i - 1]!.at <= o.at)).toBe(true);
  });

  it('evaluate temporally, with the rule where the store is too small', () => {
    const asOf = NOW.getTime() - 30 * DAY;
    const opts = { trainAsOf: asOf - 30 * DAY, asOf, horizonDays: 30 };
    const e = evaluateBinaryTemporal('propensity', histories, opts);
    const t = trainability('propensity', histories, { asOf: opts.trainAsOf, horizonDays: 30 });
    expect(e.method).toBe(t.ok ? 'logistic-gam' : 'rule-recency');
    expect(e.model.n).toBeGreaterThan(200);
    expect(e.model.auc).toBeGreaterThan(0.6);
  });
});
