import { TopK } from '@/lib/embeddings/top-k';
import { groupOrder } from '../matrix/csr';
import { countBefore, DAY_MS } from '../matrix/interaction-matrix';
import { EMPTY_RANKED, toRanked } from '../matrix/rank';
import { type Dataset, KIND_CODE, type Ranked, type RecommendQuery, type Recommender } from '../types';

export interface BuyAgainOptions {
  name?: string;
  /** Purchases of one item closer than this to the previous occasion are one occasion (default 12 h). */
  occasionGapMs?: number;
  /** Pseudo-buyers pulling an item's repeat rate towards the store's (default 5). */
  priorStrength?: number;
  /** Share of the score kept far from the expected interval, so a lapsed favourite still ranks (default 0.2). */
  timingFloor?: number;
  /** Interval assumed when the store has no repeat at all (default 30 days). */
  defaultIntervalDays?: number;
  /**
   * Half-life in days of a recency factor 2^(−daysSinceLast/halfLife) on the score (default none).
   * In wholesale-like stores a recent buyer is a likely rebuyer whatever their usual interval, which
   * the timing curve alone misses; choose it (and `timingFloor`, 1 disabling the curve) on a
   * validation window.
   */
  recencyHalfLifeDays?: number;
}

/** The structured reason behind "bought 3 times, usually every 41 days". */
export interface BuyAgainReason {
  count: number;
  /** The shopper's own median interval, or the item's (then the store's) when they bought it once. */
  medianIntervalDays: number;
  intervalSource: 'shopper' | 'item' | 'store';
  daysSinceLast: number;
  /** The interval the timing curve peaks at (own median shrunk towards the item's). */
  expectedIntervalDays: number;
}

/** A fitted BuyAgainModel's arrays: shopper s's bought items are cand*[candPtr[s] .. candPtr[s+1]). */
export interface BuyAgainSnapshot {
  candPtr: Int32Array;
  candItem: Int32Array;
  candCount: Int32Array;
  candLast: Float64Array;
  candMedianDays: Float32Array;
  itemRate: Float32Array;
  itemMedianDays: Float32Array;
  storeMedianDays: number;
  timingFloor: number;
  /** Infinity when recency is off. */
  recencyHalfLifeDays: number;
}

/**
 * Repeat purchase model. For each item a shopper bought: score = repeat propensity of the item
 * (share of its buyers who bought it on ≥ 2 occasions, smoothed) × log2(1 + occasions) × a timing
 * curve of t = daysSinceLast / expectedInterval shaped t·e^(1−t): low right after a purchase,
 * 1 when the usual interval has passed, fading (to `timingFloor`) once the shopper is long overdue.
 */
export class BuyAgainModel implements Recommender {
  readonly name: string;
  private readonly opts: Required<Omit<BuyAgainOptions, 'name'>>;
  /** Shopper s's bought items: candItem/count/last/median[candPtr[s] .. candPtr[s+1]). */
  private candPtr: Int32Array = new Int32Array(1);
  private candItem: Int32Array = new Int32Array(0);
  private candCount: Int32Array = new Int32Array(0);
  private candLast: Float64Array = new Float64Array(0);
  /** Median of the shopper's own intervals in days (NaN after a single occasion). */
  private candMedianDays: Float32Array = new Float32Array(0);
  private itemRate: Float32Array = new Float32Array(0);
  /** Item median interval in days (NaN when nobody bought it twice). */
  private itemMedianDays: Float32Array = new Float32Array(0);
  private storeMedianDays = Number.NaN;

  constructor(opts: BuyAgainOptions = {}) {
    this.name = opts.name ?? 'buy-again';
    this.opts = {
      occasionGapMs: opts.occasionGapMs ?? 12 * 3_600_000,
      priorStrength: opts.priorStrength ?? 5,
      timingFloor: opts.timingFloor ?? 0.2,
      defaultIntervalDays: opts.defaultIntervalDays ?? 30,
      recencyHalfLifeDays: opts.recencyHalfLifeDays ?? Number.POSITIVE_INFINITY,
    };
  }

  fit(train: Dataset, { asOf }: { asOf: number }): void {
    const nItems = train.itemIds.length;
    const nShoppers = train.shopperIds.length;
    const end = countBefore(train, asOf);
    const purchases: number[] = [];
    for (let e = 0; e < end; e++) if (train.kind[e] === KIND_CODE.purchase) purchases.push(e);
    const events = Int32Array.from(purchases);
    const shopperOf = events.map((e) => train.shopper[e]!);
    const itemOf = events.map((e) => train.item[e]!);
    // Shopper-major, then item, then time (both passes are stable).
    const order = groupOrder(shopperOf, nShoppers, groupOrder(itemOf, nItems));

    const ptr = new Int32Array(nShoppers + 1);
    const items: number[] = [];
    const counts: number[] = [];
    const lasts: number[] = [];
    const medians: number[] = [];
    const buyers = new Int32Array(nItems);
    const repeaters = new Int32Array(nItems);
    const intervalItem: number[] = [];
    const intervalDays: number[] = [];
    const own: number[] = [];
    let at = 0;
    while (at < order.length) {
      const first = order[at]!;
      const shopper = shopperOf[first]!;
      const item = itemOf[first]!;
      own.length = 0;
      let occasions = 0;
      let last = Number.NEGATIVE_INFINITY;
      for (; at < order.length && shopperOf[order[at]!] === shopper && itemOf[order[at]!] === item; at++) {
        const t = train.time[events[order[at]!]!]!;
        if (occasions > 0 && t - last <= this.opts.occasionGapMs) continue;
        if (occasions > 0) own.push((t - last) / DAY_MS);
        occasions++;
        last = t;
      }
      buyers[item]!++;
      if (occasions > 1) repeaters[item]!++;
      for (const d of own) {
        intervalItem.push(item);
        intervalDays.push(d);
      }
      items.push(item);
      counts.push(occasions);
      lasts.push(last);
      medians.push(own.length ? median(own) : Number.NaN);
      ptr[shopper + 1]!++;
    }
    for (let s = 0; s < nShoppers; s++) ptr[s + 1]! += ptr[s]!;
    this.candPtr = ptr;
    this.candItem = Int32Array.from(items);
    this.candCount = Int32Array.from(counts);
    this.candLast = Float64Array.from(lasts);
    this.candMedianDays = Float32Array.from(medians);
    this.fitItemStats(nItems, buyers, repeaters, intervalItem, intervalDays);
  }

