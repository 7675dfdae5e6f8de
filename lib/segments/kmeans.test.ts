import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/recommend/eval/metrics';
import { kmeans, kmeansAuto, silhouette } from './kmeans';

/** `perBlob` points around each centre, Gaussian-ish noise of `spread`. */
function blobs(centres: number[][], perBlob: number, spread: number, seed = 3) {
  const random = seededRandom(seed);
  const rows: Float64Array[] = [];
  const truth: number[] = [];
  centres.forEach((c, b) => {
    for (let i = 0; i < perBlob; i++) {
      rows.push(Float64Array.from(c.map((v) => v + (random() + random() + random() - 1.5) * spread)));
      truth.push(b);
    }
  });
  return { rows, truth };
}

const CENTRES = [
  [0, 0, 0],
  [10, 0, 0],
  [0, 10, 0],
  [0, 0, 10],
];

describe('kmeans', () => {
  it('recovers well-separated blobs (every blob one cluster, clusters distinct)', () => {
    const { rows, truth } = blobs(CENTRES, 50, 1);
    const fit = kmeans(rows, 4, { seed: 11 });
    const mapping = new Map<number, number>();
    for (let i = 0; i < rows.length; i++) {
      const t = truth[i]!;
      const l = fit.labels[i]!;
      if (!mapping.has(t)) mapping.set(t, l);
      expect(mapping.get(t)).toBe(l);
    }
    expect(new Set(mapping.values()).size).toBe(4);
  });

  it('is deterministic for a seed', () => {
    const { rows } = blobs(CENTRES, 30, 4);
    const a = kmeans(rows, 3, { seed: 5 });
    const b = kmeans(rows, 3, { seed: 5 });
    expect([...a.labels]).toEqual([...b.labels]);
    expect(a.inertia).toBe(b.inertia);
  });

  it('refuses a k outside 1..n', () => {
    const { rows } = blobs(CENTRES, 2, 1);
    expect(() => kmeans(rows, 0)).toThrow(/k must be/);
    expect(() => kmeans(rows, rows.length + 1)).toThrow(/k must be/);
  });

  it('scores a clean partition with a high silhouette and a shuffled one low', () => {
    const { rows, truth } = blobs(CENTRES, 20, 1);
    const good = silhouette(rows, truth, 4);
    const random = seededRandom(9);
    const bad = silhouette(
      rows,
      truth.map(() => Math.floor(random() * 4)),
      4,
    );
    expect(good).toBeGreaterThan(0.7);
    expect(bad).toBeLessThan(0.1);
  });

  it('chooses the number of blobs by silhouette among 3..6', () => {
    const { rows } = blobs(CENTRES.concat([[10, 10, 10]]), 40, 1);
    const fit = kmeansAuto(rows, { seed: 2 });
    expect(fit.k).toBe(5);
    expect(fit.silhouettes.map((s) => s.k)).toEqual([3, 4, 5, 6]);
  });
});
