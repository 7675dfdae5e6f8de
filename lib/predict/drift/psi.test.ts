import { describe, expect, it } from 'vitest';
import { binDistribution, quantileEdges, referenceDistribution } from '@/lib/predict/card/distribution';
import type { ModelCardData } from '@/lib/predict/card/types';
import { compareToReference } from './compare';
import { driftStatusOf, PSI_EPSILON, psi, psiOfShares } from './psi';

describe('PSI', () => {
  it('matches a hand-computed fixture', () => {
    // (0.4 − 0.5)·ln(0.4/0.5) + (0.4 − 0.3)·ln(0.4/0.3) + 0 = 0.0223144 + 0.0287682
    expect(psiOfShares([0.5, 0.3, 0.2], [0.4, 0.4, 0.2])).toBeCloseTo(0.0510826, 6);
  });

  it('floors empty bins at ε so the value stays finite', () => {
    // (0.5 − 1)·ln(0.5) + (0.5 − ε)·ln(0.5/ε)
    const expected = 0.5 * Math.log(2) + (0.5 - PSI_EPSILON) * Math.log(0.5 / PSI_EPSILON);
    expect(psiOfShares([1, 0], [0.5, 0.5])).toBeCloseTo(expected, 9);
    expect(expected).toBeCloseTo(4.6043185, 6);
  });

  it('is 0 for identical distributions and counts "not defined" as a bin', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Number.NaN, Number.NaN];
    const ref = referenceDistribution(values);
    expect(psi(ref, binDistribution([...values].reverse(), ref.edges))).toBe(0);
    // Same defined values, but now a third of the shoppers have no value: drift.
    const more = binDistribution([...values, Number.NaN, Number.NaN, Number.NaN, Number.NaN], ref.edges);
    expect(more.undefinedShare).toBeCloseTo(6 / 16, 9);
    expect(psi(ref, more)).toBeGreaterThan(0.05);
  });

  it('rejects share vectors of different lengths', () => {
    expect(() => psiOfShares([0.5, 0.5], [1])).toThrow(/same bins/);
  });

  it('reads status thresholds stable < 0.1 ≤ moderate < 0.25 ≤ major', () => {
    expect(driftStatusOf(0.0999)).toBe('stable');
    expect(driftStatusOf(0.1)).toBe('moderate');
    expect(driftStatusOf(0.2499)).toBe('moderate');
    expect(driftStatusOf(0.25)).toBe('major');
  });
});

describe('binned distributions', () => {
  it('learns distinct decile edges above the minimum and bins by edges ≤ value', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    expect(quantileEdges(values)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const d = binDistribution([0, 9, 10, 95, Number.NaN], [10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(d.shares[0]).toBeCloseTo(0.4, 9);
    expect(d.shares[1]).toBeCloseTo(0.2, 9);
    expect(d.shares[9]).toBeCloseTo(0.2, 9);
    expect(d.undefinedShare).toBeCloseTo(0.2, 9);
    expect(d.mean).toBeCloseTo((0 + 9 + 10 + 95) / 4, 9);
    // Repeated values collapse edges instead of making empty bins.
    expect(quantileEdges([0, 0, 0, 0, 0, 0, 0, 0, 1, 2])).toEqual([1, 2]);
  });
});

describe('compareToReference', () => {
  const card = (): ModelCardData => ({
    format: 'tailor.model-card/1',
    kind: 'churn',
    method: 'logistic-gam',
    dataWindow: {
      first: null,
      asOf: '2025-01-01T00:00:00.000Z',
      end: '2025-04-01T00:00:00.000Z',
      horizonDays: 90,
    },
    population: { shoppers: 4, positives: 1, baseRate: 0.25, countries: [] },
    features: [{ key: 'recencyDays', label: 'Days since last order', unit: 'days' }],
    reference: {
      asOf: '2025-01-01T00:00:00.000Z',
      features: [
        {
          key: 'recencyDays',
          label: 'Days since last order',
          unit: 'days',
          distribution: binDistribution([5, 15, 25, 35], [10, 20, 30]),
        },
      ],
      scores: binDistribution([0.1, 0.2, 0.6, 0.7], [0.5]),
    },
    partialDependence: [],
    partialDependenceNote: null,
    limitations: [],
  });

  it('reports feature and score PSI, means then and now, and the status of the larger', () => {
    const report = compareToReference(card().reference, {
      features: card().features,
      values: [[5, 5, 5, 35]],
      scores: [0.1, 0.2, 0.6, 0.7],
      countries: [null, null, null, null],
    });
    // Reference 0.25 per bin; now 0.75, 0, 0, 0.25 (+ empty "not defined" in both).
    const expected = 0.5 * Math.log(3) + 2 * (PSI_EPSILON - 0.25) * Math.log(PSI_EPSILON / 0.25);
    expect(report.features[0]!.psi).toBeCloseTo(expected, 9);
    expect(report.scorePsi).toBe(0);
    expect(report.maxFeaturePsi).toBeCloseTo(expected, 9);
    expect(report.status).toBe('major');
    expect(report.features[0]!.meanThen).toBe(20);
    expect(report.features[0]!.meanNow).toBe(12.5);
    expect(report.scores.training).toEqual([0.5, 0.5]);
    expect(report.population).toBe(4);
  });

  it('refuses a missing reference (preference has none)', () => {
    expect(() => compareToReference(null, { features: [], values: [], scores: [], countries: [] })).toThrow(
      /no reference/,
    );
  });
});