  /** The shopper's bought items by repeat score at `q.now`; nothing for an unknown shopper. */
  recommend(q: RecommendQuery): Ranked {
    const s = q.shopper;
    if (s === undefined || s < 0 || s >= this.candPtr.length - 1) return EMPTY_RANKED;
    const top = new TopK(q.k);
    for (let p = this.candPtr[s]!; p < this.candPtr[s + 1]!; p++) {
      const item = this.candItem[p]!;
      const score = this.scoreAt(p, q.now);
      if (score > top.threshold && !q.exclude?.has(item)) top.push(item, score);
    }
    return toRanked(top);
  }

  /**
   * The fitted state (views, do not mutate) and options: what a serving artefact stores to score
   * the same way without refitting (lib/recommend/train/model-artefact.ts).
   */
  snapshot(): BuyAgainSnapshot {
    return {
      candPtr: this.candPtr,
      candItem: this.candItem,
      candCount: this.candCount,
      candLast: this.candLast,
      candMedianDays: this.candMedianDays,
      itemRate: this.itemRate,
      itemMedianDays: this.itemMedianDays,
      storeMedianDays: this.storeMedianDays,
      timingFloor: this.opts.timingFloor,
      recencyHalfLifeDays: this.opts.recencyHalfLifeDays,
    };
  }

  /** Why `item` is suggested to `shopper` at `now`, or null when they never bought it. */
  explain(shopper: number, item: number, now: number): BuyAgainReason | null {
    const p = this.find(shopper, item);
    if (p < 0) return null;
    const ownMedian = this.candMedianDays[p]!;
    const itemMedian = this.itemMedianDays[item]!;
    const [medianIntervalDays, intervalSource] = Number.isFinite(ownMedian)
      ? [ownMedian, 'shopper' as const]
      : Number.isFinite(itemMedian)
        ? [itemMedian, 'item' as const]
        : [this.storeMedianDays, 'store' as const];
    return {
      count: this.candCount[p]!,
      medianIntervalDays,
      intervalSource,
      daysSinceLast: (now - this.candLast[p]!) / DAY_MS,
      expectedIntervalDays: this.expectedInterval(p),
    };
  }

  private scoreAt(p: number, now: number): number {
    const item = this.candItem[p]!;
    const days = Math.max(0, (now - this.candLast[p]!) / DAY_MS);
    const t = days / this.expectedInterval(p);
    const floor = this.opts.timingFloor;
    const timing = floor + (1 - floor) * t * Math.exp(1 - t);
    const recency = 2 ** (-days / this.opts.recencyHalfLifeDays);
    return this.itemRate[item]! * Math.log2(1 + this.candCount[p]!) * timing * recency;
  }

  /**
   * The shopper's median interval shrunk towards the item's, in log space (intervals are
   * multiplicative), with the item's median counting as one interval of evidence.
   */
  private expectedInterval(p: number): number {
    const item = this.candItem[p]!;
    const itemMedian = this.itemMedianDays[item]!;
    const prior = Number.isFinite(itemMedian) ? itemMedian : this.storeMedianDays;
    const ownMedian = this.candMedianDays[p]!;
    if (!Number.isFinite(ownMedian)) return prior;
    const nIntervals = this.candCount[p]! - 1;
    return Math.exp(
      (nIntervals * Math.log(Math.max(ownMedian, 1 / 24)) + Math.log(prior)) / (nIntervals + 1),
    );
  }

  private find(shopper: number, item: number): number {
    if (shopper < 0 || shopper >= this.candPtr.length - 1) return -1;
    for (let p = this.candPtr[shopper]!; p < this.candPtr[shopper + 1]!; p++)
      if (this.candItem[p] === item) return p;
    return -1;
  }

  private fitItemStats(
    nItems: number,
    buyers: Int32Array,
    repeaters: Int32Array,
    intervalItem: number[],
    intervalDays: number[],
  ): void {
    let totalBuyers = 0;
    let totalRepeaters = 0;
    for (let i = 0; i < nItems; i++) {
      totalBuyers += buyers[i]!;
      totalRepeaters += repeaters[i]!;
    }
    const storeRate = totalBuyers ? totalRepeaters / totalBuyers : 0;
    const a = this.opts.priorStrength;
    this.itemRate = new Float32Array(nItems);
    for (let i = 0; i < nItems; i++) this.itemRate[i] = (repeaters[i]! + a * storeRate) / (buyers[i]! + a);
    this.storeMedianDays = intervalDays.length ? median(intervalDays.slice()) : this.opts.defaultIntervalDays;
    const byItem = new Map<number, number[]>();
    intervalItem.forEach((item, k) => {
      const list = byItem.get(item);
      if (list) list.push(intervalDays[k]!);
      else byItem.set(item, [intervalDays[k]!]);
    });
    this.itemMedianDays = new Float32Array(nItems).fill(Number.NaN);
    for (const [item, list] of byItem) this.itemMedianDays[item] = median(list);
  }
}

/** Median of a non-empty list (sorts it in place). */
function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
