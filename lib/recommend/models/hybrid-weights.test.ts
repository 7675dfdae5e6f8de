import { describe, expect, it } from 'vitest';
import { Rng } from '@/db/seed/random';
import { type LabeledCandidates, learnWeights } from './hybrid-weights';

/**
 * 60 queries × 20 candidates, 3 features: f0 is noise, f1 is high for the 2 relevant candidates,
 * f2 is high for 4 decoys. Starting from weights (1, 0, 0) only learning can find f1.
 */
function synthetic(seed: number): LabeledCandidates {
  const rng = new Rng(seed);
  const nq = 60;
  const per = 20;
  const nf = 3;
  const features = new Float32Array(nq * per * nf);
  const relevant = new Uint8Array(nq * per);
  // Roles are shuffled within each query, so candidate order (the tie-break) carries no signal.
  const roles = Array.from({ length: per }, (_, c) => c);
  for (let r = 0; r < nq * per; r++) {
    if (r % per === 0) {
      for (let i = per - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [roles[i], roles[j]] = [roles[j]!, roles[i]!];
      }
    }
    const c = roles[r % per]!;
    relevant[r] = c < 2 ? 1 : 0;
    features[r * nf] = rng.next();
    features[r * nf + 1] = (c < 2 ? 0.5 : 0) + 0.5 * rng.next();
    features[r * nf + 2] = c >= 2 && c < 6 ? 1 : 0.2 * rng.next();
  }
  const start = Int32Array.from({ length: nq + 1 }, (_, q) => q * per);
  return { nFeatures: nf, start, features, relevant, truthSize: new Int32Array(nq).fill(2) };
}

describe('learnWeights', () => {
  const data = synthetic(7);

  it('finds the informative feature and reaches a near-perfect NDCG@10', () => {
    const { weights, ndcg } = learnWeights(data, { initial: Float64Array.from([1, 0, 0]), restarts: 0 });
    expect(ndcg).toBeGreaterThan(0.95);
    expect(weights[1]).toBeGreaterThan(Math.abs(weights[0]!));
    expect(weights[1]).toBeGreaterThan(weights[2]!);
  });

  it('is deterministic for a seed', () => {
    const a = learnWeights(data, { seed: 3, restarts: 2, rounds: 5 });
    const b = learnWeights(data, { seed: 3, restarts: 2, rounds: 5 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.ndcg).toBe(b.ndcg);
  });

  it('counts truth items no candidate covers in the ideal DCG', () => {
    // Same data, but every query claims 4 truth items: at most 2 can be found → NDCG < 1.
    const { ndcg } = learnWeights({ ...data, truthSize: new Int32Array(60).fill(4) }, { restarts: 0 });
    const ideal2 = 1 + 1 / Math.log2(3);
    const ideal4 = ideal2 + 1 / Math.log2(4) + 1 / Math.log2(5);
    expect(ndcg).toBeLessThanOrEqual(ideal2 / ideal4 + 1e-9);
    expect(ndcg).toBeGreaterThan(0.9 * (ideal2 / ideal4));
  });
});
