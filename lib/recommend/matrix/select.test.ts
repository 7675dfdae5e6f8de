import { describe, expect, it } from 'vitest';
import { seededRandom } from '../eval/metrics';
import { kthLargest, selectTop } from './select';

/** The reference: sort by score (desc), then item (asc), keep k. */
function bruteForce(items: number[], scores: Float64Array, k: number, min: number, exclude: Set<number>) {
  return items
    .filter((i) => scores[i]! > min && !exclude.has(i))
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, k);
}

describe('selectTop', () => {
  it('keeps the same set as sorting would, ties at the cut to the lower index, in input order', () => {
    const rand = seededRandom(7);
    for (let run = 0; run < 400; run++) {
      const size = 1 + Math.floor(rand() * 300);
      // Few distinct values in half the runs: long runs of equal scores at the cut.
      const levels = rand() < 0.5 ? 1 + Math.floor(rand() * 6) : 0;
      const scores = new Float64Array(size);
      for (let i = 0; i < size; i++)
        scores[i] = levels > 0 ? Math.floor(rand() * levels) - 1 : rand() * 4 - 1;
      const touched = Array.from({ length: size }, (_, i) => i).filter(() => rand() < 0.8);
      for (let i = touched.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [touched[i], touched[j]] = [touched[j]!, touched[i]!];
      }
      const k = Math.floor(rand() * (size + 5));
      const min = rand() < 0.5 ? 0 : Number.NEGATIVE_INFINITY;
      const exclude = new Set(touched.filter(() => rand() < 0.1));
      const want = bruteForce(touched, scores, k, min, exclude);
      const got = selectTop(Int32Array.from(touched), touched.length, scores, k, { minScore: min, exclude });
      const kept = Array.from(got.items.subarray(0, got.count));
      expect(new Set(kept)).toEqual(new Set(want));
      expect(kept.length).toBe(want.length);
      // Input order is kept.
      const position = new Map(touched.map((item, p) => [item, p]));
      for (let t = 1; t < kept.length; t++)
        expect(position.get(kept[t]!)!).toBeGreaterThan(position.get(kept[t - 1]!)!);
      for (let t = 0; t < got.count; t++) expect(got.scores[t]).toBe(scores[got.items[t]!]);
      if (want.length > 0) {
        expect(got.max).toBe(scores[want[0]!]);
        expect(got.min).toBe(scores[want.at(-1)!]);
      } else expect(got.count).toBe(0);
    }
  });

  it('cuts right with an infinite score, a huge span and one value repeated', () => {
    for (const scores of [
      Float64Array.from([1, Number.POSITIVE_INFINITY, 3, 2, 0.5, 7]),
      Float64Array.from([-1e308, 1e308, 5, 4, 3, 2]),
      Float64Array.from([2, 2, 2, 2, 2, 2]),
    ]) {
      const items = Int32Array.from(scores, (_, i) => i);
      for (let k = 1; k <= scores.length; k++) {
        const got = selectTop(items, items.length, scores, k);
        const want = bruteForce(Array.from(items), scores, k, Number.NEGATIVE_INFINITY, new Set());
        expect(new Set(got.items.subarray(0, got.count))).toEqual(new Set(want));
      }
    }
  });

  it('finds the k-th largest of values with many repeats', () => {
    const rand = seededRandom(3);
    for (let run = 0; run < 200; run++) {
      const n = 1 + Math.floor(rand() * 100);
      const a = Float64Array.from({ length: n }, () => Math.floor(rand() * 5));
      const k = 1 + Math.floor(rand() * n);
      const sorted = Array.from(a).sort((x, y) => y - x);
      expect(kthLargest(a, n, k)).toBe(sorted[k - 1]);
    }
  });
});
