import { describe, expect, it } from 'vitest';
import { simulateRegret } from './simulate';

describe('regret simulation', () => {
  it("keeps Thompson's regret over 20,000 rounds below 30 % of uniform's", () => {
    const r = simulateRegret({
      rates: [0.02, 0.03, 0.05],
      rounds: 20_000,
      checkpoints: [1000, 5000, 20_000],
      seed: 7,
    });
    expect(r.checkpoints).toEqual([1000, 5000, 20_000]);
    expect(r.regret.best).toEqual([0, 0, 0]);
    const thompson = r.regret.thompson[2]!;
    const uniform = r.regret.uniform[2]!;
    // Uniform loses (0.05 − mean rate) per round: about 20,000 × 0.0167 ≈ 333.
    expect(uniform).toBeGreaterThan(300);
    expect(thompson).toBeLessThan(0.3 * uniform);
    // Cumulative regret never decreases.
    expect(r.regret.thompson[0]!).toBeLessThanOrEqual(r.regret.thompson[1]!);
  });

  it('lets LinUCB beat uniform (and context-blind Thompson) when the best arm depends on the shopper', () => {
    const contexts = [
      {
        ctx: { segmentId: 'a', locale: 'en', device: 'mobile' as const },
        weight: 1,
        rates: [0.06, 0.02, 0.03],
      },
      {
        ctx: { segmentId: 'b', locale: 'en', device: 'desktop' as const },
        weight: 1,
        rates: [0.02, 0.06, 0.03],
      },
      {
        ctx: { segmentId: 'c', locale: 'de', device: 'mobile' as const },
        weight: 1,
        rates: [0.02, 0.03, 0.06],
      },
    ];
    const r = simulateRegret({ contexts, rounds: 20_000, seed: 7, alpha: 1 });
    expect(r.regret.linucb[0]!).toBeLessThan(0.5 * r.regret.uniform[0]!);
    expect(r.regret.linucb[0]!).toBeLessThan(r.regret.thompson[0]!);
  });

  it('refuses a single arm', () => {
    expect(() => simulateRegret({ rates: [0.1], rounds: 10 })).toThrow(RangeError);
  });
});
