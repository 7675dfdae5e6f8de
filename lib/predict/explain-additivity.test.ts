// Additivity of the prediction explanations on random inputs (issue 8, "Tests"): for random model
// parameters and random shopper histories, base + Σ contributions equals the model's own output —
// the log-odds of churn / propensity (and sigmoid of it equals score()), the expected spend of clv.
import { describe, expect, it } from 'vitest';
import { FEATURES } from '@/lib/predict/features';
import type { EventFact, OrderFact, ShopperHistory } from '@/lib/predict/types';
import { seededRandom } from '@/lib/recommend/eval/metrics';
import { loadBinary, ruleBinary } from './binary';
import { type FeatureEncoding, width } from './binary/design';
import { GamModel, type GamParams } from './binary/model';
import { loadClv } from './clv';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2025, 5, 1);
const TOL = 1e-9;

type Rand = () => number;
const between = (r: Rand, lo: number, hi: number) => lo + (hi - lo) * r();
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** A random history: 0–12 orders (some cancelled or returned, some after the as-of date) and 0–30 events. */
function randomHistory(r: Rand, i: number): ShopperHistory {
  const orders: OrderFact[] = Array.from({ length: Math.floor(r() * 13) }, () => {
    const items = 1 + Math.floor(r() * 5);
    return {
      at: Math.round(AS_OF - between(r, -30, 700) * DAY),
      totalMinor: Math.round(between(r, 0, 40_000)),
      status: pick(r, ['paid', 'paid', 'paid', 'cancelled', 'refunded', 'returned'] as const),
      items,
      products: 1 + Math.floor(r() * items),
      categories: Array.from({ length: items }, () => pick(r, ['home', 'garden', 'toys'])),
    };
  }).sort((a, b) => a.at - b.at);
  const events: EventFact[] = Array.from({ length: Math.floor(r() * 31) }, () => ({
    at: Math.round(AS_OF - between(r, -5, 200) * DAY),
    type: pick(r, ['view', 'add_to_cart', 'search', 'page_view']),
    sessionId: `s${Math.floor(r() * 8)}`,
    category: r() < 0.5 ? 'home' : null,
  })).sort((a, b) => a.at - b.at);
  const first = Math.min(
    orders[0]?.at ?? Number.POSITIVE_INFINITY,
    events[0]?.at ?? Number.POSITIVE_INFINITY,
  );
  return {
    shopperId: `r${i}`,
    country: pick(r, ['DE', 'AT', 'FR', null]),
    firstSeenAt: Number.isFinite(first) && r() < 0.8 ? first - Math.round(r() * 30 * DAY) : null,
    orders,
    events,
  };
}

/** Random GAM parameters over a random subset of the features (random bins, indicators, weights, offsets). */
function randomGam(r: Rand): GamParams {
  const features = FEATURES.filter(() => r() < 0.7).map((spec) => {
    const edges: number[] = [];
    let e = between(r, -1, 2);
    const bins = Math.floor(r() * 8);
    for (let k = 0; k < bins; k++) {
      edges.push(e);
      e += between(r, 0.05, 1.5);
    }
    const enc: FeatureEncoding = {
      key: spec.key,
      mean: between(r, -1, 4),
      sd: between(r, 0.1, 3),
      missing: r() < 0.5,
      edges,
    };
    return {
      ...enc,
      weights: Array.from({ length: width(enc) }, () => between(r, -2, 2)),
      offset: between(r, -1, 1),
    };
  });
  return {
    kind: r() < 0.5 ? 'churn' : 'propensity',
    horizonDays: pick(r, [30, 90]),
    home: r() < 0.5 ? 'DE' : null,
    lambda: between(r, 0.1, 10),
    intercept: between(r, -3, 3),
    features,
    trainedAsOf: new Date(AS_OF).toISOString(),
    n: 1000,
    positives: 200,
  };
}

const sum = (base: number, cs: readonly { contribution: number }[]) =>
  cs.reduce((s, c) => s + c.contribution, base);

