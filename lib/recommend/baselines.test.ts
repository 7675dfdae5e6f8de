import { describe, expect, it } from 'vitest';
import { type BASELINE_NAMES, createBaseline, createBaselines } from './baselines';
import { evaluate } from './eval/evaluate';
import { countBefore } from './matrix/interaction-matrix';
import { TunedRecommender } from './models/tuned';
import { itemCluster, STORE_CUTOFF, staplesOf, syntheticStore } from './test-store';
import type { Recommender } from './types';

const data = syntheticStore();
const now = STORE_CUTOFF;

async function fitted(name: (typeof BASELINE_NAMES)[number]): Promise<Recommender> {
  const model = createBaseline(name);
  await model.fit(data, { asOf: now });
  return model;
}

/** Items the shopper bought before the cutoff (what 'new-items' excludes). */
function boughtBy(shopper: number): Set<number> {
  const out = new Set<number>();
  for (let e = 0; e < countBefore(data, now); e++) if (data.shopper[e] === shopper) out.add(data.item[e]!);
  return out;
}

describe('baselines', () => {
  it('are the issue’s five, by name, in order', () => {
    expect(createBaselines().map((m) => m.name)).toEqual([
      'most-popular',
      'recent-popular',
      'buy-again',
      'item-knn',
      'ease',
    ]);
  });

  it('most-popular ranks by distinct buyers; recent-popular forgets a trend that is over', async () => {
    const buyers = new Map<number, Set<number>>();
    for (let e = 0; e < countBefore(data, now); e++) {
      const set = buyers.get(data.item[e]!) ?? new Set<number>();
      buyers.set(data.item[e]!, set.add(data.shopper[e]!));
    }
    const top = [...buyers].sort((a, b) => b[1].size - a[1].size || a[0] - b[0])[0]![0];
    const popular = Array.from((await fitted('most-popular')).recommend({ now, k: 10 }).items);
    expect(popular[0]).toBe(top);
    // Trend item 60 sold to half the shoppers on days 48–73: popular overall, absent last month.
    expect(popular.slice(0, 3)).toContain(60);
    const recent = Array.from((await fitted('recent-popular')).recommend({ now, k: 10 }).items);
    expect(recent).not.toContain(60);
    expect(recent[0]).toBe(61); // launched on day 76, the trend of the last 30 days
  });

  it('buy-again puts the shopper’s staples first, then fills the list from popularity', async () => {
    const model = await fitted('buy-again');
    for (const shopper of [0, 31, 95]) {
      const list = Array.from(model.recommend({ shopper, now, k: 30 }).items);
      // Staples are bought on every visit; an explored item may sit between them (timing, recency).
      expect(staplesOf(shopper)).toContain(list[0]);
      for (const staple of staplesOf(shopper)) expect(list.slice(0, 3)).toContain(staple);
      expect(list).toHaveLength(30); // more than the shopper ever bought: popularity filled the rest
      expect(new Set(list).size).toBe(30);
    }
    const exclude = new Set(staplesOf(4));
    const list = Array.from(model.recommend({ shopper: 4, now, k: 10, exclude }).items);
    expect(list.some((j) => exclude.has(j))).toBe(false);
    expect(list).toHaveLength(10);
  });

  it('item-knn and ease recommend new items of the shopper’s taste cluster', async () => {
    for (const name of ['item-knn', 'ease'] as const) {
      const model = await fitted(name);
      for (const shopper of [1, 2, 60]) {
        const items = model.recommend({ shopper, now, k: 5, exclude: boughtBy(shopper) }).items;
        expect(items).toHaveLength(5);
        // Trend items (cluster −1) may join; another cluster's items may not.
        for (const j of items) expect([shopper % 3, -1]).toContain(itemCluster(j));
      }
    }
  });

  it('tune on the validation window: every candidate scored, the best one kept', async () => {
    for (const name of ['buy-again', 'item-knn', 'ease'] as const) {
      const model = await fitted(name);
      expect(model).toBeInstanceOf(TunedRecommender);
      const { chosen, scores } = (model as TunedRecommender).report;
      expect(Object.keys(scores).length).toBeGreaterThan(2);
      expect(scores[chosen]).toBe(Math.max(...Object.values(scores)));
    }
  });

  it('order as expected on the store: buy-again best with repeats, collaborative best without', async () => {
    const ndcg = async (protocol: 'all' | 'new-items') => {
      const r = await evaluate(data, {
        cutoff: now,
        protocol,
        models: createBaselines({ protocol }),
        bootstrap: { resamples: 10 },
      });
      return Object.fromEntries(r.rows.map((row) => [row.model, row.metrics.ndcg10]));
    };
    const all = await ndcg('all');
    expect(all['buy-again']).toBeGreaterThan(Math.max(all.ease!, all['item-knn']!) + 0.1);
    expect(all.ease).toBeGreaterThan(all['most-popular']! + 0.1);
    const fresh = await ndcg('new-items');
    expect(Math.min(fresh.ease!, fresh['item-knn']!)).toBeGreaterThan(fresh['recent-popular']! + 0.1);
    expect(fresh['recent-popular']).toBeGreaterThan(fresh['most-popular']!);
    // Under new-items every item buy-again knows is excluded: it is its popularity fill.
    expect(fresh['buy-again']).toBeCloseTo(fresh['most-popular']!, 12);
  });
});
