/**
 * Offline metrics over top-k lists stored as one Int32Array (`lists[t * k + r]`, −1 = no item), so
 * scoring thousands of shoppers is a few tight loops. Ranking metrics are per shopper and averaged;
 * novelty and popularity bias are shares of all recommended slots, kept per shopper as sums so the
 * bootstrap can resample shoppers for every metric alike.
 */
import type { ItemLists } from './split';

export const RANK_METRICS = ['hr10', 'recall10', 'recall20', 'ndcg10', 'map10'] as const;
export const SHOPPER_METRICS = [...RANK_METRICS, 'novelty', 'popularityBias'] as const;
export const METRICS = [...SHOPPER_METRICS, 'coverage'] as const;
export type ShopperMetric = (typeof SHOPPER_METRICS)[number];
export type MetricName = (typeof METRICS)[number];
export type Metrics = Record<MetricName, number>;
export type Interval = readonly [low: number, high: number];

/** Coverage, novelty and popularity bias look at what a shopper would see: the first 10 slots. */
export const BEYOND_DEPTH = 10;

/** Per-item figures the beyond-accuracy metrics need, indexed like `itemIds`. */
export interface ItemStats {
  /** −log2(share of training shoppers who interacted with the item); 0 for items never seen. */
  selfInfo: Float64Array;
  /** 1 for the top `topShare` of candidate items by training popularity (ties: lower index first). */
  top: Uint8Array;
}

/** Per-shopper values: ranking metrics in [0, 1]; novelty and bias as sums over the shopper's slots. */
export interface ShopperScores {
  values: Record<ShopperMetric, Float64Array>;
  /** Items in each shopper's first BEYOND_DEPTH slots: the denominator of novelty and bias. */
  slots: Float64Array;
}

/** Builds ItemStats from distinct-shopper popularity; `shoppers` is the number of training shoppers. */
export function itemStats(
  popularity: Float64Array,
  candidate: Uint8Array,
  shoppers: number,
  topShare = 0.1,
): ItemStats {
  const n = popularity.length;
  const selfInfo = new Float64Array(n);
  const ranked: number[] = [];
  for (let j = 0; j < n; j++) {
    if (popularity[j]! > 0 && shoppers > 0) selfInfo[j] = Math.log2(shoppers / popularity[j]!); // = −log2(share), without a −0
    if (candidate[j]) ranked.push(j);
  }
  ranked.sort((a, b) => popularity[b]! - popularity[a]! || a - b);
  const top = new Uint8Array(n);
  const count = Math.ceil(ranked.length * topShare);
  for (let r = 0; r < count; r++) top[ranked[r]!] = 1;
  return { selfInfo, top };
}

/**
 * Scores every shopper's list against its truth. NDCG uses binary relevance and the ideal DCG of
 * min(10, |truth|) hits; MAP@10 divides by the same min; recall divides by |truth|.
 */
export function scoreLists(lists: Int32Array, k: number, truth: ItemLists, stats: ItemStats): ShopperScores {
  const n = truth.offsets.length - 1;
  const values = Object.fromEntries(SHOPPER_METRICS.map((m) => [m, new Float64Array(n)])) as Record<
    ShopperMetric,
    Float64Array
  >;
  const slots = new Float64Array(n);
  const discount = Float64Array.from({ length: Math.max(k, 10) }, (_, r) => 1 / Math.log2(r + 2));
  const mark = new Int32Array(stats.selfInfo.length);
  for (let t = 0; t < n; t++) {
    const from = truth.offsets[t]!;
    const size = truth.offsets[t + 1]! - from;
    for (let j = from; j < from + size; j++) mark[truth.items[j]!] = t + 1;
    let hits20 = 0;
    let hits10 = 0;
    let dcg = 0;
    let ap = 0;
    let info = 0;
    let topHits = 0;
    let seenSlots = 0;
    for (let r = 0; r < k; r++) {
      const item = lists[t * k + r]!;
      if (item < 0) continue;
      const rel = mark[item] === t + 1;
      if (rel && r < 20) hits20++;
      if (r < 10) {
        if (rel) {
          hits10++;
          dcg += discount[r]!;
          ap += hits10 / (r + 1);
        }
        info += stats.selfInfo[item]!;
        topHits += stats.top[item]!;
        seenSlots++;
      }
    }
    let idcg = 0;
    for (let r = 0; r < Math.min(10, size); r++) idcg += discount[r]!;
    values.hr10[t] = hits10 > 0 ? 1 : 0;
    values.recall10[t] = size > 0 ? hits10 / size : 0;
    values.recall20[t] = size > 0 ? hits20 / size : 0;
    values.ndcg10[t] = idcg > 0 ? dcg / idcg : 0;
    values.map10[t] = size > 0 ? ap / Math.min(10, size) : 0;
    values.novelty[t] = info;
    values.popularityBias[t] = topHits;
    slots[t] = seenSlots;
  }
  return { values, slots };
}

