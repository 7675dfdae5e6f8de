import { describe, expect, it } from 'vitest';
import { eligible, fitBinary, labelOf, loadBinary, ruleBinary } from './index';
import { SYNTHETIC_AS_OF, syntheticHistories } from './synthetic';

const DAY = 86_400_000;
const histories = syntheticHistories(300);
const model = fitBinary('churn', histories, { asOf: SYNTHETIC_AS_OF, horizonDays: 90 });

describe('labels', () => {
  it('churn = no paid order in [asOf, asOf + horizon) among past buyers', () => {
    const h = {
      shopperId: 'x',
      country: null,
      firstSeenAt: null,
      orders: [
        { at: SYNTHETIC_AS_OF - DAY, totalMinor: 1, status: 'paid' as const, items: 1, products: 1 },
        { at: SYNTHETIC_AS_OF + 90 * DAY, totalMinor: 1, status: 'paid' as const, items: 1, products: 1 },
      ],
      events: [],
    };
    expect(eligible('churn', h, SYNTHETIC_AS_OF)).toBe(true);
    expect(labelOf('churn', h, SYNTHETIC_AS_OF, 90)).toBe(1);
    expect(labelOf('churn', h, SYNTHETIC_AS_OF, 91)).toBe(0);
    expect(labelOf('propensity', h, SYNTHETIC_AS_OF - DAY, 1)).toBe(1);
    expect(eligible('churn', h, SYNTHETIC_AS_OF - DAY)).toBe(false);
    const visitor = { ...h, orders: [], events: [{ at: SYNTHETIC_AS_OF - DAY, type: 'view' }] };
    expect(eligible('propensity', visitor, SYNTHETIC_AS_OF)).toBe(true);
    expect(eligible('churn', visitor, SYNTHETIC_AS_OF)).toBe(false);
  });
});

describe('fitBinary (logistic-gam)', () => {
  it('explains every score exactly: base + Σ contributions = total, score = sigmoid(total)', () => {
    for (const h of histories.slice(0, 50)) {
      const e = model.explain(h, SYNTHETIC_AS_OF);
      const sum = e.contributions.reduce((s, c) => s + c.contribution, e.base);
      expect(e.total).toBe(sum);
      expect(e.score).toBeCloseTo(1 / (1 + Math.exp(-e.total)), 14);
      expect(model.score(h, SYNTHETIC_AS_OF)).toBeCloseTo(e.score, 12);
      expect(e.link).toBe('logit');
      expect(e.contributions.every((c) => c.label.length > 0 && c.value.length > 0)).toBe(true);
    }
  });

  it('scores higher churn for shoppers whose gaps grow', () => {
    const e = model.explain(histories[0]!, SYNTHETIC_AS_OF);
    expect(e.contributions.map((c) => c.feature)).toContain('lastGapDays');
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const churned = histories.filter(
      (h) => eligible('churn', h, SYNTHETIC_AS_OF) && labelOf('churn', h, SYNTHETIC_AS_OF, 90),
    );
    const stayed = histories.filter(
      (h) => eligible('churn', h, SYNTHETIC_AS_OF) && !labelOf('churn', h, SYNTHETIC_AS_OF, 90),
    );
    expect(mean(churned.map((h) => model.score(h, SYNTHETIC_AS_OF)))).toBeGreaterThan(
      mean(stayed.map((h) => model.score(h, SYNTHETIC_AS_OF))) + 0.2,
    );
  });

  it('is deterministic and ignores facts at or after the as-of date', () => {
    const cut = histories.map((h) => ({
      ...h,
      orders: h.orders.filter((o) => o.at < SYNTHETIC_AS_OF + 90 * DAY),
    }));
    const again = fitBinary('churn', cut, { asOf: SYNTHETIC_AS_OF, horizonDays: 90 });
    expect(again.toJSON()).toEqual(model.toJSON());
    const h = histories[3]!;
    const past = {
      ...h,
      orders: h.orders.filter((o) => o.at < SYNTHETIC_AS_OF),
      events: h.events.filter((e) => e.at < SYNTHETIC_AS_OF),
    };
    expect(model.score(past, SYNTHETIC_AS_OF)).toBe(model.score(h, SYNTHETIC_AS_OF));
  });

  it('round-trips through JSON exactly', () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const loaded = loadBinary(json);
    expect(loaded.toJSON()).toEqual(model.toJSON());
    expect(loaded.method).toBe('logistic-gam');
    expect(loaded.kind).toBe('churn');
    expect(loaded.horizonDays).toBe(90);
    for (const h of histories.slice(0, 20))
      expect(loaded.score(h, SYNTHETIC_AS_OF)).toBe(model.score(h, SYNTHETIC_AS_OF));
    const rule = loadBinary(JSON.parse(JSON.stringify(ruleBinary('propensity', 30).toJSON())));
    expect(rule.method).toBe('rule-recency');
    expect(rule.kind).toBe('propensity');
  });

  it('refuses a bad shape with a clear error', () => {
    const good = JSON.parse(JSON.stringify(model.toJSON()));
    expect(() => loadBinary(null)).toThrow(/expected an object/);
    expect(() => loadBinary({ ...good, kind: 'clv' })).toThrow(/kind/);
    expect(() => loadBinary({ ...good, format: 'v0' })).toThrow(/unknown format/);
    expect(() => loadBinary({ ...good, intercept: 'x' })).toThrow(/intercept/);
    const broken = { ...good, features: [{ ...good.features[0], weights: [1] }] };
    expect(() => loadBinary(broken)).toThrow(/feature 0: weights/);
    expect(() => loadBinary({ ...good, features: [{ ...good.features[0], key: 'shoeSize' }] })).toThrow(
      /unknown key/,
    );
  });

  it('refuses to fit a single class', () => {
    const stayers = histories.filter(
      (h) => eligible('churn', h, SYNTHETIC_AS_OF) && !labelOf('churn', h, SYNTHETIC_AS_OF, 90),
    );
    expect(() => fitBinary('churn', stayers, { asOf: SYNTHETIC_AS_OF, horizonDays: 90 })).toThrow(
      /cannot fit/,
    );
  });
});
