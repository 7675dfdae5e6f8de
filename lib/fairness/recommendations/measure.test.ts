import { describe, expect, it } from 'vitest';
import { PopularityModel } from '@/lib/recommend/models/popularity';
import { day } from '@/lib/recommend/models/test-data';
import { STORE_CUTOFF, syntheticStore } from '@/lib/recommend/test-store';
import { EmptySplitError } from '@/lib/recommend/eval/evaluate';
import type { Recommender } from '@/lib/recommend/types';
import { type ItemFacts, measureRecommendationFairness } from './measure';

const data = syntheticStore();
const n = data.itemIds.length;
/** Items 40–59 were published 10 days before the cutoff; items ≥ 50 belong to a rarely bought brand. */
const facts: ItemFacts = {
  brandId: Int32Array.from({ length: n }, (_, j) => (j >= 50 ? 3 : j % 3)),
  brandNames: ['alpha', 'beta', 'gamma', 'tiny'],
  priceMinor: Float64Array.from({ length: n }, (_, j) => 100 * (j + 1)),
  publishedAt: Float64Array.from({ length: n }, (_, j) =>
    j >= 40 && j < 60 ? STORE_CUTOFF - 10 * 86_400_000 : day(0),
  ),
  categoryId: Int32Array.from({ length: n }, (_, j) => Math.floor(j / 20)),
  topCategory: Array.from({ length: n }, (_, j) => `cat${Math.floor(j / 20)}`),
};
const off = { newItemFloor: 0, newItemDays: 30, smallBrandFloor: 0, calibration: 0 };
const model = () => new PopularityModel({ name: 'popular' });

describe('measureRecommendationFairness', () => {
  it('changes nothing with the mitigation off: before equals after', async () => {
    const r = await measureRecommendationFairness(data, facts, {
      cutoff: STORE_CUTOFF,
      mitigation: off,
      proposal: false,
      model: model(),
    });
    expect(r.shoppers).toBeGreaterThan(100);
    for (const row of r.table) expect(row.after).toBe(row.before);
    for (const g of r.groups)
      for (const row of g.rows) expect(row.exposureShareAfter).toBe(row.exposureShare);
    expect(r.groups.map((g) => g.dimension)).toEqual(['age', 'brand', 'price', 'category']);
    const brandTotal = r.groups
      .find((g) => g.dimension === 'brand')!
      .rows.reduce((a, x) => a + x.exposureShare, 0);
    expect(brandTotal).toBeCloseTo(1, 9);
    expect(r.popularity.before.gini).toBeGreaterThan(0);
    expect(r.popularity.before.gini).toBeLessThan(1);
    expect(r.segments.find((s) => s.dimension === 'tenure')!.rows.map((x) => x.label)).toContain(
      'Returning shoppers',
    );
  });

  it('raises the protected slot shares to the configured floors', async () => {
    const mitigation = { ...off, newItemFloor: 0.2, smallBrandFloor: 0.5 };
    const r = await measureRecommendationFairness(data, facts, {
      cutoff: STORE_CUTOFF,
      mitigation,
      proposal: true,
      model: model(),
    });
    const get = (m: string) => r.table.find((x) => x.metric === m)!;
    expect(get('newSlotShare').after).toBeGreaterThanOrEqual(0.2);
    expect(get('smallBrandSlotShare').after).toBeGreaterThanOrEqual(0.5);
    expect(get('smallBrandSlotShare').before).toBeLessThan(0.5);
    expect(get('smallBrandShare').after).toBeGreaterThan(get('smallBrandShare').before);
    expect(r.protectedCatalog.smallBrandShare).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toMatch(/"s\d+"/); // aggregate only: no shopper id in the report
  });

  it('reaches the new-product floor when the model never proposes a new product', async () => {
    const popular = model();
    /** Popularity without the new items 40–59: the floor can only be met by adding them. */
    const withoutNew: Recommender = {
      name: 'popular-without-new',
      fit: (train, o) => popular.fit(train, o),
      recommend: (q) => {
        const r = popular.recommend({ ...q, k: q.k + 20 });
        const keep = Array.from(r.items.keys()).filter((x) => !(r.items[x]! >= 40 && r.items[x]! < 60));
        return {
          items: Int32Array.from(keep.slice(0, q.k), (x) => r.items[x]!),
          scores: Float32Array.from(keep.slice(0, q.k), (x) => r.scores[x]!),
        };
      },
    };
    const r = await measureRecommendationFairness(data, facts, {
      cutoff: STORE_CUTOFF,
      mitigation: { ...off, newItemFloor: 0.2 },
      proposal: true,
      model: withoutNew,
    });
    const get = (m: string) => r.table.find((x) => x.metric === m)!;
    expect(r.protectedCatalog.newShare).toBeGreaterThan(0);
    expect(get('newSlotShare').before).toBe(0);
    expect(get('newSlotShare').after).toBeGreaterThanOrEqual(0.2);
    expect(get('newShare').after).toBeGreaterThan(0);
  });

  it('refuses a cutoff that leaves nothing to test', async () => {
    await expect(
      measureRecommendationFairness(data, facts, {
        cutoff: day(1000),
        mitigation: off,
        proposal: false,
        model: model(),
      }),
    ).rejects.toThrow(EmptySplitError);
  });
});
