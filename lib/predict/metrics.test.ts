import { describe, expect, it } from 'vitest';
import {
  auc,
  averagePrecision,
  bootstrapAucCi,
  brier,
  calibration,
  classifierMetrics,
  liftByDecile,
  logLoss,
} from './metrics';

describe('auc', () => {
  it('counts correctly ordered pairs', () => {
    // Pairs (pos, neg): (0.35, 0.1) ✓, (0.35, 0.4) ✗, (0.8, 0.1) ✓, (0.8, 0.4) ✓ → 3/4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });
  it('gives ties half credit (average ranks)', () => {
    // pos {0.5, 0.9} vs neg {0.5, 0.2}: 0.5 + 1 + 1 + 1 = 3.5 of 4.
    expect(auc([0.5, 0.5, 0.2, 0.9], [1, 0, 0, 1])).toBe(0.875);
    expect(auc([1, 1, 1, 1], [1, 0, 1, 0])).toBe(0.5);
  });
  it('is NaN when a class is missing', () => {
    expect(auc([0.1, 0.2], [1, 1])).toBeNaN();
  });
});

describe('averagePrecision', () => {
  it('averages precision at each positive', () => {
    // Ranked 1,0,1,0: precision 1 at the first positive, 2/3 at the second.
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6], [0, 1, 0, 1])).toBeCloseTo((1 / 2 + 2 / 4) / 2, 12);
  });
  it('treats tied scores as one threshold', () => {
    expect(averagePrecision([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
  });
});

describe('probability scores', () => {
  it('computes Brier and log loss', () => {
    expect(brier([0.9, 0.2], [1, 0])).toBeCloseTo(0.025, 12);
    expect(logLoss([0.9, 0.2], [1, 0])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 12);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });
  it('bins calibration by predicted probability and drops empty bins', () => {
    const bins = calibration([0.05, 0.15, 0.15, 0.95, 1], [0, 1, 0, 1, 1]);
    expect(bins).toEqual([
      { predicted: 0.05, observed: 0, count: 1 },
      { predicted: 0.15, observed: 0.5, count: 2 },
      { predicted: 0.975, observed: 1, count: 2 },
    ]);
  });
});

describe('liftByDecile', () => {
  it('splits by descending score into tenths', () => {
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i);
    const labels = scores.map((_, i) => (i < 2 || i === 19 ? 1 : 0));
    const lift = liftByDecile(scores, labels);
    expect(lift).toHaveLength(10);
    expect(lift[0]).toEqual({ decile: 1, rate: 1, lift: 1 / 0.15, count: 2 });
    expect(lift[9]!.rate).toBe(0.5);
    expect(lift.slice(1, 9).every((d) => d.rate === 0)).toBe(true);
  });
});

describe('bootstrapAucCi', () => {
  const scores = Array.from({ length: 200 }, (_, i) => (i * 7919) % 200);
  const labels = scores.map((s, i) => (s + ((i * 31) % 90) > 150 ? 1 : 0));
  it('brackets the AUC and is reproducible', () => {
    const a = auc(scores, labels);
    const [lo, hi] = bootstrapAucCi(scores, labels, { seed: 3 });
    expect(lo).toBeLessThan(a);
    expect(hi).toBeGreaterThan(a);
    expect(hi - lo).toBeLessThan(0.25);
    expect(bootstrapAucCi(scores, labels, { seed: 3 })).toEqual([lo, hi]);
  });
  it('is part of classifierMetrics on request', () => {
    const m = classifierMetrics(
      scores.map((s) => s / 200),
      labels,
      { ci: true },
    );
    expect(m.aucCi).toBeDefined();
    expect(m.n).toBe(200);
    expect(m.baseRate).toBe(m.positives / 200);
    expect(classifierMetrics([0.5, 0.5], [0, 1]).aucCi).toBeUndefined();
  });
  it('ranks by the ranking when given, probabilities otherwise', () => {
    const m = classifierMetrics([0.4, 0.4, 0.4], [0, 1, 1], { ranking: [1, 2, 3] });
    expect(m.auc).toBe(1);
    expect(m.brier).toBeCloseTo((0.16 + 0.36 + 0.36) / 3, 12);
  });
});
