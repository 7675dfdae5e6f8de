import { describe, expect, it } from 'vitest';
import { betaCdf } from '@/lib/ads/bandit/beta';
import { analyzeExperiment, P_VALUE_NOTE, twoProportionPValue } from './report';

describe('twoProportionPValue', () => {
  it('matches a hand-computed z-test', () => {
    // 10 % vs 13 % of 1,000: z = 0.03 / 0.014267 = 2.103, two-sided p = 0.0355
    expect(twoProportionPValue(100, 1000, 130, 1000)).toBeCloseTo(0.0355, 3);
    expect(twoProportionPValue(0, 0, 1, 10)).toBeNull();
    expect(twoProportionPValue(0, 10, 0, 10)).toBe(1);
  });
});

describe('analyzeExperiment', () => {
  it('reports a clear winner with its probability, intervals and lift', () => {
    const a = analyzeExperiment(
      [
        { creativeId: 'c', successes: 300, impressions: 10_000 },
        { creativeId: 'd', successes: 400, impressions: 10_000 },
      ],
      8000,
    );
    const [control, b] = a.arms;
    expect(control!.label).toBe('A');
    expect(control!.isControl).toBe(true);
    expect(control!.lift).toBeNull();
    expect(b!.probabilityBeatsControl).toBeGreaterThan(0.99);
    expect(b!.probabilityBest).toBeCloseTo(b!.probabilityBeatsControl!, 10);
    // 95 % interval of Beta(401, 9601): holds 95 % of the posterior mass around 4 %.
    const [lo, hi] = b!.interval;
    expect(betaCdf(hi, 401, 9601) - betaCdf(lo, 401, 9601)).toBeCloseTo(0.95, 6);
    expect(lo).toBeLessThan(0.04);
    expect(hi).toBeGreaterThan(0.04);
    // Lift ≈ +33 %, its interval excludes 0.
    expect(b!.lift!.mean).toBeGreaterThan(0.25);
    expect(b!.lift!.mean).toBeLessThan(0.42);
    expect(b!.lift!.interval[0]).toBeGreaterThan(0);
    expect(b!.pValue).toBeLessThan(0.001);
    expect(a.progress).toEqual({ perArm: 8000, smallestArm: 10_000, share: 1 });
    expect(a.pValueNote).toBe(P_VALUE_NOTE);
    expect(a.recommendation).toMatch(/^B is better than the control with (99|100) % probability\.$/);
  });

  it('says keep running when there is no clear answer yet', () => {
    const a = analyzeExperiment(
      [
        { creativeId: 'c', successes: 30, impressions: 1000 },
        { creativeId: 'd', successes: 33, impressions: 1000 },
        { creativeId: 'e', successes: 29, impressions: 900 },
      ],
      9000,
    );
    expect(a.arms.map((x) => x.label)).toEqual(['A', 'B', 'C']);
    expect(a.arms.reduce((s, x) => s + x.probabilityBest, 0)).toBeCloseTo(1, 10);
    expect(a.progress.share).toBeCloseTo(0.1);
    expect(a.recommendation).toMatch(/^Keep running: 10 % of the planned sample collected/);
    expect(a.arms[1]!.lift!.interval[0]).toBeLessThan(0);
    expect(a.arms[1]!.lift!.interval[1]).toBeGreaterThan(0);
  });

  it('reports no winner at the planned size when the arms are alike, and is deterministic', () => {
    const arms = [
      { creativeId: 'c', successes: 500, impressions: 10_000 },
      { creativeId: 'd', successes: 502, impressions: 10_000 },
    ];
    const a = analyzeExperiment(arms, 8000);
    expect(a.recommendation).toMatch(/^No clear winner/);
    expect(analyzeExperiment(arms, 8000)).toEqual(a);
    expect(
      analyzeExperiment([arms[0]!, { ...arms[1]!, impressions: 0, successes: 0 }], 8000).arms[1]!.pValue,
    ).toBeNull();
    expect(() => analyzeExperiment([arms[0]!], 10)).toThrow(RangeError);
  });
});
