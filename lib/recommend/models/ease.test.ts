import { describe, expect, it } from 'vitest';
import { buildInteractionMatrix } from '../matrix/interaction-matrix';
import { EaseModel, easeWeights, gramMatrix, topItemsByShoppers } from './ease';
import { PopularityModel } from './popularity';
import { day, itemsOf, makeDataset, twoClusters } from './test-data';

const asOf = day(40);

describe('easeWeights', () => {
  it('matches a hand-computed 2-item case', () => {
    // G = XᵀX = [[2, 1], [1, 2]], λ = 1 → P = [[3, −1], [−1, 3]] / 8 → B01 = −P01 / P11 = 1/3.
    const b = easeWeights(Float64Array.from([2, 1, 1, 2]), 2, 1);
    expect(Array.from(b)).toEqual([0, expect.closeTo(1 / 3, 6), expect.closeTo(1 / 3, 6), 0]);
  });

  it('matches a hand-computed 3-item case with a zero pair', () => {
    // G + λI = diag-dominant [[2,1,0],[1,2,0],[0,0,2]]: item 2 is unrelated, so B02 = B12 = 0.
    const b = easeWeights(Float64Array.from([1, 1, 0, 1, 1, 0, 0, 0, 1]), 3, 1);
    expect(b[1]).toBeCloseTo(0.5, 6);
    expect(b[2]).toBeCloseTo(0, 6);
    expect(b[5]).toBeCloseTo(0, 6);
  });

  it('builds the Gram matrix from shopper rows', () => {
    const data = makeDataset(
      [
        { shopper: 0, item: 0, day: 1 },
        { shopper: 0, item: 1, day: 1 },
        { shopper: 1, item: 0, day: 1 },
        { shopper: 2, item: 1, day: 1 },
      ],
      { nShoppers: 3, nItems: 2 },
    );
    const x = buildInteractionMatrix(data, asOf, { repeat: 'binary' }).byShopper;
    expect(Array.from(gramMatrix(x))).toEqual([2, 1, 1, 2]);
  });
});

describe('EaseModel', () => {
  it('recommends the shopper’s cluster and not the other one', async () => {
    const model = new EaseModel({ lambda: 1 });
    await model.fit(twoClusters(), { asOf });
    const ranked = model.recommend({ shopper: 0, now: asOf, k: 2, exclude: new Set([0, 1, 2]) });
    expect(itemsOf(ranked).sort()).toEqual([3, 4]);
    // Item 7's neighbours in its cycle (6 and 8) lead; EASE may push the farther 5 and 9 below zero.
    expect(itemsOf(model.recommend({ item: 7, now: asOf, k: 2 }))).toEqual([6, 8]);
  });

  it('keeps only the most interacted items and lets a fallback answer the rest', async () => {
    // Item 9 gets a seventh buyer; of the others (six each) ties go to lower indexes, so item 8 drops out.
    const data = twoClusters([{ shopper: 5, item: 9, day: 31 }]);
    expect(Array.from(topItemsByShoppers(buildInteractionMatrix(data, asOf).byItem, 9))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 9,
    ]);
    const model = new EaseModel({ lambda: 1, maxItems: 9, fallback: new PopularityModel() });
    await model.fit(data, { asOf });
    const all = model.recommend({ shopper: 0, now: asOf, k: 10 });
    expect(all.items.length).toBe(10);
    expect(itemsOf(all).slice(9)).toEqual([8]);
    // A shopper whose only item is outside the kept set gets the fallback's answer.
    const lone = makeDataset(
      [{ shopper: 0, item: 1, day: 1 }, ...[2, 3].map((s) => ({ shopper: s, item: 0, day: 1 }))],
      {
        nShoppers: 4,
        nItems: 2,
      },
    );
    const tiny = new EaseModel({ maxItems: 1, fallback: new PopularityModel() });
    await tiny.fit(lone, { asOf });
    expect(itemsOf(tiny.recommend({ shopper: 0, now: asOf, k: 2 }))).toEqual([0, 1]);
  });
});
