import { describe, expect, it } from 'vitest';
import { sigmoid } from '@/lib/predict/binary/logistic';
import { GamModel } from '@/lib/predict/binary/model';
import { SYNTHETIC_AS_OF, SYNTHETIC_START, syntheticHistories } from '@/lib/predict/binary/synthetic';
import { FEATURES } from '@/lib/predict/features';
import { scoreAll } from '@/lib/predict/scoring';
import { fitKind } from '@/lib/predict/service-evaluate';
import type { BinaryEvaluation } from '@/lib/predict/types';
import { buildModelCard, PD_FEATURES } from './build';
import { limitationsOf } from './limitations';
import { evenSample, gamPartialDependence, quantileGrid } from './partial-dependence';
import { populationAt } from './population';

const DAY = 86_400_000;
const col = (key: string) => FEATURES.findIndex((f) => f.key === key);

/** Log-odds = 2·spendTrend + 1·gapVariation (intercept 0, no bins): every figure is hand-checkable. */
function linearGam(): GamModel {
  const linear = (key: string, w: number) => ({
    key,
    mean: 0,
    sd: 1,
    missing: false,
    edges: [],
    weights: [w],
    offset: 0,
  });
  return new GamModel({
    kind: 'churn',
    horizonDays: 90,
    home: null,
    lambda: 1,
    intercept: 0,
    features: [linear('spendTrend', 2), linear('gapVariation', 1)],
    trainedAsOf: '2025-01-01T00:00:00.000Z',
    n: 2,
    positives: 1,
  });
}

function row(spendTrend: number, gapVariation: number): Float64Array {
  const r = new Float64Array(FEATURES.length).fill(Number.NaN);
  r[col('spendTrend')] = spendTrend;
  r[col('gapVariation')] = gapVariation;
  return r;
}

describe('partial dependence of the GAM', () => {
  it('shifts only the feature’s own term and averages the probabilities', () => {
    const rows = [row(0, 0), row(1, 1)];
    const [curve] = gamPartialDependence(linearGam(), rows, ['spendTrend']);
    expect(curve!.points.map((p) => p.value)).toEqual([0, 1]);
    // Shopper logits 0 and 3; spendTrend's term is 0 and 2. At v: σ(0 − 0 + 2v), σ(3 − 2 + 2v).
    expect(curve!.points[0]!.mean).toBeCloseTo((sigmoid(0) + sigmoid(1)) / 2, 12);
    expect(curve!.points[1]!.mean).toBeCloseTo((sigmoid(2) + sigmoid(3)) / 2, 12);
    expect(curve!.sample).toBe(2);
    expect(curve!.label).toBe('Spend trend (last 90 days vs the 90 before)');
  });

  it('skips features the model does not have and constant ones', () => {
    const rows = [row(0, 5), row(1, 5)];
    expect(gamPartialDependence(linearGam(), rows, ['recencyDays', 'gapVariation'])).toEqual([]);
  });

  it('samples evenly and builds a distinct quantile grid', () => {
    expect(evenSample([1, 2, 3, 4, 5, 6], 3)).toEqual([1, 3, 5]);
    expect(quantileGrid([3, 1, 2, Number.NaN, 2], 3)).toEqual([1, 2, 3]);
  });
});

