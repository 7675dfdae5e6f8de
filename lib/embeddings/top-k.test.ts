import { describe, expect, it } from 'vitest';
import { seededRandom } from './testing/vector-fixtures';
import { TopK } from './top-k';

describe('TopK', () => {
  it('keeps the k best scores and sorts them best first, ties by lower row, on random inputs with many ties', () => {
    const r = seededRandom(42);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(r() * 300);
      const k = 1 + Math.floor(r() * 60);
      // Scores from a few values, so ties are frequent; rows in random order.
      const rows = Array.from({ length: n }, (_, i) => i).sort(() => r() - 0.5);
      const scores = rows.map(() => Math.floor(r() * 8) / 4);
      const top = new TopK(k);
      rows.forEach((row, i) => {
        if (scores[i]! > top.threshold) top.push(row, scores[i]!);
      });
      const pairs = top.sorted();
      const want = [...scores].sort((a, b) => b - a).slice(0, Math.min(k, n));
      expect(pairs.map((p) => p.score)).toEqual(want);
      // Ties by lower row: the order is the comparator's, whatever order the heap held them in.
      const reference = [...pairs].sort((a, b) => b.score - a.score || a.row - b.row);
      expect(pairs).toEqual(reference);
    }
  });

  it('drains in the order of sorted(), ties by lower row, and is empty afterwards', () => {
    const r = seededRandom(7);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(r() * 400);
      const k = 1 + Math.floor(r() * 220);
      const a = new TopK(k);
      const b = new TopK(k);
      for (let i = 0; i < n; i++) {
        const row = Math.floor(r() * 1000);
        const score = trial % 2 === 0 ? Math.floor(r() * 6) / 3 : r();
        if (score > a.threshold) {
          a.push(row, score);
          b.push(row, score);
        }
      }
      const rows = new Int32Array(a.count);
      const scores = new Float64Array(a.count);
      expect(a.drainSorted(rows, scores)).toBe(rows.length);
      expect(Array.from(rows, (row, i) => ({ row, score: scores[i] }))).toEqual(b.sorted());
      expect(a.count).toBe(0);
    }
  });

  it('is empty for k = 0 and for no pushes', () => {
    const none = new TopK(0);
    none.push(1, 1);
    expect(none.sorted()).toEqual([]);
    expect(new TopK(5).sorted()).toEqual([]);
  });
});
