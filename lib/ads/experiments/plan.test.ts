import { describe, expect, it } from 'vitest';
import { assignArm, assignmentBucket, newSalt } from './assign';
import { normalCdf, normalQuantile } from './normal';
import { planExperiment } from './plan';

describe('normal distribution', () => {
  it('matches table values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('planExperiment', () => {
  it('matches the textbook figure for 5 % baseline, +20 %, α 0.05, power 0.8', () => {
    const plan = planExperiment({ baselineRate: 0.05, minDetectableLift: 0.2 });
    // Fleiss (pooled variance under H₀) gives 8,158; the unpooled shortcut 8,155.
    expect(plan.perArm).toBe(8158);
    expect(plan.total).toBe(16_316);
    expect(plan.adjustedAlpha).toBe(0.05);
  });

  it('needs more per arm for a smaller lift or a Bonferroni-split α', () => {
    const base = planExperiment({ baselineRate: 0.03, minDetectableLift: 0.1 });
    expect(planExperiment({ baselineRate: 0.03, minDetectableLift: 0.05 }).perArm).toBeGreaterThan(
      3.5 * base.perArm,
    );
    const three = planExperiment({ baselineRate: 0.03, minDetectableLift: 0.1, arms: 3 });
    expect(three.adjustedAlpha).toBeCloseTo(0.025);
    expect(three.perArm).toBeGreaterThan(base.perArm);
    expect(three.total).toBe(three.perArm * 3);
  });

  it('explains out-of-range input', () => {
    expect(() => planExperiment({ baselineRate: 0, minDetectableLift: 0.1 })).toThrow(/baseline rate/);
    expect(() => planExperiment({ baselineRate: 0.6, minDetectableLift: 1 })).toThrow(/below 100 %/);
    expect(() => planExperiment({ baselineRate: 0.1, minDetectableLift: 0.1, arms: 1 })).toThrow(/two arms/);
  });
});

describe('assignArm', () => {
  it('is stable for a visitor and differs across salts', () => {
    expect(assignArm('s1', 'visitor-42', 3)).toBe(assignArm('s1', 'visitor-42', 3));
    const moved = Array.from(
      { length: 200 },
      (_, i) => assignArm('s1', `v${i}`, 2) !== assignArm('s2', `v${i}`, 2),
    );
    // Independent salts: about half of the visitors land in another arm.
    const share = moved.filter(Boolean).length / moved.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.65);
  });

  it('splits sequential visitor ids evenly (chi-square)', () => {
    const k = 4;
    const n = 40_000;
    const counts = new Array<number>(k).fill(0);
    for (let i = 0; i < n; i++) counts[assignArm('salt', `visitor-${i}`, k)]!++;
    const expected = n / k;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 3 degrees of freedom: 16.27 is the 0.1 % critical value.
    expect(chi2).toBeLessThan(16.27);
    expect(assignmentBucket('salt', 'x')).toBeGreaterThanOrEqual(0);
    expect(assignmentBucket('salt', 'x')).toBeLessThan(1);
  });

  it('makes distinct salts', () => {
    expect(newSalt()).toMatch(/^[0-9a-f]{16}$/);
    expect(newSalt()).not.toBe(newSalt());
  });
});
