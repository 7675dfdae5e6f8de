import { describe, expect, it } from 'vitest';
import { createBaselines } from './baselines';
import { evaluate } from './eval/evaluate';
import type { Protocol } from './eval/split';
import { createHybrid } from './hybrid-default';
import { countBefore } from './matrix/interaction-matrix';
import { HybridRecommender } from './models/hybrid';
import { TunedRecommender } from './models/tuned';
import { itemCluster, STORE, STORE_CUTOFF, staplesOf, syntheticStore } from './test-store';

const data = syntheticStore();
const now = STORE_CUTOFF;

async function fitted(protocol: Protocol, vectors?: Float32Array[]): Promise<HybridRecommender> {
  const model = createHybrid({ protocol, ...(vectors ? { vectors } : {}) });
  expect(model).toBeInstanceOf(HybridRecommender);
  await model.fit(data, { asOf: now });
  return model as HybridRecommender;
}

function boughtBy(shopper: number): Set<number> {
  const out = new Set<number>();
  for (let e = 0; e < countBefore(data, now); e++) if (data.shopper[e] === shopper) out.add(data.item[e]!);
  return out;
}

describe('createHybrid', () => {
  it('beats every baseline on the synthetic store, in both protocols', async () => {
    for (const protocol of ['all', 'new-items'] as const) {
      const r = await evaluate(data, {
        cutoff: now,
        protocol,
        models: [...createBaselines({ protocol }), createHybrid({ protocol })],
        bootstrap: { resamples: 10 },
      });
      const hybrid = r.rows.find((row) => row.model === 'hybrid')!.metrics.ndcg10;
      const best = Math.max(
        ...r.rows.filter((row) => row.model !== 'hybrid').map((row) => row.metrics.ndcg10),
      );
      // Repeats: buy-again alone is strong, the blend adds taste. New items: taste and trend combined.
      expect(hybrid, protocol).toBeGreaterThan(best + (protocol === 'all' ? 0.02 : 0.1));
    }
  });

  it('blends the issue’s components, tuned and weighted on the validation window', async () => {
    const model = await fitted('all');
    expect(model.weights.features).toEqual([
      'buy-again',
      'ease',
      'item-knn',
      'recent-popular',
      'decayed-popular',
      'popularity',
      'bought-before',
      'purchases',
      'purchase-recency',
    ]);
    expect(Number.isFinite(model.weights.ndcg)).toBe(true);
    for (const c of model.components) {
      if (c instanceof TunedRecommender) expect(Object.keys(c.report.scores).length).toBeGreaterThan(1);
    }
    // Reorder-heavy: the shopper's staples lead the list.
    for (const shopper of [3, 50, 121]) {
      const top = Array.from(model.recommend({ shopper, now, k: 3 }).items);
      for (const staple of staplesOf(shopper)) expect(top).toContain(staple);
    }
  });

  it('under new-items, recommends unbought items of the shopper’s taste and the current trend', async () => {
    const model = await fitted('new-items');
    for (const shopper of [1, 2, 64]) {
      const exclude = boughtBy(shopper);
      const items = Array.from(model.recommend({ shopper, now, k: 10, exclude }).items);
      expect(items).toHaveLength(10);
      for (const j of items) expect(exclude.has(j)).toBe(false);
      // Every shopper here has at least 5 unbought items left in their cluster.
      for (const j of items.slice(0, 5)) expect([shopper % STORE.clusters, -1]).toContain(itemCluster(j));
      // Item 62 launched 6 days ago: the current trend, for those who have not bought it yet.
      if (!exclude.has(62)) expect(items.slice(0, 3)).toContain(62);
    }
  });

  it('answers a cold shopper from popularity, and adds a content component when vectors exist', async () => {
    const model = await fitted('all');
    const cold = Array.from(model.recommend({ now, k: 5 }).items);
    expect(cold).toHaveLength(5);
    // Not personal: each cluster's favourite (0, 20, 40) and a trend item.
    expect(cold).toEqual(expect.arrayContaining([0, 20, 40]));
    expect(cold.some((j) => itemCluster(j) === -1)).toBe(true);
    // Vectors that encode the clusters (one axis each; trend items on a fourth).
    const vectors = Array.from({ length: 63 }, (_, j) => {
      const v = new Float32Array(4);
      v[itemCluster(j) < 0 ? 3 : itemCluster(j)] = 1;
      return v;
    });
    const withContent = await fitted('all', vectors);
    expect(withContent.weights.features).toContain('content');
  });
});
