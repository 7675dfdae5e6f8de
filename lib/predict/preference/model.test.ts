import { describe, expect, it } from 'vitest';
import { Rng } from '@/db/seed/random';
import type { EventFact, OrderFact, ShopperHistory } from '@/lib/predict/types';
import { evaluatePreference, fitPreference, loadPreference } from './index';
import { DAY_MS, nextCategory } from './signals';

const START = Date.parse('2025-01-01T00:00:00Z');
const AS_OF = START + 150 * DAY_MS;
const CATEGORIES = ['books', 'garden', 'home', 'kids', 'kitchen', 'music', 'shoes', 'sport', 'tech', 'toys'];

/** Shoppers who mostly buy and browse one favourite category, chosen unlike the store's popularity. */
function synthetic(n: number, seed: number, taste = 0.8): ShopperHistory[] {
  const rng = new Rng(seed);
  const popular = (): string => CATEGORIES[Math.min(rng.geometric(0.3), CATEGORIES.length - 1)]!;
  return Array.from({ length: n }, (_, i) => {
    const favourite = CATEGORIES[rng.int(0, CATEGORIES.length - 1)]!;
    const pick = (): string => (rng.chance(taste) ? favourite : popular());
    const orders: OrderFact[] = [];
    const events: EventFact[] = [];
    for (let day = rng.uniform(0, 30); day < 200; day += rng.exponential(25)) {
      const at = START + day * DAY_MS;
      const cat = pick();
      for (let k = 0; k < 4; k++) events.push({ at: at - 3600_000 + k, type: 'view', category: pick() });
      events.push({ at: at - 60_000, type: 'add_to_cart', category: cat });
      orders.push({ at, totalMinor: 2000, status: 'paid', items: 1, products: 1, categories: [cat] });
    }
    return { shopperId: `s${i}`, country: null, firstSeenAt: START, orders, events };
  });
}

const histories = synthetic(600, 5);
const model = fitPreference(histories, { asOf: AS_OF, horizonDays: 30 });

describe('fitPreference', () => {
  it('learns the mixture and returns probabilities that sum to 1, sorted', () => {
    expect(model.method).toBe('affinity-mixture');
    for (const h of histories.slice(0, 30)) {
      const p = model.predict(h, AS_OF);
      expect(p.map((x) => x.category).sort()).toEqual(CATEGORIES);
      expect(p.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 12);
      for (let i = 1; i < p.length; i++)
        expect(p[i - 1]!.probability).toBeGreaterThanOrEqual(p[i]!.probability);
      expect(model.predict(h, AS_OF, 3)).toEqual(p.slice(0, 3));
    }
  });

  it('beats category popularity on shoppers with strong tastes', () => {
    const ev = evaluatePreference(histories, { asOf: AS_OF, horizonDays: 30 });
    expect(ev.n).toBeGreaterThan(200);
    expect(ev.hitRateAt1).toBeGreaterThan(ev.baseline.hitRateAt1 + 0.3);
    expect(ev.hitRateAt3).toBeGreaterThan(ev.baseline.hitRateAt3);
    expect(ev.logLoss).toBeLessThan(ev.baseline.logLoss);
  });

  it('ignores facts at or after the as-of date', () => {
    const future = histories.map((h) => ({
      ...h,
      events: [...h.events, { at: AS_OF, type: 'view', category: 'toys' }],
      orders: [
        ...h.orders,
        {
          at: AS_OF + 1,
          totalMinor: 1,
          status: 'paid' as const,
          items: 1,
          products: 1,
          categories: ['toys'],
        },
      ],
    }));
    const trimmed = histories.map((h) => ({
      ...h,
      events: h.events.filter((e) => e.at < AS_OF),
      orders: h.orders.filter((o) => o.at < AS_OF),
    }));
    const a = fitPreference(future, { asOf: AS_OF, horizonDays: 30 });
    const b = fitPreference(trimmed, { asOf: AS_OF, horizonDays: 30 });
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(a.predict(future[0]!, AS_OF)).toEqual(b.predict(trimmed[0]!, AS_OF));
  });

  it('explains a category’s probability exactly', () => {
    for (const h of histories.slice(0, 20)) {
      for (const { category, probability } of model.predict(h, AS_OF, 3)) {
        const e = model.explain(h, AS_OF, category);
        const sum = e.contributions.reduce((s, c) => s + c.contribution, 0);
        expect(e.link).toBe('identity');
        expect(e.base + sum).toBeCloseTo(e.total, 10);
        expect(e.score).toBeCloseTo(probability, 10);
        expect(e.total).toBeCloseTo(probability, 10);
        expect(e.contributions.map((c) => c.feature)).toEqual(['purchases', 'carts', 'views', 'recency']);
      }
    }
    const unknown = model.explain(histories[0]!, AS_OF, 'nope');
    expect(unknown.score).toBe(0);
    expect(unknown.contributions).toEqual([]);
  });

  it('round-trips through JSON and rejects unknown artefacts', () => {
    const again = loadPreference(JSON.parse(JSON.stringify(model.toJSON())));
    expect(again.parameters).toEqual(model.parameters);
    for (const h of histories.slice(0, 10)) expect(again.predict(h, AS_OF)).toEqual(model.predict(h, AS_OF));
    expect(() => loadPreference({ kind: 'preference', version: 1, method: 'magic' })).toThrow(
      /Unknown preference/,
    );
    expect(() => loadPreference('x')).toThrow(/Unknown preference/);
  });

  it('falls back to popularity with too few shoppers, and knows no category without data', () => {
    const few = fitPreference(histories.slice(0, 10), { asOf: AS_OF, horizonDays: 30 });
    expect(few.method).toBe('popularity');
    const p = few.predict(histories[0]!, AS_OF);
    expect(p.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 12);
    const empty = fitPreference([], { asOf: AS_OF, horizonDays: 30 });
    expect(empty.predict(histories[0]!, AS_OF)).toEqual([]);
    expect(() => fitPreference(histories, { asOf: AS_OF, horizonDays: 0 })).toThrow(/horizonDays/);
  });

  it('labels a shopper by the dominant category of their next order', () => {
    const h: ShopperHistory = {
      shopperId: 'x',
      country: null,
      firstSeenAt: null,
      events: [],
      orders: [
        { at: AS_OF + 1, totalMinor: 1, status: 'cancelled', items: 1, products: 1, categories: ['toys'] },
        {
          at: AS_OF + 2,
          totalMinor: 1,
          status: 'paid',
          items: 3,
          products: 3,
          categories: ['tech', 'home', 'home'],
        },
        { at: AS_OF + 3, totalMinor: 1, status: 'paid', items: 1, products: 1, categories: ['books'] },
      ],
    };
    expect(nextCategory(h, AS_OF, AS_OF + DAY_MS)).toBe('home');
    expect(nextCategory(h, AS_OF + DAY_MS, AS_OF + 2 * DAY_MS)).toBeNull();
  });
});
