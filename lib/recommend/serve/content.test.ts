import { describe, expect, it } from 'vitest';
import { seededRandom } from '../eval/metrics';
import {
  type ContentVectors,
  contentCandidates,
  contentNeighbours,
  contextSums,
  historyContent,
} from './content';
import { similarityRowsOf } from './content-rows';
import { randomUnitVectors } from './test-vectors';

/** Unit vectors in 2-d at the given angles (degrees), rows in catalog order. */
function vectorsAt(degrees: (number | null)[]): ContentVectors {
  const present = degrees.flatMap((d, item) => (d === null ? [] : [{ d, item }]));
  const matrix = new Float32Array(present.length * 2);
  const rowOfItem = new Int32Array(degrees.length).fill(-1);
  const itemOfRow = new Int32Array(present.length);
  present.forEach(({ d, item }, row) => {
    matrix[row * 2] = Math.cos((d * Math.PI) / 180);
    matrix[row * 2 + 1] = Math.sin((d * Math.PI) / 180);
    rowOfItem[item] = row;
    itemOfRow[row] = item;
  });
  return { dims: 2, matrix, rowOfItem, itemOfRow };
}

describe('contentNeighbours', () => {
  // Items 0–4 at 0°, 10°, 45°, 80°, 100°; item 5 has no vector.
  const cv = vectorsAt([0, 10, 45, 80, 100, null]);

  it('ranks by cosine to the seed, leaving out the seed, excluded items and items without vectors', () => {
    const hits = contentNeighbours(cv, [{ item: 0, weight: 1 }], 10);
    expect(hits.map((h) => h.item)).toEqual([1, 2, 3]); // past 90° the cosine is negative: no evidence
    expect(hits[0]!.score).toBeCloseTo(Math.cos((10 * Math.PI) / 180), 5);
    expect(contentNeighbours(cv, [{ item: 0, weight: 1 }], 10, new Set([1])).map((h) => h.item)).toEqual([
      2, 3,
    ]);
    expect(contentNeighbours(cv, [{ item: 5, weight: 1 }], 10)).toEqual([]);
  });

  it('follows the weighted mean of several seeds and names the nearest seed', () => {
    const seeds = [
      { item: 0, weight: 1 },
      { item: 4, weight: 3 },
    ];
    const hits = contentNeighbours(cv, seeds, 2);
    expect(hits.map((h) => h.item)).toEqual([3, 2]);
    expect(hits[0]!.seed).toBe(4);
    expect(hits[0]!.seedSimilarity).toBeCloseTo(Math.cos((20 * Math.PI) / 180), 5);
  });
});

/** Random unit vectors, about one item in ten without one (the draw decides which). */
function randomVectors(rand: () => number, items: number, dims: number): ContentVectors {
  return randomUnitVectors(rand, items, dims, () => rand() < 0.9);
}

describe('contentNeighbours from similarity rows', () => {
  it('answers as the scan once the seeds’ rows are kept, and warms them in the background', async () => {
    const rand = seededRandom(17);
    const scanned = randomVectors(seededRandom(4), 120, 32);
    const cached = { ...scanned }; // the same vectors, another row cache
    const rows = similarityRowsOf(cached);
    for (let run = 0; run < 30; run++) {
      const seeds = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => ({
        item: Math.floor(rand() * 120),
        weight: rand() < 0.1 ? 0 : 0.1 + rand() * 2,
      }));
      const exclude = new Set([Math.floor(rand() * 120)]);
      for (const s of seeds) rows.compute(s.item);
      const want = contentNeighbours(scanned, seeds, 15, exclude);
      const got = contentNeighbours(cached, seeds, 15, exclude);
      expect(got.map((h) => h.item)).toEqual(want.map((h) => h.item));
      for (const [i, h] of got.entries()) {
        expect(h.score).toBeCloseTo(want[i]!.score, 5);
        expect(h.seed).toBe(want[i]!.seed);
        expect(h.seedSimilarity).toBeCloseTo(want[i]!.seedSimilarity, 5);
      }
    }
    // The scanned set had no rows: its calls queued them, and the background computes them.
    const queued = similarityRowsOf(scanned);
    expect(queued.size).toBe(0);
    for (let turn = 0; turn < 20 && queued.size === 0; turn++) await new Promise((r) => setImmediate(r));
    expect(queued.size).toBeGreaterThan(0);
  });
});

describe('contentCandidates from a history part', () => {
  it('selects as contentNeighbours over all the seeds, purchases decayed to `now`, views and context', () => {
    const rand = seededRandom(31);
    const cv = randomVectors(seededRandom(8), 150, 24);
    const rows = similarityRowsOf(cv);
    for (let i = 0; i < 150; i++) rows.compute(i);
    const halfLifeMs = 60 * 86_400_000;
    for (let run = 0; run < 25; run++) {
      const pick = () => Math.floor(rand() * 150);
      const purchases = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => ({
        item: pick(),
        at: 1_000_000_000_000 + rand() * 200 * 86_400_000,
      }));
      const views = Array.from({ length: Math.floor(rand() * 5) }, () => ({ item: pick(), weight: 0.25 }));
      const context = Array.from({ length: Math.floor(rand() * 3) }, () => ({ item: pick(), weight: 2 }));
      const now = Math.max(...purchases.map((p) => p.at)) + rand() * 90 * 86_400_000;
      const seeds = [
        ...context,
        ...purchases.map((p) => ({ item: p.item, weight: 2 ** (-(now - p.at) / halfLifeMs) })),
        ...views,
      ];
      const want = contentNeighbours(cv, seeds, 20, undefined, false).filter((h) => h.item < 140);
      const history = historyContent(cv, purchases, views, halfLifeMs);
      const live = context.filter((c) => cv.rowOfItem[c.item]! >= 0);
      // The visit from its kept rows, or summed by a pass over the matrix: the same answer.
      const visit = run % 2 ? rows.rowsFor(live.map((c) => c.item))! : contextSums(cv, live);
      // A selection: the same set, each at the scan's score, with the set's lowest and highest.
      const got = contentCandidates(cv, history, now, live, visit, 20, 140)!;
      expect(got.count).toBe(want.length);
      const scoreOf = new Map(
        Array.from(got.items.subarray(0, got.count), (item, t) => [item, got.scores[t]!]),
      );
      expect([...scoreOf.keys()].sort((x, y) => x - y)).toEqual(
        want.map((h) => h.item).sort((x, y) => x - y),
      );
      for (const h of want) expect(scoreOf.get(h.item)).toBeCloseTo(h.score, 5);
      expect(got.max).toBeCloseTo(want[0]!.score, 5);
      expect(got.min).toBeCloseTo(want.at(-1)!.score, 5);
    }
  });
});
