import { describe, expect, it } from 'vitest';
import { newcombeDiff, tQuantile975, verdictOf, welchDiff, wilsonInterval } from './uplift';

describe('wilsonInterval', () => {
  it('matches Newcombe (1998) table I: 81/263 → 0.2553–0.3662', () => {
    const ci = wilsonInterval(81, 263);
    expect(ci.low).toBeCloseTo(0.2553, 4);
    expect(ci.high).toBeCloseTo(0.3662, 4);
  });

  it('stays inside [0, 1] at the edges: 0/10 → 0–0.2775', () => {
    const ci = wilsonInterval(0, 10);
    expect(ci.low).toBe(0);
    expect(ci.high).toBeCloseTo(0.2775, 4);
  });

  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(3, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
  });
});

describe('newcombeDiff', () => {
  it('matches Newcombe (1998) table II: 56/70 − 48/80 → 0.2000 (0.0524, 0.3339)', () => {
    const d = newcombeDiff(56, 70, 48, 80);
    expect(d.diff).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
  });

  it('matches table II: 9/10 − 3/10 → 0.6 (0.1705, 0.8090)', () => {
    const d = newcombeDiff(9, 10, 3, 10);
    expect(d.low).toBeCloseTo(0.1705, 4);
    expect(d.high).toBeCloseTo(0.809, 3);
  });
});

describe('tQuantile975', () => {
  it('uses the table, interpolating fractional degrees of freedom', () => {
    expect(tQuantile975(10)).toBeCloseTo(2.228, 3);
    // scipy: t.ppf(0.975, 5.882) = 2.4589
    expect(tQuantile975(5.882)).toBeCloseTo(2.4589, 2);
  });

  it('uses the expansion above 30 degrees of freedom', () => {
    expect(tQuantile975(45)).toBeCloseTo(2.0141, 3);
    expect(tQuantile975(200)).toBeCloseTo(1.9719, 3);
  });
});

describe('welchDiff', () => {
  it('matches scipy ttest_ind(equal_var=False): −3 (−6.888, 0.888), df 5.88', () => {
    const d = welchDiff([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(d.diff).toBe(-3);
    expect(d.df).toBeCloseTo(5.8824, 3);
    expect(d.low).toBeCloseTo(-6.888, 1);
    expect(d.high).toBeCloseTo(0.888, 1);
  });

  it('needs two values per sample', () => {
    expect(() => welchDiff([1], [1, 2])).toThrow(RangeError);
  });
});

describe('verdictOf', () => {
  it('calls a difference only when the interval excludes zero', () => {
    expect(verdictOf({ low: 0.01, high: 0.2 })).toBe('better');
    expect(verdictOf({ low: -0.2, high: -0.01 })).toBe('worse');
    expect(verdictOf({ low: -0.1, high: 0.2 })).toBe('no_difference');
    expect(verdictOf(null)).toBe('not_enough_data');
  });
});
