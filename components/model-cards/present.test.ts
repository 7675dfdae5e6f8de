import { describe, expect, it } from 'vitest';
import type { ClvEvaluation } from '@/lib/predict/types';
import { formatCardValue, formatPsi, headlineOf } from './present';

const money = (minor: number) => `€${(minor / 100).toFixed(2)}`;

describe('model-card formatting', () => {
  it('formats PSI with two decimals, tiny values as <0.01', () => {
    expect(formatPsi(0.314)).toBe('0.31');
    expect(formatPsi(0.001)).toBe('<0.01');
    expect(formatPsi(0)).toBe('0.00');
    expect(formatPsi(Number.NaN)).toBe('–');
  });

  it('formats feature values by unit, money inputs through the workspace currency', () => {
    expect(
      formatCardValue({ key: 'recencyDays', label: 'Days since last order', unit: 'days' }, 12.4, money),
    ).toBe('12 days');
    expect(formatCardValue({ key: 'orderValue', label: 'Order value', unit: 'minor' }, 4250, money)).toBe(
      '€42.50',
    );
    expect(
      formatCardValue({ key: 'orderValue', label: 'Order value', unit: 'minor' }, Number.NaN, money),
    ).toBe('—');
  });

  it('puts customer value’s error next to its baseline and says which is better', () => {
    const e: ClvEvaluation = {
      kind: 'clv',
      method: 'bgnbd-gamma-gamma',
      asOf: '2025-01-01T00:00:00.000Z',
      holdoutDays: 90,
      n: 100,
      mae: 1200,
      baselineMae: 1500,
      baselineMethod: 'historical-rate',
      actualTotal: 1,
      predictedTotal: 1,
      parameters: {},
    };
    expect(headlineOf(e, money)).toEqual({
      metric: 'Mean absolute error',
      model: '€12.00',
      interval: null,
      baselineLabel: 'historical spend rate',
      baseline: '€15.00',
      better: true,
    });
    expect(headlineOf({ ...e, mae: 1600 }, money).better).toBe(false);
  });
});
