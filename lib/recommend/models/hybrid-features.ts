import { countBefore, DAY_MS } from '../matrix/interaction-matrix';
import { type Dataset, KIND_CODE, type Ranked, type RecommendQuery, type Recommender } from '../types';

/** How a component's scores become features comparable across components and queries. */
export type ScoreNormalization = 'minmax' | 'rank';

/** The prior features every blend has; `REPEAT_PRIORS` join them with `repeatFeatures`. */
export const BASE_PRIORS = ['popularity', 'bought-before'] as const;
export const REPEAT_PRIORS = ['purchases', 'purchase-recency'] as const;

export interface PriorOptions {
  /**
   * Add the shopper's own purchase count of the item and how recently they bought it, on an absolute
   * scale. Component scores are normalised per query, which erases the difference between "bought
   * 40 times, last week" and "bought twice, last spring"; these keep it (default false).
   */
  repeatFeatures?: boolean;
  /** Half-life of `purchase-recency` in days (default 30). */
  recencyHalfLifeDays?: number;
}

/** Purchase counts saturate here: log2(1 + count) / log2(1 + PURCHASES_CAP) is capped at 1. */
const PURCHASES_CAP = 31;

/**
 * Item and shopper facts the blend can lean on besides the components: how popular an item is and
 * whether the shopper bought it before (and, optionally, how often and how recently). Computed as
 * of a date, like everything else.
 */
export class HybridPriors {
  /** log1p(distinct shoppers) / log1p(max): in [0, 1]. */
  readonly popularity: Float32Array;
  readonly names: readonly string[];
  private readonly boughtPtr: Int32Array;
  private readonly boughtItems: Int32Array;
  private readonly boughtCount: Int32Array;
  private readonly boughtLast: Float64Array;
  private readonly seen: Uint8Array;
  private readonly asOf: number;
  private readonly halfLifeMs: number;

  constructor(train: Dataset, asOf: number, opts: PriorOptions = {}) {
    const end = countBefore(train, asOf);
    const nItems = train.itemIds.length;
    const nShoppers = train.shopperIds.length;
    this.asOf = asOf;
    this.halfLifeMs = (opts.recencyHalfLifeDays ?? 30) * DAY_MS;
    this.names = opts.repeatFeatures ? [...BASE_PRIORS, ...REPEAT_PRIORS] : BASE_PRIORS;
    const pairs = new Set<number>();
    const bought = new Map<number, number>();
    this.seen = new Uint8Array(nShoppers);
    for (let e = 0; e < end; e++) {
      const key = train.shopper[e]! * nItems + train.item[e]!;
      pairs.add(key);
      this.seen[train.shopper[e]!] = 1;
      if (train.kind[e] === KIND_CODE.purchase) bought.set(key, (bought.get(key) ?? 0) + 1);
    }
    const counts = new Float64Array(nItems);
    for (const key of pairs) counts[key % nItems]!++;
    let max = 0;
    for (const c of counts) if (c > max) max = c;
    this.popularity = new Float32Array(nItems);
    const scale = max > 0 ? 1 / Math.log1p(max) : 0;
    for (let i = 0; i < nItems; i++) this.popularity[i] = Math.log1p(counts[i]!) * scale;
    // Sorted keys give each shopper's bought items in ascending order: binary-searchable rows.
    const keys = Float64Array.from(bought.keys()).sort();
    this.boughtPtr = new Int32Array(nShoppers + 1);
    this.boughtItems = new Int32Array(keys.length);
    this.boughtCount = new Int32Array(keys.length);
    this.boughtLast = new Float64Array(keys.length);
    keys.forEach((key, at) => {
      this.boughtPtr[Math.floor(key / nItems) + 1]!++;
      this.boughtItems[at] = key % nItems;
      this.boughtCount[at] = bought.get(key)!;
    });
    for (let s = 0; s < nShoppers; s++) this.boughtPtr[s + 1]! += this.boughtPtr[s]!;
    // Time is ascending, so the last write per pair is its latest purchase.
    if (opts.repeatFeatures) {
      for (let e = 0; e < end; e++) {
        if (train.kind[e] !== KIND_CODE.purchase) continue;
        this.boughtLast[this.find(train.shopper[e]!, train.item[e]!)] = train.time[e]!;
      }
    }
  }

  /** Whether the shopper purchased the item before the priors' date. */
  boughtBefore(shopper: number | undefined, item: number): boolean {
    return this.find(shopper, item) >= 0;
  }

  /** Whether the shopper had any interaction before the priors' date (warm) or none (cold). */
  isKnown(shopper: number | undefined): boolean {
    return shopper !== undefined && this.seen[shopper] === 1;
  }

