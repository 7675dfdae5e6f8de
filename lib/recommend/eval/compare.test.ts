import { describe, expect, it } from 'vitest';
import { marginOverBest, pairedDifference } from './compare';
import { evaluate } from './evaluate';
import { seededRandom } from './metrics';
import { evaluationCells, metricsRecords, TABLE_HEADERS } from './report';
import { datasetFrom, fixedModel } from './testing';

describe('pairedDifference', () => {
  it('is exactly zero for equal scores and shifts with a constant gain', () => {
    const a = Float64Array.from({ length: 50 }, (_, t) => (t % 7) / 7);
    expect(pairedDifference(a, a)).toEqual({ difference: 0, ci: [0, 0], pNotAhead: 1 });
    const b = a.map((v) => v + 0.1);
    const r = pairedDifference(b, a, { resamples: 200 });
    expect(r.difference).toBeCloseTo(0.1, 12);
    expect(r.ci[0]).toBeCloseTo(0.1, 12);
    expect(r.pNotAhead).toBe(0);
  });

  it('pairs shoppers: a small gain over noisy scores is still clearly positive', () => {
    const rand = seededRandom(5);
    const base = Float64Array.from({ length: 400 }, () => rand());
    const better = base.map((v, t) => v + (t % 2 ? 0.02 : 0));
    const r = pairedDifference(better, base, { resamples: 500 });
    expect(r.ci[0]).toBeGreaterThan(0);
    expect(r.ci[1]).toBeLessThan(0.02);
    expect(() => pairedDifference(base, base.subarray(1))).toThrow(RangeError);
  });
});

describe('marginOverBest and the report', () => {
  // Shoppers 0–39 buy item 0 then (after the cutoff) item t % 5 + 1.
  const CUT = 100;
  const rows: [number, number, number][] = [];
  for (let s = 0; s < 40; s++) rows.push([s, 0, s], [s, (s % 5) + 1, CUT + s], [39 - s, (s % 5) + 1, s / 2]);
  const data = datasetFrom(rows);
  const models = [
    fixedModel('hybrid', (s) => [(s % 5) + 1, 0]),
    fixedModel('weak', () => [1, 2]),
    fixedModel('weaker', () => [0]),
  ];

  it('compares the hybrid with the best other model, paired', async () => {
    const e = await evaluate(data, { cutoff: CUT, protocol: 'all', models, keepShopperScores: true });
    const margin = marginOverBest(e)!;
    expect(margin.baseline).toBe('weak');
    expect(margin.difference).toBeCloseTo(margin.modelValue - margin.baselineValue, 12);
    expect(margin.ci[0]).toBeGreaterThan(0);
    const plain = await evaluate(data, { cutoff: CUT, protocol: 'all', models });
    expect(plain.rows[0]!.shopperScores).toBeUndefined();
    expect(marginOverBest(plain)).toBeNull();
  });

  it('prints one record per model with the issue’s keys, and a cell per header', async () => {
    const e = await evaluate(data, { cutoff: CUT, protocol: 'all', models });
    const records = metricsRecords(e);
    expect(records.map((r) => r.model)).toEqual(['hybrid', 'weak', 'weaker']);
    expect(Object.keys(records[0]!)).toEqual([
      'model',
      'hr10',
      'recall10',
      'recall20',
      'ndcg10',
      'map10',
      'coverage',
      'novelty',
      'popularityBias',
    ]);
    expect(records[0]!.hr10).toBe(1);
    for (const row of evaluationCells(e)) expect(row).toHaveLength(TABLE_HEADERS.length);
  });
});
