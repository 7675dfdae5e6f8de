import { describe, expect, it } from 'vitest';
import { betaCdf, betaInterval, betaQuantile } from './beta';
import { createRng, hashString, sampleBeta, sampleGamma, sampleNormal } from './rng';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

describe('seeded sampling', () => {
  it('repeats the same draws for the same seed', () => {
    const a = createRng(5);
    const b = createRng(5);
    const xs = Array.from({ length: 5 }, () => sampleBeta(a, 2, 3));
    expect(Array.from({ length: 5 }, () => sampleBeta(b, 2, 3))).toEqual(xs);
    expect(Array.from({ length: 5 }, () => sampleBeta(createRng(6), 2, 3))).not.toEqual(xs);
  });

  it('draws standard normals', () => {
    const rng = createRng(1);
    const m = moments(() => sampleNormal(rng), 50_000);
    expect(m.mean).toBeCloseTo(0, 1);
    expect(m.variance).toBeCloseTo(1, 1);
  });

  it.each([0.3, 1, 2.5, 40])('draws Gamma(%s) with mean = variance = shape', (shape) => {
    const rng = createRng(2);
    const m = moments(() => sampleGamma(rng, shape), 60_000);
    expect(Math.abs(m.mean - shape) / shape).toBeLessThan(0.03);
    expect(Math.abs(m.variance - shape) / shape).toBeLessThan(0.06);
  });

  it.each([
    [1, 1],
    [3, 98],
    [0.5, 0.5],
    [30, 10],
  ])('draws Beta(%s, %s) with the right mean and variance', (a, b) => {
    const rng = createRng(3);
    const m = moments(() => sampleBeta(rng, a, b), 60_000);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(m.mean - mean)).toBeLessThan(0.02 * Math.max(mean, 0.05));
    expect(Math.abs(m.variance - variance) / variance).toBeLessThan(0.06);
  });

  it('rejects a non-positive shape', () => {
    expect(() => sampleGamma(createRng(1), 0)).toThrow(RangeError);
  });

  it('hashes strings with FNV-1a', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

describe('beta distribution', () => {
  it('matches closed forms', () => {
    expect(betaCdf(0.3, 1, 1)).toBeCloseTo(0.3, 10);
    // Beta(2, 1): F(x) = x²; Beta(1, 3): F(x) = 1 − (1 − x)³
    expect(betaCdf(0.4, 2, 1)).toBeCloseTo(0.16, 10);
    expect(betaCdf(0.2, 1, 3)).toBeCloseTo(1 - 0.8 ** 3, 10);
    expect(betaQuantile(0.25, 2, 1)).toBeCloseTo(0.5, 8);
  });

  it('gives a 95 % interval that holds 95 % of the draws', () => {
    const [lo, hi] = betaInterval(31, 971);
    expect(betaCdf(hi, 31, 971) - betaCdf(lo, 31, 971)).toBeCloseTo(0.95, 8);
    const rng = createRng(4);
    let inside = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = sampleBeta(rng, 31, 971);
      if (x >= lo && x <= hi) inside++;
    }
    expect(inside / 20_000).toBeGreaterThan(0.94);
    expect(inside / 20_000).toBeLessThan(0.96);
  });
});
