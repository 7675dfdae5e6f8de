import { describe, expect, it } from 'vitest';
import { MIN_SEGMENT_SHOPPERS, segmentQuality, topLabels } from './segments';

describe('segmentQuality', () => {
  it('averages per segment with a normal 95 % interval and flags small segments', () => {
    // Segment A: 0, 1 → mean 0.5, sd √0.5, half-width 1.96·√(0.5/2) = 0.98; segment B: one shopper.
    const out = segmentQuality(Float64Array.from([0, 1, 0.4]), Int32Array.from([0, 0, 1]), ['A', 'B', 'C']);
    expect(out.map((s) => s.label)).toEqual(['A', 'B']);
    expect(out[0]!.mean).toBe(0.5);
    expect(out[0]!.ci[0]).toBe(0);
    expect(out[0]!.ci[1]).toBe(1);
    expect(out[1]).toEqual({ label: 'B', shoppers: 1, mean: 0.4, ci: [0.4, 0.4], tooFew: true });
  });

  it('does not flag a segment of MIN_SEGMENT_SHOPPERS', () => {
    const n = MIN_SEGMENT_SHOPPERS;
    const values = Float64Array.from({ length: n }, (_, i) => (i % 2 ? 0.2 : 0.4));
    const [s] = segmentQuality(values, new Int32Array(n), ['all']);
    expect(s!.tooFew).toBe(false);
    expect(s!.mean).toBeCloseTo(0.3, 12);
    expect(s!.ci[1] - s!.ci[0]).toBeGreaterThan(0);
  });
});

describe('topLabels', () => {
  it('names the most frequent labels and pools the rest', () => {
    const { labels, segmentOf } = topLabels(['DE', 'FR', 'DE', 'UK', null], 2);
    expect(labels).toEqual(['DE', 'FR', 'Other', 'Unknown']);
    expect([...segmentOf]).toEqual([0, 1, 0, 2, 3]);
  });
});
