import { describe, expect, it } from 'vitest';
import type { ClvEvaluation, PreferenceEvaluation } from '@/lib/predict/types';
import { clvRows, clvVerdict, preferenceRows, preferenceVerdict } from './present-value';

describe('customer value and preference', () => {
  const clv: ClvEvaluation = {
    kind: 'clv',
    method: 'bgnbd-gamma-gamma',
    asOf: '2011-06-10T00:00:00.000Z',
    holdoutDays: 180,
    n: 3000,
    mae: 8200,
    baselineMae: 10000,
    baselineMethod: 'historical spend rate',
    actualTotal: 1_000_000,
    predictedTotal: 920_000,
    parameters: {},
  };
  const money = (minor: number) => `€${(minor / 100).toFixed(2)}`;

  it('compares the error with the baseline and the forecast total with the actual one', () => {
    expect(clvRows(clv, money)[0]).toEqual({
      label: 'Mean absolute error per shopper',
      model: '€82.00',
      baseline: '€100.00',
    });
    const v = clvVerdict(clv);
    expect(v.tone).toBe('good');
    expect(v.text).toBe(
      'Beats the baseline (historical spend rate): 18% lower error per shopper over 180 days. The forecast total is 8% below what was actually spent.',
    );
    const worse = clvVerdict({ ...clv, mae: 12_500 });
    expect(worse.tone).toBe('bad');
    expect(worse.text).toContain(
      'Does not beat the baseline (historical spend rate): its error is 25% higher',
    );
  });

  it('compares hit rates with category popularity', () => {
    const pref: PreferenceEvaluation = {
      kind: 'preference',
      method: 'dirichlet-affinity',
      asOf: '2011-09-10T00:00:00.000Z',
      horizonDays: 90,
      n: 900,
      hitRateAt1: 0.41,
      hitRateAt3: 0.72,
      logLoss: 1.61,
      baseline: { method: 'popularity', hitRateAt1: 0.3, hitRateAt3: 0.6, logLoss: 1.9 },
    };
    expect(preferenceRows(pref).map((r) => [r.model, r.baseline])).toEqual([
      ['41%', '30%'],
      ['72%', '60%'],
      ['1.610', '1.900'],
    ]);
    expect(preferenceVerdict(pref)).toEqual({
      tone: 'good',
      text: 'Beats category popularity: hit rate @3 72% vs 60% for category popularity (+12 points).',
    });
    expect(preferenceVerdict({ ...pref, hitRateAt3: 0.55 }).tone).toBe('bad');
  });
});