describe('additivity of churn / propensity explanations (logistic GAM)', () => {
  it('base + Σ contributions = total and sigmoid(total) = score, for 40 random models × 60 random shoppers', () => {
    const r = seededRandom(2026);
    let checked = 0;
    for (let m = 0; m < 40; m++) {
      const model = new GamModel(randomGam(r));
      const restored = loadBinary(model.toJSON());
      for (let i = 0; i < 60; i++) {
        const h = randomHistory(r, i);
        const e = model.explain(h, AS_OF);
        expect(e.link).toBe('logit');
        expect(e.contributions).toHaveLength(model.params.features.length);
        expect(Math.abs(sum(e.base, e.contributions) - e.total)).toBeLessThanOrEqual(TOL);
        expect(Math.abs(1 / (1 + Math.exp(-e.total)) - model.score(h, AS_OF))).toBeLessThanOrEqual(TOL);
        expect(Math.abs(e.score - model.score(h, AS_OF))).toBeLessThanOrEqual(TOL);
        // The stored artefact explains the same way.
        expect(Math.abs(restored.explain(h, AS_OF).total - e.total)).toBeLessThanOrEqual(TOL);
        checked++;
      }
    }
    expect(checked).toBe(2400);
  });

  it('the base is the log-odds of a shopper at every feature’s training mean', () => {
    const r = seededRandom(5);
    const params = randomGam(r);
    const model = new GamModel(params);
    const base = params.features.reduce((s, f) => s + f.offset, params.intercept);
    expect(model.explain(randomHistory(r, 0), AS_OF).base).toBeCloseTo(base, 12);
  });

  it('the small-store rule explains its score the same way', () => {
    const r = seededRandom(9);
    for (const kind of ['churn', 'propensity'] as const) {
      const rule = ruleBinary(kind, kind === 'churn' ? 90 : 30);
      for (let i = 0; i < 200; i++) {
        const h = randomHistory(r, i);
        const e = rule.explain(h, AS_OF);
        expect(Math.abs(sum(e.base, e.contributions) - e.total)).toBeLessThanOrEqual(TOL);
        expect(Math.abs(1 / (1 + Math.exp(-e.total)) - rule.score(h, AS_OF))).toBeLessThanOrEqual(TOL);
      }
    }
  });
});

function randomClvArtefact(r: Rand, method: 'bgnbd-gamma-gamma' | 'historical-rate'): unknown {
  const baseline = {
    x: between(r, 0, 5),
    recencyDays: between(r, 0, 200),
    T: between(r, 200, 600),
    value: between(r, 500, 20_000),
  };
  const extra = { shoppers: 1000, repeatBuyers: 300, minRepeatBuyers: 50 };
  if (method === 'historical-rate') {
    return {
      kind: 'clv',
      version: 1,
      method,
      params: { populationRate: between(r, 0.001, 0.05), populationAov: between(r, 500, 20_000) },
      baseline,
      extra,
    };
  }
  return {
    kind: 'clv',
    version: 1,
    method,
    params: {
      bgnbd: {
        r: between(r, 0.2, 3),
        alpha: between(r, 5, 120),
        a: between(r, 0.1, 3),
        b: between(r, 0.5, 8),
      },
      gg: { p: between(r, 1.5, 8), q: between(r, 2, 10), gamma: between(r, 1000, 50_000) },
      meanValue: between(r, 500, 20_000),
    },
    baseline,
    extra,
  };
}

describe('additivity of customer-value explanations (exact Shapley)', () => {
  it('base + Σ contributions = expected spend, for 30 random models × 60 random shoppers', () => {
    const r = seededRandom(77);
    let buyers = 0;
    for (let m = 0; m < 30; m++) {
      const model = loadClv(randomClvArtefact(r, m % 3 === 2 ? 'historical-rate' : 'bgnbd-gamma-gamma'));
      for (let i = 0; i < 60; i++) {
        const h = randomHistory(r, i);
        const e = model.explain(h, AS_OF, 365);
        const spend = model.predict(h, AS_OF, 365).expectedSpendMinor;
        const tol = TOL * Math.max(1, Math.abs(spend));
        expect(e.link).toBe('identity');
        expect(Math.abs(sum(e.base, e.contributions) - spend)).toBeLessThanOrEqual(tol);
        expect(Math.abs(e.total - spend)).toBeLessThanOrEqual(tol);
        expect(e.score).toBeCloseTo(spend, 6);
        if (e.contributions.length === 4) buyers++;
      }
    }
    // Most random shoppers have a paid order: the four-feature decomposition is what is tested.
    expect(buyers).toBeGreaterThan(900);
  });
});
