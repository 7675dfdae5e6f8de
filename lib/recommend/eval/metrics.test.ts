import { describe, expect, it } from 'vitest';
import {
  activityBreakdown,
  bootstrapIntervals,
  coverage,
  itemStats,
  meanScores,
  SHOPPER_METRICS,
  scoreLists,
} from './metrics';
import type { ItemLists } from './split';

const K = 20;
const ITEMS = 40;

/** Lists padded with −1 to K, and truth in compressed rows. */
function lists(...rows: number[][]): Int32Array {
  const out = new Int32Array(rows.length * K).fill(-1);
  rows.forEach((r, t) => {
    out.set(r, t * K);
  });
  return out;
}
function truth(...rows: number[][]): ItemLists {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, t) => {
    offsets[t + 1] = offsets[t]! + r.length;
  });
  return { offsets, items: Int32Array.from(rows.flat()) };
}
const flatStats = itemStats(new Float64Array(ITEMS).fill(1), new Uint8Array(ITEMS).fill(1), 1);
const log2 = Math.log2;

describe('ranking metrics', () => {
  it('match a hand computation (hits at ranks 1 and 3 of 3 relevant)', () => {
    const s = scoreLists(lists([1, 5, 2, 6]), K, truth([1, 2, 3]), flatStats);
    const idcg = 1 + 1 / log2(3) + 1 / log2(4);
    expect(s.values.hr10[0]).toBe(1);
    expect(s.values.recall10[0]).toBeCloseTo(2 / 3, 12);
    expect(s.values.recall20[0]).toBeCloseTo(2 / 3, 12);
    expect(s.values.ndcg10[0]).toBeCloseTo((1 + 1 / log2(4)) / idcg, 12);
    expect(s.values.map10[0]).toBeCloseTo((1 / 1 + 2 / 3) / 3, 12);
  });

  it('use the min(k, |truth|) ideal when truth is smaller than k', () => {
    // One relevant item at rank 2: ideal DCG is a single hit at rank 1, not ten.
    const s = scoreLists(lists([9, 7, 8]), K, truth([7]), flatStats);
    expect(s.values.ndcg10[0]).toBeCloseTo(1 / log2(3), 12);
    expect(s.values.map10[0]).toBeCloseTo(1 / 2, 12);
    expect(s.values.recall10[0]).toBe(1);
  });

  it('reach 1 for a perfect top 10 even when truth is larger than k', () => {
    const rel = Array.from({ length: 12 }, (_, j) => j);
    const list = [...rel.slice(0, 10), 30, 31, 32, 33, 10, 11];
    const s = scoreLists(lists(list), K, truth(rel), flatStats);
    expect(s.values.ndcg10[0]).toBeCloseTo(1, 12);
    expect(s.values.map10[0]).toBeCloseTo(1, 12);
    expect(s.values.recall10[0]).toBeCloseTo(10 / 12, 12);
    expect(s.values.recall20[0]).toBe(1);
  });

  it('count a hit at rank 15 only in Recall@20', () => {
    const list = Array.from({ length: 20 }, (_, r) => (r === 14 ? 3 : 20 + r));
    const s = scoreLists(lists(list), K, truth([3, 4]), flatStats);
    expect([s.values.hr10[0], s.values.recall10[0], s.values.ndcg10[0], s.values.map10[0]]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(s.values.recall20[0]).toBe(0.5);
  });

  it('ignore padding and average over shoppers', () => {
    const s = scoreLists(lists([], [4]), K, truth([4], [4]), flatStats);
    expect(meanScores(s).hr10).toBe(0.5);
    expect(meanScores(s).ndcg10).toBe(0.5);
    expect(meanScores(s, [1]).ndcg10).toBe(1);
  });
});

describe('beyond-accuracy metrics', () => {
  // 4 training shoppers; 10 candidate items, so the top 10% is item 0 alone.
  const pop = Float64Array.from([4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  const candidate = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  const stats = itemStats(pop, candidate, 4);

  it('measure self-information and the top-decile share', () => {
    expect([...stats.selfInfo.slice(0, 3)]).toEqual([0, 1, 2]);
    expect(stats.top.reduce((a, b) => a + b, 0)).toBe(1);
    expect(stats.top[0]).toBe(1);
    const s = scoreLists(lists([0, 1], [2]), K, truth([9], [9]), stats);
    const m = meanScores(s);
    // Slot-weighted: (0 + 1 + 2) / 3 slots; one of three slots is the top item.
    expect(m.novelty).toBeCloseTo(1, 12);
    expect(m.popularityBias).toBeCloseTo(1 / 3, 12);
  });

  it('count coverage as distinct recommended items over candidates, in the first 10 slots', () => {
    const l = lists([0, 1], [1, 2], [...Array.from({ length: 10 }, () => 0), 5]);
    expect(coverage(l, K, [0, 1, 2], 10)).toBeCloseTo(3 / 10, 12);
    expect(coverage(l, K, [1], 10)).toBeCloseTo(2 / 10, 12);
  });
});

describe('bootstrap intervals', () => {
  const n = 300;
  const rows = Array.from({ length: n }, (_, t) => (t % 3 === 0 ? [t % ITEMS] : [(t + 1) % ITEMS]));
  const s = scoreLists(lists(...rows), K, truth(...rows.map((_, t) => [t % ITEMS])), flatStats);

  it('contain the point estimate and repeat exactly with the same seed', () => {
    const a = bootstrapIntervals(s, { seed: 7 });
    const b = bootstrapIntervals(s, { seed: 7 });
    expect(a).toEqual(b);
    const mean = meanScores(s);
    for (const m of SHOPPER_METRICS) {
      expect(a[m][0]).toBeLessThanOrEqual(mean[m]);
      expect(a[m][1]).toBeGreaterThanOrEqual(mean[m]);
    }
    expect(a.hr10[1] - a.hr10[0]).toBeGreaterThan(0.05);
    expect(bootstrapIntervals(s, { seed: 8 }).hr10).not.toEqual(a.hr10);
  });

  it('narrow with a lower level', () => {
    const wide = bootstrapIntervals(s, { resamples: 200 });
    const narrow = bootstrapIntervals(s, { resamples: 200, level: 0.5 });
    expect(narrow.hr10[1] - narrow.hr10[0]).toBeLessThan(wide.hr10[1] - wide.hr10[0]);
  });
});

describe('activity breakdown', () => {
  it('groups shoppers by training interactions', () => {
    const s = scoreLists(lists([1], [9], [2], [3]), K, truth([1], [2], [2], [3]), flatStats);
    const b = activityBreakdown(s, lists([1], [9], [2], [3]), K, Int32Array.from([1, 2, 4, 6]), ITEMS);
    expect(b.map((x) => [x.label, x.shoppers, x.metrics.hr10])).toEqual([
      ['1-2', 2, 0.5],
      ['3-5', 1, 1],
      ['6+', 1, 1],
    ]);
    expect(b[0]!.metrics.coverage).toBeCloseTo(2 / ITEMS, 12);
  });
});