/** Distinct items in the first BEYOND_DEPTH slots of the given shoppers' lists, over `candidates`. */
export function coverage(lists: Int32Array, k: number, rows: ArrayLike<number>, candidates: number): number {
  if (candidates === 0) return 0;
  const seen = new Set<number>();
  const depth = Math.min(k, BEYOND_DEPTH);
  for (let x = 0; x < rows.length; x++) {
    const base = rows[x]! * k;
    for (let r = 0; r < depth; r++) if (lists[base + r]! >= 0) seen.add(lists[base + r]!);
  }
  return seen.size / candidates;
}

/** Mean of each per-shopper metric over `rows` (all shoppers by default); empty → 0. */
export function meanScores(s: ShopperScores, rows?: ArrayLike<number>): Record<ShopperMetric, number> {
  const idx = rows ?? Int32Array.from({ length: s.slots.length }, (_, t) => t);
  let slots = 0;
  for (let x = 0; x < idx.length; x++) slots += s.slots[idx[x]!]!;
  const out = {} as Record<ShopperMetric, number>;
  for (const m of SHOPPER_METRICS) {
    let sum = 0;
    for (let x = 0; x < idx.length; x++) sum += s.values[m][idx[x]!]!;
    const den = m === 'novelty' || m === 'popularityBias' ? slots : idx.length;
    out[m] = den > 0 ? sum / den : 0;
  }
  return out;
}

/** A seeded PRNG (mulberry32): the same seed gives the same intervals on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BootstrapOptions {
  /** Default 1,000. */
  resamples?: number;
  /** Default 42. */
  seed?: number;
  /** Central coverage of the interval, default 0.95. */
  level?: number;
}

/**
 * Percentile bootstrap intervals for every per-shopper metric: shoppers are resampled with
 * replacement, and each resample is averaged the way `meanScores` averages (so novelty and bias stay
 * slot-weighted). Coverage has none: a resample has fewer distinct shoppers, so it is biased low.
 */
export function bootstrapIntervals(
  s: ShopperScores,
  opts: BootstrapOptions = {},
): Record<ShopperMetric, Interval> {
  const resamples = opts.resamples ?? 1000;
  const level = opts.level ?? 0.95;
  const n = s.slots.length;
  const rand = seededRandom(opts.seed ?? 42);
  const means = SHOPPER_METRICS.map(() => new Float64Array(resamples));
  const cols = SHOPPER_METRICS.map((m) => s.values[m]);
  const slotWeighted = SHOPPER_METRICS.map((m) => m === 'novelty' || m === 'popularityBias');
  const sums = new Float64Array(cols.length);
  for (let b = 0; b < resamples; b++) {
    sums.fill(0);
    let slots = 0;
    for (let x = 0; x < n; x++) {
      const t = Math.floor(rand() * n);
      slots += s.slots[t]!;
      for (let m = 0; m < cols.length; m++) sums[m]! += cols[m]![t]!;
    }
    for (let m = 0; m < cols.length; m++) {
      const den = slotWeighted[m] ? slots : n;
      means[m]![b] = den > 0 ? sums[m]! / den : 0;
    }
  }
  const out = {} as Record<ShopperMetric, Interval>;
  SHOPPER_METRICS.forEach((metric, m) => {
    const sorted = means[m]!.sort();
    out[metric] = [quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2)];
  });
  return out;
}

/** Linear-interpolated quantile of a sorted array (NaN when empty). */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Shoppers grouped by how many training interactions they had: the cold end is where models differ. */
export const ACTIVITY_BUCKETS = [
  { label: '1-2', min: 1, max: 2 },
  { label: '3-5', min: 3, max: 5 },
  { label: '6+', min: 6, max: Number.POSITIVE_INFINITY },
] as const;

export interface ActivityBucket {
  label: (typeof ACTIVITY_BUCKETS)[number]['label'];
  shoppers: number;
  metrics: Metrics;
}

/** Every metric per activity bucket; `activity[t]` is test shopper t's training interaction count. */
export function activityBreakdown(
  s: ShopperScores,
  lists: Int32Array,
  k: number,
  activity: Int32Array,
  candidates: number,
): ActivityBucket[] {
  return ACTIVITY_BUCKETS.map(({ label, min, max }) => {
    const rows: number[] = [];
    for (let t = 0; t < activity.length; t++) if (activity[t]! >= min && activity[t]! <= max) rows.push(t);
    return {
      label,
      shoppers: rows.length,
      metrics: { ...meanScores(s, rows), coverage: coverage(lists, k, rows, candidates) },
    };
  });
}
