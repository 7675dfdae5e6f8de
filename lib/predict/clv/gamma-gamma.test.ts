import { describe, expect, it } from 'vitest';
import { fitGammaGamma, gammaGammaExpectedValue, gammaGammaLogLikelihood } from './gamma-gamma';
import { simulateShoppers } from './simulate';

describe('Gamma–Gamma', () => {
  it('recovers the spend distribution of simulated shoppers', () => {
    const truth = { p: 6, q: 4, gamma: 1500 };
    const sims = simulateShoppers(3000, { r: 2, alpha: 40, a: 0.5, b: 5 }, truth, { seed: 3 });
    const pairs = sims.map((s) => ({
      x: s.values.length,
      m: s.values.reduce((a, b) => a + b, 0) / s.values.length,
    }));
    const { params } = fitGammaGamma(pairs);
    const populationMean = (g: typeof truth): number => (g.p * g.gamma) / (g.q - 1);
    expect(populationMean(params)).toBeGreaterThan(populationMean(truth) * 0.9);
    expect(populationMean(params)).toBeLessThan(populationMean(truth) * 1.1);
    expect(params.p).toBeGreaterThan(truth.p * 0.7);
    expect(params.p).toBeLessThan(truth.p * 1.4);
  });

  it('shrinks a shopper’s mean towards the population’s, less with more purchases', () => {
    const g = { p: 6, q: 4, gamma: 1500 };
    const population = gammaGammaExpectedValue(g, 0, 0, 0);
    expect(population).toBeCloseTo(3000, 6);
    const one = gammaGammaExpectedValue(g, 1, 9000, 0);
    const ten = gammaGammaExpectedValue(g, 10, 9000, 0);
    expect(one).toBeGreaterThan(population);
    expect(one).toBeLessThan(ten);
    expect(ten).toBeLessThan(9000);
    expect(gammaGammaExpectedValue({ p: 1, q: 0.5, gamma: 1 }, 0, 0, 123)).toBe(123);
    expect(Number.isFinite(gammaGammaLogLikelihood(g, 3, 2500))).toBe(true);
  });

  it('needs a shopper with a positive spend', () => {
    expect(() => fitGammaGamma([{ x: 0, m: 10 }])).toThrow(/positive spend/);
  });
});
