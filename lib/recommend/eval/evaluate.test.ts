import { describe, expect, it } from 'vitest';
import type { Dataset, RecommendQuery, Recommender } from '@/lib/recommend/types';
import { evaluate } from './evaluate';
import { METRICS, seededRandom } from './metrics';
import { datasetFrom, fixedModel } from './testing';

const DAY = 86_400_000;
const CUTOFF = Date.UTC(2024, 5, 1);
const SHOPPERS = 200;
const ITEMS = 60;

/** Purchases with a skewed item popularity, half before and half after the cutoff. */
function synthetic(): Dataset {
  const rand = seededRandom(3);
  const rows: [number, number, number][] = [];
  for (let s = 0; s < SHOPPERS; s++) {
    for (let x = 0; x < 8; x++) {
      const item = Math.floor(ITEMS * rand() ** 2);
      rows.push([s, item, CUTOFF + Math.floor((rand() - 0.5) * 60 * DAY)]);
    }
  }
  rows.push([0, ITEMS, CUTOFF + DAY]); // an item that exists only after the cutoff
  return datasetFrom(rows);
}

/** What each shopper buys from the cutoff on: the oracle's answer. */
function future(d: Dataset): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < d.time.length; i++) {
    if (d.time[i]! < CUTOFF) continue;
    const list = out.get(d.shopper[i]!) ?? [];
    if (!list.includes(d.item[i]!)) list.push(d.item[i]!);
    out.set(d.shopper[i]!, list);
  }
  return out;
}

function models(d: Dataset): Recommender[] {
  const truth = future(d);
  const randomFor = (s: number) => {
    const rand = seededRandom(1000 + s);
    return Array.from({ length: 20 }, () => Math.floor(rand() * ITEMS));
  };
  return [
    fixedModel('oracle', (s) => truth.get(s) ?? []),
    fixedModel('random', randomFor),
    fixedModel('constant', () => Array.from({ length: 20 }, (_, j) => j)),
  ];
}

describe('evaluate', () => {
  const data = synthetic();

  it('ranks a perfect oracle above a random recommender', async () => {
    const r = await evaluate(data, { cutoff: CUTOFF, protocol: 'all', models: models(data) });
    const by = Object.fromEntries(r.rows.map((row) => [row.model, row]));
    expect(r.cutoff).toBe('2024-06-01T00:00:00.000Z');
    expect(r.shoppers).toBeGreaterThan(150);
    expect(r.items).toBe(ITEMS);
    expect(by.oracle!.metrics.hr10).toBe(1);
    // Perfect: the item no training shopper ever saw is out of truth and dropped from its list.
    expect(by.oracle!.metrics.ndcg10).toBeCloseTo(1, 12);
    expect(by.oracle!.metrics.ndcg10).toBeGreaterThan(by.random!.metrics.ndcg10 + 0.5);
    expect(by.oracle!.ci.ndcg10[0]).toBeGreaterThan(by.random!.ci.ndcg10[1]);
    for (const row of r.rows) {
      expect(Object.keys(row.metrics).sort()).toEqual([...METRICS].sort());
      expect(row.breakdown.map((b) => b.label)).toEqual(['1-2', '3-5', '6+']);
      expect(row.breakdown.reduce((n, b) => n + b.shoppers, 0)).toBe(r.shoppers);
    }
    expect(by.constant!.metrics.coverage).toBeCloseTo(10 / ITEMS, 12);
    expect(by.constant!.metrics.popularityBias).toBeGreaterThan(by.random!.metrics.popularityBias);
  });

  it('is deterministic', async () => {
    const a = await evaluate(data, { cutoff: CUTOFF, protocol: 'new-items', models: models(data) });
    const b = await evaluate(data, { cutoff: CUTOFF, protocol: 'new-items', models: models(data) });
    expect(a).toEqual(b);
  });

  it('fits on training data only and asks at the cutoff', async () => {
    const seen: { asOf: number; last: number; queries: RecommendQuery[] } = { asOf: 0, last: 0, queries: [] };
    const spy: Recommender = {
      name: 'spy',
      fit(train, { asOf }) {
        seen.asOf = asOf;
        seen.last = train.time[train.time.length - 1]!;
      },
      recommend(q) {
        seen.queries.push(q);
        return { items: new Int32Array(0), scores: new Float32Array(0) };
      },
    };
    const r = await evaluate(data, { cutoff: new Date(CUTOFF), protocol: 'all', models: [spy] });
    expect(seen.asOf).toBe(CUTOFF);
    expect(seen.last).toBeLessThan(CUTOFF);
    expect(seen.queries).toHaveLength(r.shoppers);
    expect(seen.queries.every((q) => q.now === CUTOFF && q.k === 20)).toBe(true);
    expect(r.rows[0]!.metrics.hr10).toBe(0);
  });

  it('excludes what the shopper had, under new-items only', async () => {
    const first = new Map<number, number>();
    for (let i = 0; i < data.time.length && data.time[i]! < CUTOFF; i++)
      if (!first.has(data.shopper[i]!)) first.set(data.shopper[i]!, data.item[i]!);
    const excluded: boolean[] = [];
    const peek: Recommender = {
      name: 'peek',
      fit() {},
      recommend(q) {
        const own = first.get(q.shopper!)!;
        excluded.push(q.exclude?.has(own) === true && q.exclude.has(ITEMS));
        // Recommends the excluded item anyway: the harness must drop it.
        return { items: Int32Array.of(own), scores: Float32Array.of(1) };
      },
    };
    const r = await evaluate(data, { cutoff: CUTOFF, protocol: 'new-items', models: [peek] });
    expect(excluded.every(Boolean)).toBe(true);
    expect(r.rows[0]!.metrics.hr10).toBe(0);
    expect(r.rows[0]!.metrics.coverage).toBe(0);
    excluded.length = 0;
    const all = await evaluate(data, { cutoff: CUTOFF, protocol: 'all', models: [peek] });
    expect(all.rows[0]!.metrics.coverage).toBeGreaterThan(0);
  });

  it('refuses k below 20 and duplicate model names', async () => {
    await expect(evaluate(data, { cutoff: CUTOFF, protocol: 'all', k: 10, models: [] })).rejects.toThrow(
      RangeError,
    );
    const m = models(data)[0]!;
    await expect(evaluate(data, { cutoff: CUTOFF, protocol: 'all', models: [m, m] })).rejects.toThrow(
      /named "oracle"/,
    );
  });
});
