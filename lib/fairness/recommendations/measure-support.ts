/**
 * Helpers of the fairness measurement: a recording wrapper that keeps each test shopper's scored
 * candidates (the harness only keeps items), and the per-item and per-shopper histories.
 */
import {
  type Dataset,
  KIND_CODE,
  type Ranked,
  type RecommendQuery,
  type Recommender,
} from '@/lib/recommend/types';
import { segmentQuality, topLabels } from '../segments';
import type { ItemFacts } from './measure';
import type { MitigationRow } from './report';

/** Keeps each shopper's ranked candidates with their scores; the harness sees the plain model. */
export class Recording implements Recommender {
  readonly ranked = new Map<number, Ranked>();
  constructor(private readonly inner: Recommender) {}
  get name(): string {
    return this.inner.name;
  }
  fit(train: Dataset, o: { asOf: number }): void | Promise<void> {
    return this.inner.fit(train, o);
  }
  recommend(q: RecommendQuery): Ranked {
    const r = this.inner.recommend(q);
    if (q.shopper !== undefined) this.ranked.set(q.shopper, r);
    return r;
  }
}

/**
 * Purchases per item before and after the cutoff, each test shopper's category mix before it
 * (purchases; any interaction when they bought nothing) and whether they had bought before it.
 */
export function histories(d: Dataset, testShoppers: Int32Array, cutoff: number, facts: ItemFacts) {
  const nItems = d.itemIds.length;
  const trainPurchases = new Float64Array(nItems);
  const testPurchases = new Float64Array(nItems);
  const rowOf = new Int32Array(d.shopperIds.length).fill(-1);
  testShoppers.forEach((s, t) => {
    rowOf[s] = t;
  });
  const bought = Array.from({ length: testShoppers.length }, () => new Map<number, number>());
  const seen = Array.from({ length: testShoppers.length }, () => new Map<number, number>());
  const returning = new Uint8Array(testShoppers.length);
  // Content seeds per test shopper, as serving weighs its history: a purchase 1, another event 0.25.
  const seeds = Array.from({ length: testShoppers.length }, () => new Map<number, number>());
  for (let i = 0; i < d.time.length; i++) {
    const item = d.item[i]!;
    const purchase = d.kind[i] === KIND_CODE.purchase;
    if (d.time[i]! >= cutoff) {
      if (purchase) testPurchases[item]!++;
      continue;
    }
    if (purchase) trainPurchases[item]!++;
    const t = rowOf[d.shopper[i]!]!;
    if (t < 0) continue;
    const c = facts.categoryId[item] ?? -1;
    const into = purchase ? bought[t]! : seen[t]!;
    into.set(c, (into.get(c) ?? 0) + 1);
    const own = seeds[t]!;
    own.set(item, Math.max(own.get(item) ?? 0, purchase ? 1 : 0.25));
    if (purchase) returning[t] = 1;
  }
  const profiles = bought.map((b, t) => normalise(b.size > 0 ? b : seen[t]!));
  return { trainPurchases, testPurchases, profiles, returning, seeds };
}

function normalise(counts: Map<number, number>): Map<number, number> {
  let total = 0;
  for (const v of counts.values()) total += v;
  return new Map([...counts].map(([c, v]) => [c, v / total]));
}

/** The indexes whose flag is 1 (catalog items of a protected group). */
export function members(flags: Uint8Array): number[] {
  const out: number[] = [];
  flags.forEach((v, j) => {
    if (v === 1) out.push(j);
  });
  return out;
}

/** Arithmetic mean, 0 for an empty array. */
export function mean(v: Float64Array): number {
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
}

/** Share of the shown slots (−1 = empty, skipped) whose item is flagged in `member`. */
export function slotShare(lists: Int32Array, member: Uint8Array): number {
  let shown = 0;
  let inside = 0;
  for (const j of lists) {
    if (j < 0) continue;
    shown++;
    inside += member[j] ?? 0;
  }
  return shown ? inside / shown : 0;
}

/**
 * Cosine similarity of an item's vector to the weighted mean of the seeds' vectors (NaN for an
 * item without one), or null when no seed has a vector: the offline twin of ../serve-content.ts.
 */
export function seedSimilarity(
  vectors: ReadonlyArray<Float32Array | null> | null | undefined,
  seeds: ReadonlyMap<number, number>,
): ((item: number) => number) | null {
  if (!vectors) return null;
  const norms = normsOf(vectors);
  let query: Float32Array | null = null;
  for (const [item, weight] of seeds) {
    const v = vectors[item];
    if (!v) continue;
    query ??= new Float32Array(v.length);
    for (let d = 0; d < v.length; d++) query[d]! += (weight * v[d]!) / norms[item]!;
  }
  if (!query) return null;
  const q = query;
  let qNorm = 0;
  for (const x of q) qNorm += x * x;
  qNorm = Math.sqrt(qNorm);
  if (qNorm === 0) return null;
  return (item) => {
    const v = vectors[item];
    if (!v || v.length !== q.length) return Number.NaN;
    let dot = 0;
    for (let d = 0; d < v.length; d++) dot += v[d]! * q[d]!;
    return dot / (qNorm * norms[item]!);
  };
}

const normCache = new WeakMap<ReadonlyArray<Float32Array | null>, Float64Array>();

/** Euclidean norm per vector (1 where missing or zero), computed once per vector array. */
function normsOf(vectors: ReadonlyArray<Float32Array | null>): Float64Array {
  let out = normCache.get(vectors);
  if (out) return out;
  out = Float64Array.from(vectors, (v) => {
    let s = 0;
    if (v) for (const x of v) s += x * x;
    return s > 0 ? Math.sqrt(s) : 1;
  });
  normCache.set(vectors, out);
  return out;
}

/** One before/after row of the mitigation table. */
export function mitigationRow(
  metric: MitigationRow['metric'],
  kind: MitigationRow['kind'],
  before: number,
  after: number,
  higherIsBetter = true,
): MitigationRow {
  return { metric, kind, before, after, higherIsBetter };
}

/**
 * NDCG@10 per segment before and after: the test shoppers' countries (top 5, the rest pooled) and
 * new vs returning (`returning[t]` = 1 when they bought before the cutoff).
 */
export function segmentRows(
  countries: readonly (string | null)[],
  returning: Uint8Array,
  before: Float64Array,
  after: Float64Array,
) {
  const country = topLabels(countries, 5);
  const tenure = { labels: ['New shoppers', 'Returning shoppers'], segmentOf: Int32Array.from(returning) };
  return (['country', 'tenure'] as const).map((dimension) => {
    const s = dimension === 'country' ? country : tenure;
    const afterRows = segmentQuality(after, s.segmentOf, s.labels);
    return {
      dimension,
      rows: segmentQuality(before, s.segmentOf, s.labels).map((row) => ({
        ...row,
        meanAfter: afterRows.find((a) => a.label === row.label)?.mean ?? row.mean,
      })),
    };
  });
}