describe('model card', () => {
  const histories = syntheticHistories(600);
  const end = SYNTHETIC_AS_OF + 120 * DAY;

  it('builds every field for a trained churn model on a synthetic population', {
    timeout: 60_000,
  }, async () => {
    const fitted = await fitKind('churn', histories, { end, first: SYNTHETIC_START });
    expect(fitted.model.model.method).toBe('logistic-gam');
    const card = buildModelCard(fitted, histories, { first: SYNTHETIC_START, end });
    expect(card.kind).toBe('churn');
    expect(card.dataWindow.asOf).toBe(new Date(fitted.asOf).toISOString());
    expect(card.dataWindow.first).toBe(new Date(SYNTHETIC_START).toISOString());
    expect(card.population.shoppers).toBe(fitted.shoppers);
    expect(card.population.positives).toBeGreaterThan(0);
    expect(card.population.baseRate).toBeCloseTo(card.population.positives! / card.population.shoppers, 12);
    expect(card.population.countries.reduce((s, c) => s + c.count, 0)).toBeLessThanOrEqual(
      card.population.shoppers,
    );
    expect(card.features.length).toBeGreaterThan(5);
    const ref = card.reference!;
    expect(ref.features.map((f) => f.key)).toEqual(card.features.map((f) => f.key));
    for (const f of ref.features) {
      const total = f.distribution.shares.reduce((s, x) => s + x, f.distribution.undefinedShare);
      expect(total).toBeCloseTo(1, 9);
      expect(f.distribution.shares.length).toBe(f.distribution.edges.length + 1);
    }
    // The drift reference is the population scored at training (as of the data end), so a retrain
    // resets it; the synthetic cohort ages a whole horizon between the two, which the card says.
    expect(ref.asOf).toBe(new Date(end).toISOString());
    expect(ref.scores.n).toBeGreaterThan(0);
    expect(card.limitations.find((l) => l.code === 'shifted-at-training')?.text).toMatch(/PSI \d+\.\d\d/);
    expect(card.partialDependence.length).toBeGreaterThan(0);
    expect(card.partialDependence.length).toBeLessThanOrEqual(PD_FEATURES);
    const important = (fitted.evaluation as BinaryEvaluation).featureImportance[0]!.feature;
    expect(card.partialDependence[0]!.key).toBe(important);
    for (const c of card.partialDependence) {
      expect(c.points.length).toBeGreaterThanOrEqual(2);
      expect(c.points.every((p) => p.mean > 0 && p.mean < 1)).toBe(true);
    }
    expect(card.partialDependenceNote).toBeNull();
    // The population's scores are the scores the model gives (one feature pass, same numbers).
    const pop = populationAt(fitted.model, histories, end);
    expect(pop.scores).toEqual(scoreAll(fitted.model, histories, end).map((r) => r.score));
    // Plain JSON: survives the worker's structured clone and jsonb unchanged.
    expect(JSON.parse(JSON.stringify(card))).toEqual(structuredClone(card));
  });
});

describe('limitations', () => {
  const metrics = (auc: number) => ({
    auc,
    prAuc: 0.5,
    brier: 0.2,
    logLoss: 0.6,
    n: 120,
    positives: 40,
    baseRate: 1 / 3,
    calibration: [
      { predicted: 0.2, observed: 0.21, count: 50 },
      { predicted: 0.5, observed: 0.62, count: 40 },
      { predicted: 0.9, observed: 0.5, count: 5 },
    ],
    liftByDecile: [],
  });
  const evaluation: BinaryEvaluation = {
    kind: 'churn',
    method: 'logistic-gam',
    protocol: 'cv5',
    asOf: '2025-01-01T00:00:00.000Z',
    horizonDays: 90,
    model: metrics(0.7),
    baselines: { baseRate: metrics(0.5), recency: metrics(0.72) },
    featureImportance: [],
  };

  it('says honestly where the model is weak, with the figures', () => {
    const out = limitationsOf({
      kind: 'churn',
      method: 'logistic-gam',
      evaluation,
      shoppers: 120,
      positives: 40,
      trainingAuc: 0.82,
    });
    expect(out.map((l) => l.code)).toEqual([
      'few-shoppers',
      'few-positives',
      'calibration',
      'optimism',
      'cross-validated',
      'baseline-stronger',
    ]);
    // The 5-shopper bin is too small to judge; the 40-shopper one is 12 points off.
    expect(out.find((l) => l.code === 'calibration')!.text).toMatch(
      /In 1 score range .*predicted 50 %, observed 62 %/,
    );
    expect(out.find((l) => l.code === 'baseline-stronger')!.text).toContain('0.720 vs 0.700');
  });

  it('is empty for a large, calibrated model that beats its baselines on a later period', () => {
    const good: BinaryEvaluation = {
      ...evaluation,
      protocol: 'temporal',
      model: { ...metrics(0.8), calibration: [{ predicted: 0.3, observed: 0.31, count: 500 }] },
    };
    expect(
      limitationsOf({
        kind: 'churn',
        method: 'logistic-gam',
        evaluation: good,
        shoppers: 5000,
        positives: 900,
        trainingAuc: 0.82,
      }),
    ).toEqual([]);
  });
});
