import { describe, expect, it } from 'vitest';
import { HYP2F1_MAX_TERMS, hyp2f1, logBeta, logGamma, scaledHyp2f1 } from './special';

describe('logGamma', () => {
  it('matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 10);
    expect(logGamma(0.1)).toBeCloseTo(2.25271265173421, 10);
    expect(logGamma(123.4)).toBeCloseTo(469.336097442191, 8);
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 12);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 10);
      // ₂F₁(a, b; b; z) = (1 − z)^(−a)
      expect(hyp2f1(2.3, 1.7, 1.7, z)).toBeCloseTo((1 - z) ** -2.3, 8);
    }
  });

  it('matches reference values computed with mpmath', () => {
    expect(hyp2f1(2.5, 3.2, 4.1, 0.7)).toBeCloseTo(9.55322085518398, 10);
    expect(hyp2f1(0.5, 1.5, 2.5, 0.95)).toBeCloseTo(1.82624898397893, 10);
    expect(hyp2f1(12.7, 20.4, 30.1, 0.4)).toBeCloseTo(66.2415022614245, 8);
  });

  it('rejects arguments outside the series range', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/z must be/);
    expect(() => hyp2f1(1, 1, 0, 0.5)).toThrow(/c must be positive/);
    expect(HYP2F1_MAX_TERMS).toBeGreaterThan(1000);
  });
});

describe('scaledHyp2f1', () => {
  it('sums a series whose value overflows a double when its scale brings it back', () => {
    // ₂F₁(400, b; b; 0.9) = 0.1^−400 = 1e400: beyond a double, but × 0.1^400 it is exactly 1.
    expect(() => hyp2f1(400, 1.7, 1.7, 0.9)).toThrow(/overflowed/);
    expect(scaledHyp2f1(400, 1.7, 1.7, 0.9, 400 * Math.log(0.1))).toBeCloseTo(1, 8);
    expect(scaledHyp2f1(2.5, 3.2, 4.1, 0.7, Math.log(0.5))).toBeCloseTo(9.55322085518398 / 2, 10);
  });
});
