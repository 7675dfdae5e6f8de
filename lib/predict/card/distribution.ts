/**
 * Binned distributions of one value over a population: decile edges learnt on the reference
 * population, and the share of any population in those bins. Drift compares the two with PSI
 * (lib/predict/drift/psi.ts), so the bins must be the reference's, never re-learnt.
 */
import type { BinnedDistribution } from './types';

/** Reference distributions use deciles. */
export const DECILES = 10;

/** Bin of `v` for ascending `edges`: the number of edges ≤ v (0 .. edges.length). */
export function binOf(edges: readonly number[], v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ascending distinct quantile edges of the finite `values` at k/bins, k = 1 … bins − 1, leaving
 * out edges equal to the minimum (so the first bin is never empty) or to the previous edge.
 */
export function quantileEdges(values: readonly number[], bins = DECILES): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const edges: number[] = [];
  if (sorted.length === 0) return edges;
  for (let k = 1; k < bins; k++) {
    const e = sorted[Math.floor((k * sorted.length) / bins)]!;
    if (e > sorted[0]! && (edges.length === 0 || e > edges[edges.length - 1]!)) edges.push(e);
  }
  return edges;
}

/**
 * The distribution of `values` (NaN = not defined) in the bins of `edges`. With no values every
 * share is 0 and n is 0.
 */
export function binDistribution(values: readonly number[], edges: readonly number[]): BinnedDistribution {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let undefinedCount = 0;
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      undefinedCount++;
      continue;
    }
    counts[binOf(edges, v)]!++;
    sum += v;
  }
  const n = values.length;
  const defined = n - undefinedCount;
  return {
    edges: [...edges],
    shares: counts.map((c) => (n ? c / n : 0)),
    undefinedShare: n ? undefinedCount / n : 0,
    mean: defined ? sum / defined : 0,
    n,
  };
}

/** The reference distribution of `values`: decile edges learnt on them, then binned. */
export function referenceDistribution(values: readonly number[], bins = DECILES): BinnedDistribution {
  return binDistribution(values, quantileEdges(values, bins));
}
