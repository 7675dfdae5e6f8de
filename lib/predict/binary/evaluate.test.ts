import { describe, expect, it } from 'vitest';
import { stratifiedFolds } from './folds';
import { evaluateBinaryCv, evaluateBinaryTemporal, MIN_SHOPPERS, trainability } from './index';
import { SYNTHETIC_AS_OF, syntheticHistories } from './synthetic';

const DAY = 86_400_000;
const histories = syntheticHistories(300);

describe('stratifiedFolds', () => {
  it('keeps every fold within one positive and one row of the others, reproducibly', () => {
    const labels = Array.from({ length: 103 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const fold = stratifiedFolds(labels, 5, 9);
    const pos = [0, 0, 0, 0, 0];
    const size = [0, 0, 0, 0, 0];
    fold.forEach((f, i) => {
      size[f]!++;
      pos[f]! += labels[i]!;
    });
    expect(Math.max(...pos) - Math.min(...pos)).toBeLessThanOrEqual(1);
    expect(Math.max(...size) - Math.min(...size)).toBeLessThanOrEqual(1);
    expect(Array.from(stratifiedFolds(labels, 5, 9))).toEqual(Array.from(fold));
    expect(Array.from(stratifiedFolds(labels, 5, 10))).not.toEqual(Array.from(fold));
    expect(() => stratifiedFolds(labels, 1)).toThrow(/folds/);
  });
});

describe('evaluateBinaryCv', () => {
  const e = evaluateBinaryCv('churn', histories, { asOf: SYNTHETIC_AS_OF, horizonDays: 90 });
  it('beats the recency rule where gaps carry the signal, on the same shoppers', () => {
    expect(e.protocol).toBe('cv5');
    expect(e.method).toBe('logistic-gam');
    expect(e.model.auc).toBeGreaterThan(e.baselines.recency.auc + 0.1);
    expect(e.model.brier).toBeLessThan(e.baselines.baseRate.brier);
    expect(e.baselines.baseRate.auc).toBe(0.5);
    expect(e.model.n).toBe(e.baselines.recency.n);
    expect(e.model.n).toBe(e.baselines.baseRate.n);
    expect(e.model.aucCi![0]).toBeLessThan(e.model.auc);
    expect(e.model.calibration.reduce((s, b) => s + b.count, 0)).toBe(e.model.n);
    expect(e.featureImportance[0]!.importance).toBeGreaterThanOrEqual(e.featureImportance[1]!.importance);
    expect(e.fallback).toBeUndefined();
  });
});

describe('evaluateBinaryTemporal', () => {
  it('trains on an earlier date and evaluates on a later one', () => {
    const e = evaluateBinaryTemporal('propensity', histories, {
      trainAsOf: SYNTHETIC_AS_OF - 30 * DAY,
      asOf: SYNTHETIC_AS_OF,
      horizonDays: 30,
    });
    expect(e.protocol).toBe('temporal');
    expect(e.trainAsOf).toBe(new Date(SYNTHETIC_AS_OF - 30 * DAY).toISOString());
    expect(e.model.auc).toBeGreaterThan(e.baselines.recency.auc);
    expect(e.model.aucCi).toBeDefined();
    expect(JSON.parse(JSON.stringify(e)).model.auc).toBe(e.model.auc);
  });

  it('refuses training labels that overlap the evaluation period', () => {
    expect(() =>
      evaluateBinaryTemporal('churn', histories, {
        trainAsOf: SYNTHETIC_AS_OF - 60 * DAY,
        asOf: SYNTHETIC_AS_OF,
        horizonDays: 90,
      }),
    ).toThrow(/overlap/);
  });
});

describe('small stores', () => {
  const small = histories.slice(0, 120);
  it('says why a trained model is not honest yet', () => {
    const t = trainability('churn', small, { asOf: SYNTHETIC_AS_OF, horizonDays: 90 });
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.reason).toMatch(/eligible shoppers/);
    expect(t.minShoppers).toBe(MIN_SHOPPERS);
    expect(trainability('churn', histories, { asOf: SYNTHETIC_AS_OF, horizonDays: 90 }).ok).toBe(true);
  });
  it('evaluates the labelled rule instead', () => {
    const e = evaluateBinaryTemporal('churn', small, {
      trainAsOf: SYNTHETIC_AS_OF - 90 * DAY,
      asOf: SYNTHETIC_AS_OF,
      horizonDays: 90,
    });
    expect(e.method).toBe('rule-recency');
    expect(e.fallback?.minShoppers).toBe(MIN_SHOPPERS);
    expect(e.model.n).toBe(e.baselines.recency.n);
    const cv = evaluateBinaryCv('churn', small, { asOf: SYNTHETIC_AS_OF, horizonDays: 90 });
    expect(cv.method).toBe('rule-recency');
    expect(cv.fallback?.reason).toMatch(/eligible shoppers/);
    expect(() =>
      evaluateBinaryCv('churn', small.slice(0, 3), { asOf: SYNTHETIC_AS_OF, horizonDays: 90 }),
    ).toThrow(/cannot cross-validate/);
  });
});