  /** Writes the prior features of (shopper, item) into `out[at ..]`, in the order of `names`. */
  write(shopper: number | undefined, item: number, out: Float32Array, at: number): void {
    out[at] = this.popularity[item] ?? 0;
    const p = this.find(shopper, item);
    out[at + 1] = p >= 0 ? 1 : 0;
    if (this.names.length === BASE_PRIORS.length) return;
    out[at + 2] =
      p >= 0 ? Math.min(1, Math.log2(1 + this.boughtCount[p]!) / Math.log2(1 + PURCHASES_CAP)) : 0;
    out[at + 3] = p >= 0 ? 2 ** (-Math.max(0, this.asOf - this.boughtLast[p]!) / this.halfLifeMs) : 0;
  }

  /** Position of (shopper, item) among the bought pairs, −1 when not bought. */
  private find(shopper: number | undefined, item: number): number {
    if (shopper === undefined || shopper < 0 || shopper >= this.boughtPtr.length - 1) return -1;
    let lo = this.boughtPtr[shopper]!;
    let hi = this.boughtPtr[shopper + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.boughtItems[mid]!;
      if (v === item) return mid;
      if (v < item) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Feature names: one per component, then the priors. */
export function featureNames(
  components: readonly Recommender[],
  priors: readonly string[] = BASE_PRIORS,
): string[] {
  return [...components.map((c) => c.name), ...priors];
}

/**
 * Gathers the candidates of every component for one query and writes their features into reused
 * buffers: row r of `features` (length count × nFeatures) belongs to `items[r]`. Candidates missing
 * from a component get 0 for it; present ones get a value in (0, 1], so "proposed at all" and
 * "proposed last" stay distinguishable.
 */
export class CandidateBuilder {
  readonly nFeatures: number;
  items: Int32Array;
  features: Float32Array;
  count = 0;
  private rowOf: Int32Array;

  constructor(
    private readonly components: readonly Recommender[],
    private readonly priors: HybridPriors | null,
    private readonly perComponent = 200,
    private readonly normalization: ScoreNormalization = 'minmax',
  ) {
    this.nFeatures = components.length + (priors?.names.length ?? BASE_PRIORS.length);
    const capacity = components.length * perComponent;
    this.items = new Int32Array(capacity);
    this.features = new Float32Array(capacity * this.nFeatures);
    this.rowOf = new Int32Array(priors?.popularity.length ?? 0).fill(-1);
  }

  /** Fills `items`, `features` and `count` for `q`; returns the candidate count. */
  build(q: RecommendQuery): number {
    for (let r = 0; r < this.count; r++) this.clearRow(r);
    this.count = 0;
    const sub: RecommendQuery = { ...q, k: this.perComponent };
    for (let c = 0; c < this.components.length; c++) this.addComponent(c, this.components[c]!.recommend(sub));
    const priors = this.priors;
    if (priors) {
      const f = this.nFeatures;
      const at = this.components.length;
      for (let r = 0; r < this.count; r++) priors.write(q.shopper, this.items[r]!, this.features, r * f + at);
    }
    return this.count;
  }

  private addComponent(c: number, ranked: Ranked): void {
    const n = ranked.items.length;
    if (n === 0) return;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const s = ranked.scores[i]!;
      if (s < min) min = s;
      if (s > max) max = s;
    }
    const span = max - min;
    for (let i = 0; i < n; i++) {
      const row = this.rowFor(ranked.items[i]!);
      const value =
        this.normalization === 'rank'
          ? 1 / Math.log2(i + 2)
          : span > 0
            ? 0.1 + (0.9 * (ranked.scores[i]! - min)) / span
            : 1;
      this.features[row * this.nFeatures + c] = value;
    }
  }

  private rowFor(item: number): number {
    if (item >= this.rowOf.length) this.growRowIndex(item + 1);
    const known = this.rowOf[item]!;
    if (known >= 0) return known;
    if (this.count === this.items.length) this.growRows();
    const row = this.count++;
    this.items[row] = item;
    this.rowOf[item] = row;
    return row;
  }

  private clearRow(r: number): void {
    this.rowOf[this.items[r]!] = -1;
    this.features.fill(0, r * this.nFeatures, (r + 1) * this.nFeatures);
  }

  // Components may return more than `perComponent` (or unseen item indexes): grow, never fail.
  private growRows(): void {
    const items = new Int32Array(Math.max(16, this.items.length * 2));
    items.set(this.items);
    const features = new Float32Array(items.length * this.nFeatures);
    features.set(this.features);
    this.items = items;
    this.features = features;
  }

  private growRowIndex(size: number): void {
    const rowOf = new Int32Array(Math.max(size, this.rowOf.length * 2)).fill(-1);
    rowOf.set(this.rowOf);
    this.rowOf = rowOf;
  }
}
