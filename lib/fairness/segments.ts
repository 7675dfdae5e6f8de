/**
 * Recommendation quality per shopper segment (issue 8): the mean of a per-shopper metric (NDCG@10)
 * by segment with a normal-approximation 95 % interval, small segments flagged rather than hidden.
 */

/** Below this many shoppers a segment's figure is shown but marked "too few to judge". */
export const MIN_SEGMENT_SHOPPERS = 30;

export interface SegmentQuality {
  label: string;
  shoppers: number;
  /** Mean of the metric over the segment's shoppers, 0..1 for ranking metrics. */
  mean: number;
  /** 95 % interval of the mean (mean ± 1.96·sd/√n), clamped to [0, 1]; [mean, mean] for n < 2. */
  ci: [number, number];
  tooFew: boolean;
}

/**
 * Groups `values[t]` by `segmentOf[t]` (index into `labels`, −1 = left out) and summarises each
 * segment; segments with no shopper are omitted.
 */
export function segmentQuality(
  values: Float64Array,
  segmentOf: Int32Array,
  labels: readonly string[],
): SegmentQuality[] {
  const g = labels.length;
  const n = new Float64Array(g);
  const sum = new Float64Array(g);
  const sq = new Float64Array(g);
  for (let t = 0; t < values.length; t++) {
    const s = segmentOf[t] ?? -1;
    if (s < 0 || s >= g) continue;
    n[s]!++;
    sum[s]! += values[t]!;
    sq[s]! += values[t]! * values[t]!;
  }
  const out: SegmentQuality[] = [];
  labels.forEach((label, s) => {
    const count = n[s]!;
    if (count === 0) return;
    const mean = sum[s]! / count;
    const variance = count > 1 ? Math.max(0, (sq[s]! - count * mean * mean) / (count - 1)) : 0;
    const half = count > 1 ? 1.96 * Math.sqrt(variance / count) : 0;
    out.push({
      label,
      shoppers: count,
      mean,
      ci: [Math.max(0, mean - half), Math.min(1, mean + half)],
      tooFew: count < MIN_SEGMENT_SHOPPERS,
    });
  });
  return out;
}

/**
 * Segments by a label per shopper: the `top` most frequent labels by name, the rest as `other`,
 * missing labels as `unknown`. Returns the segment index per shopper and the labels.
 */
export function topLabels(
  raw: readonly (string | null | undefined)[],
  top: number,
  other = 'Other',
  unknown = 'Unknown',
): { labels: string[]; segmentOf: Int32Array } {
  const count = new Map<string, number>();
  for (const r of raw) if (r) count.set(r, (count.get(r) ?? 0) + 1);
  const named = [...count]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([l]) => l);
  const labels = [...named];
  const index = new Map(named.map((l, i) => [l, i]));
  const otherAt = count.size > named.length ? labels.push(other) - 1 : -1;
  const unknownAt = raw.some((r) => !r) ? labels.push(unknown) - 1 : -1;
  const segmentOf = Int32Array.from(raw, (r) => (r ? (index.get(r) ?? otherAt) : unknownAt));
  return { labels, segmentOf };
}
