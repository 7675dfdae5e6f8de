import { describe, expect, it } from 'vitest';
import { type ContentVectors, contentNeighbours } from './content';

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
