import { describe, expect, it } from 'vitest';
import { SYNTHETIC_AS_OF, syntheticHistories } from '@/lib/predict/binary/synthetic';
import type { ShopperHistory } from '@/lib/predict/types';
import { CLV_MIN_REPEAT_BUYERS, eligibleClv, evaluateClv, fitClv, loadClv } from './index';
import { historiesOfSimulated, simulateShoppers } from './simulate';
import { DAY_MS, summarize } from './summary';

const AS_OF = Date.parse('2025-06-01T00:00:00Z');
const BG = { r: 0.8, alpha: 30, a: 0.6, b: 3 };
const GG = { p: 4, q: 5, gamma: 20_000 };

// Two years of simulated shoppers: observed until AS_OF + 1 year, so the holdout has real data.
const END = AS_OF + 365 * DAY_MS;
const histories = historiesOfSimulated(
  simulateShoppers(1500, BG, GG, { days: 730, spreadDays: 300, seed: 11 }),
  END,
);
const model = fitClv(histories, { asOf: AS_OF });

function withFutureOrders(h: ShopperHistory): ShopperHistory {
  const extra = [0, 1, 40].map((d) => ({
    at: AS_OF + d * DAY_MS,
    totalMinor: 999_999,
    status: 'paid' as const,
    items: 1,
    products: 1,
  }));
  return { ...h, orders: [...h.orders, ...extra] };
}

describe('fitClv', () => {
  it('fits BG/NBD + Gamma–Gamma when there are enough repeat buyers', () => {
    expect(model.method).toBe('bgnbd-gamma-gamma');
    expect(model.parameters.repeatBuyers).toBeGreaterThanOrEqual(CLV_MIN_REPEAT_BUYERS);
    for (const k of ['r', 'alpha', 'a', 'b', 'p', 'q', 'gamma'])
      expect(model.parameters[k]).toBeGreaterThan(0);
  });

  it('ignores orders at or after the as-of date (fit and predictions)', () => {
    const future = histories.map(withFutureOrders);
    const leaked = fitClv(future, { asOf: AS_OF });
    const truncated = histories.map((h) => ({ ...h, orders: h.orders.filter((o) => o.at < AS_OF) }));
    expect(leaked.parameters).toEqual(fitClv(truncated, { asOf: AS_OF }).parameters);
    const h = histories.find((x) => summarize(x, AS_OF)?.x)!;
    expect(model.predict(withFutureOrders(h), AS_OF, 180)).toEqual(model.predict(h, AS_OF, 180));
  });

  it('forecasts more for frequent, recent shoppers, and nothing for non-buyers', () => {
    const h = (days: number[], total = 5000): ShopperHistory => ({
      shopperId: 'x',
      country: null,
      firstSeenAt: null,
      orders: days.map((d) => ({
        at: AS_OF - d * DAY_MS,
        totalMinor: total,
        status: 'paid',
        items: 1,
        products: 1,
      })),
      events: [],
    });
    const frequent = model.predict(h([300, 200, 100, 50, 10]), AS_OF, 365);
    const lapsed = model.predict(h([300, 290, 280, 270, 260]), AS_OF, 365);
    expect(frequent.expectedPurchases).toBeGreaterThan(lapsed.expectedPurchases);
    expect(frequent.pAlive).toBeGreaterThan(lapsed.pAlive);
    expect(model.predict(h([100, 50], 50_000), AS_OF, 365).expectedSpendMinor).toBeGreaterThan(
      model.predict(h([100, 50], 500), AS_OF, 365).expectedSpendMinor,
    );
    expect(model.predict(h([]), AS_OF, 365)).toEqual({
      expectedPurchases: 0,
      expectedSpendMinor: 0,
      pAlive: 0,
    });
    expect(eligibleClv(h([]), AS_OF)).toBe(false);
    expect(eligibleClv(h([3]), AS_OF)).toBe(true);
    expect(() => model.predict(h([3]), AS_OF, 0)).toThrow(/horizonDays/);
  });

  it('explains the predicted spend exactly', () => {
    for (const h of histories.slice(0, 40)) {
      const e = model.explain(h, AS_OF, 365);
      const sum = e.contributions.reduce((s, c) => s + c.contribution, 0);
      expect(e.link).toBe('identity');
      expect(e.base + sum).toBeCloseTo(e.total, 6);
      expect(e.score).toBeCloseTo(e.total, 6);
      expect(e.score).toBeCloseTo(model.predict(h, AS_OF, 365).expectedSpendMinor, 6);
      if (summarize(h, AS_OF)) {
        expect(e.contributions.map((c) => c.feature)).toEqual([
          'frequency',
          'recency',
          'tenure',
          'orderValue',
        ]);
      }
    }
  });

  it('round-trips through JSON', () => {
    const again = loadClv(JSON.parse(JSON.stringify(model.toJSON())));
    expect(again.method).toBe(model.method);
    expect(again.parameters).toEqual(model.parameters);
    for (const h of histories.slice(0, 20)) {
      expect(again.predict(h, AS_OF, 90)).toEqual(model.predict(h, AS_OF, 90));
      expect(again.explain(h, AS_OF, 90)).toEqual(model.explain(h, AS_OF, 90));
    }
    expect(() => loadClv({ kind: 'clv', version: 1, method: 'nope' })).toThrow(/Unknown customer-value/);
    expect(() => loadClv({ kind: 'churn' })).toThrow(/Unknown customer-value/);
    expect(() => loadClv(null)).toThrow(/Unknown customer-value/);
  });

  it('falls back to the labelled historical-rate rule on a small store', () => {
    const small = histories.slice(0, 60);
    const rule = fitClv(small, { asOf: AS_OF });
    expect(rule.method).toBe('historical-rate');
    expect(rule.parameters.repeatBuyers).toBeLessThan(CLV_MIN_REPEAT_BUYERS);
    const h = small.find((x) => summarize(x, AS_OF))!;
    const p = rule.predict(h, AS_OF, 365);
    expect(p.expectedSpendMinor).toBeGreaterThan(0);
    const e = rule.explain(h, AS_OF, 365);
    expect(e.base + e.contributions.reduce((s, c) => s + c.contribution, 0)).toBeCloseTo(e.score, 6);
    const again = loadClv(JSON.parse(JSON.stringify(rule.toJSON())));
    expect(again.predict(h, AS_OF, 365)).toEqual(p);
  });
});

describe('evaluateClv', () => {
  it('beats the historical-rate baselines on data from the model’s own story', () => {
    const ev = evaluateClv(histories, { asOf: AS_OF, holdoutDays: 182 });
    expect(ev.kind).toBe('clv');
    expect(ev.n).toBe(histories.filter((h) => eligibleClv(h, AS_OF)).length);
    expect(ev.mae).toBeLessThan(ev.baselineMae);
    expect(ev.predictedTotal / ev.actualTotal).toBeGreaterThan(0.8);
    expect(ev.predictedTotal / ev.actualTotal).toBeLessThan(1.25);
    expect(() => evaluateClv(histories, { asOf: AS_OF, holdoutDays: 0 })).toThrow(/holdoutDays/);
  });
});

describe('customer value on extreme fitted parameters', () => {
  it('evaluates the synthetic churn population, whose BG/NBD series overflowed before scaling', () => {
    const asOf = SYNTHETIC_AS_OF - 40 * DAY_MS;
    const ev = evaluateClv(syntheticHistories(600), { asOf, holdoutDays: 161 });
    expect(ev.method).toBe('bgnbd-gamma-gamma');
    expect(Number.isFinite(ev.mae)).toBe(true);
    expect(ev.predictedTotal).toBeGreaterThan(0);
  });
});
