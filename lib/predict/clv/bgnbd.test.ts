import { describe, expect, it } from 'vitest';
import {
  bgnbdExpectedPurchases,
  bgnbdExpectedPurchasesNew,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  fitBgNbd,
} from './bgnbd';
import { simulateShoppers } from './simulate';

// Fader, Hardie & Lee (2005): CDNOW parameters (weeks) and their worked example.
const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe('BG/NBD', () => {
  it('reproduces the paper’s conditional expectation and P(alive)', () => {
    const s = { x: 2, tx: 30.43, T: 38.86 };
    expect(bgnbdExpectedPurchases(CDNOW, s, 39)).toBeCloseTo(1.226, 3);
    expect(bgnbdPAlive(CDNOW, s)).toBeCloseTo(0.7266, 3);
    expect(bgnbdPAlive(CDNOW, { x: 0, tx: 0, T: 38.86 })).toBe(1);
  });

  it('is continuous through the a = 1 singularity', () => {
    const s = { x: 3, tx: 20, T: 30 };
    const at = (a: number): number => bgnbdExpectedPurchases({ ...CDNOW, a }, s, 26);
    expect(at(1)).toBeCloseTo((at(0.999) + at(1.001)) / 2, 3);
    expect(bgnbdExpectedPurchasesNew({ ...CDNOW, a: 1 }, 10)).toBeGreaterThan(0);
  });

  it('expects more purchases from frequent, recent shoppers', () => {
    const p = { r: 0.5, alpha: 20, a: 0.8, b: 3 };
    const frequent = bgnbdExpectedPurchases(p, { x: 10, tx: 170, T: 180 }, 90);
    const lapsed = bgnbdExpectedPurchases(p, { x: 10, tx: 30, T: 180 }, 90);
    const once = bgnbdExpectedPurchases(p, { x: 0, tx: 0, T: 180 }, 90);
    expect(frequent).toBeGreaterThan(lapsed);
    expect(frequent).toBeGreaterThan(once);
    expect(bgnbdLogLikelihood(p, { x: 10, tx: 170, T: 180 })).toBeLessThan(0);
  });

  it('recovers the parameters of simulated shoppers by maximum likelihood', () => {
    const truth = { r: 0.6, alpha: 15, a: 0.7, b: 2.5 };
    const sims = simulateShoppers(3000, truth, { p: 5, q: 4, gamma: 1000 }, { days: 365, seed: 7 });
    const data = sims.map((s) => ({
      x: s.times.length - 1,
      tx: s.times[s.times.length - 1]!,
      T: s.T,
      m: 0,
      spend: 0,
    }));
    const { params, logLikelihood } = fitBgNbd(data);
    expect(params.r).toBeGreaterThan(truth.r * 0.75);
    expect(params.r).toBeLessThan(truth.r * 1.33);
    expect(params.r / params.alpha).toBeGreaterThan((truth.r / truth.alpha) * 0.8);
    expect(params.r / params.alpha).toBeLessThan((truth.r / truth.alpha) * 1.25);
    // Mean dropout probability a / (a + b) (a and b alone are weakly identified).
    const dropout = params.a / (params.a + params.b);
    expect(dropout).toBeGreaterThan(0.15);
    expect(dropout).toBeLessThan(0.3);
    // The optimum is at least as likely as the truth.
    let truthLl = 0;
    for (const d of data) truthLl += bgnbdLogLikelihood(truth, d);
    expect(logLikelihood).toBeGreaterThanOrEqual(truthLl - 1e-6);
  });
});
