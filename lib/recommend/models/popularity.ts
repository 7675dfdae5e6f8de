import { groupOrder } from '../matrix/csr';
import { countBefore, DAY_MS, decayFactor } from '../matrix/interaction-matrix';
import { appendRanked, excludingRanked, rankCandidates, rankDense } from '../matrix/rank';
import {
  type Dataset,
  type InteractionKind,
  KIND_CODE,
  type Ranked,
  type RecommendQuery,
  type Recommender,
} from '../types';

/** 'all-time': distinct shoppers per item; 'recent': the same over the last `windowDays`; 'decayed': each shopper's latest interaction weighted by 2^(−age/halfLife). */
export type PopularityMode = 'all-time' | 'recent' | 'decayed';
/** 'country' ranks by the shoppers of the query shopper's country, 'category' within the context item's category. */
export type PopularitySegment = 'global' | 'country' | 'category';

export interface PopularityOptions {
  name?: string;
  mode?: PopularityMode;
  /** Window of the 'recent' mode in days before `asOf` (default 30). */
  windowDays?: number;
  /** Half-life of the 'decayed' mode in days (default 7). */
  halfLifeDays?: number;
  /** Kinds that count (default purchases; all kinds when the data has no purchase at all). */
  kinds?: InteractionKind[];
  segment?: PopularitySegment;
}

/** Why an item was recommended: "popular in Germany this week" is { segment: 'country', value: 'Germany', mode: 'recent', windowDays: 7 }. */
export interface PopularityReason {
  segment: PopularitySegment;
  value: string | null;
  mode: PopularityMode;
  windowDays: number | null;
  halfLifeDays: number | null;
}

/**
 * Popularity baselines and cold-start answers. Scores count each (shopper, item) pair once, so one
 * shopper's 50 views cannot make an item "popular". Segments backfill from the global ranking when
 * they hold fewer than k items.
 */
export class PopularityModel implements Recommender {
  readonly name: string;
  private readonly opts: Required<Omit<PopularityOptions, 'name'>>;
  /** Global score per item (counted shoppers, or their decayed sum): the hybrid's popularity prior. */
  scores: Float64Array = new Float64Array(0);
  private byCountry = new Map<string, Float64Array>();
  private itemsByCategory = new Map<string, Int32Array>();
  private itemCategory: (string | null)[] = [];
  private shopperCountry: (string | null)[] = [];

  constructor(opts: PopularityOptions = {}) {
    this.opts = {
      mode: opts.mode ?? 'all-time',
      windowDays: opts.windowDays ?? 30,
      halfLifeDays: opts.halfLifeDays ?? 7,
      kinds: opts.kinds ?? ['purchase'],
      segment: opts.segment ?? 'global',
    };
    this.name = opts.name ?? defaultName(this.opts);
  }

  fit(train: Dataset, { asOf }: { asOf: number }): void {
    const nItems = train.itemIds.length;
    this.itemCategory = train.itemCategory ?? [];
    this.shopperCountry = train.shopperCountry ?? [];
    const events = this.countedEvents(train, asOf);
    this.scores = new Float64Array(nItems);
    this.byCountry = new Map();
    const countries = this.opts.segment === 'country' ? this.shopperCountry : null;
    const order = groupOrder(
      events.map((e) => train.shopper[e]!),
      train.shopperIds.length,
    );
    // Per shopper (events in time order), the latest event per item wins: one vote per pair.
    const latest = new Float64Array(nItems);
    const stamp = new Int32Array(nItems).fill(-1);
    const distinct = new Int32Array(nItems);
    let at = 0;
    while (at < order.length) {
      const shopper = train.shopper[events[order[at]!]!]!;
      let n = 0;
      for (; at < order.length && train.shopper[events[order[at]!]!] === shopper; at++) {
        const e = events[order[at]!]!;
        const item = train.item[e]!;
        if (stamp[item] !== shopper) {
          stamp[item] = shopper;
          distinct[n++] = item;
        }
        latest[item] = train.time[e]!;
      }
      const country = countries?.[shopper] ?? null;
      let target: Float64Array | undefined;
      if (country !== null && countries) {
        target = this.byCountry.get(country);
        if (!target) {
          target = new Float64Array(nItems);
          this.byCountry.set(country, target);
        }
      }
      for (let d = 0; d < n; d++) {
        const item = distinct[d]!;
        const vote =
          this.opts.mode === 'decayed' ? decayFactor(asOf - latest[item]!, this.opts.halfLifeDays) : 1;
        this.scores[item]! += vote;
        if (target) target[item]! += vote;
      }
    }
    this.itemsByCategory = groupItemsByCategory(this.itemCategory);
  }

  recommend(q: RecommendQuery): Ranked {
    if (this.opts.segment === 'country') {
      const country = q.shopper === undefined ? null : (this.shopperCountry[q.shopper] ?? null);
      if (country !== null) return this.recommendForCountry(country, q.k, q.exclude);
    }
    if (this.opts.segment === 'category') {
      const context = q.item ?? q.cart?.[q.cart.length - 1];
      const category = context === undefined ? null : (this.itemCategory[context] ?? null);
      if (category !== null) return this.recommendForCategory(category, q.k, q.exclude);
    }
    return rankDense(this.scores, q.k, { exclude: q.exclude, minScore: 0 });
  }

  /** Most popular among shoppers of `country`, backfilled from the global ranking. */
  recommendForCountry(country: string, k: number, exclude?: ReadonlySet<number>): Ranked {
    const scores = this.byCountry.get(country);
    if (!scores) return rankDense(this.scores, k, { exclude, minScore: 0 });
    return this.backfill(rankDense(scores, k, { exclude, minScore: 0 }), k, exclude);
  }

  /** Most popular items of `category`, backfilled from the global ranking. */
  recommendForCategory(category: string, k: number, exclude?: ReadonlySet<number>): Ranked {
    const items = this.itemsByCategory.get(category);
    if (!items) return rankDense(this.scores, k, { exclude, minScore: 0 });
    return this.backfill(
      rankCandidates(items, items.length, this.scores, k, { exclude, minScore: 0 }),
      k,
      exclude,
    );
  }

  /** The segment and window a query's answer comes from, for the explanation. */
  reasonFor(q: RecommendQuery): PopularityReason {
    let segment: PopularitySegment = 'global';
    let value: string | null = null;
    if (this.opts.segment === 'country' && q.shopper !== undefined) {
      value = this.shopperCountry[q.shopper] ?? null;
      if (value !== null && this.byCountry.has(value)) segment = 'country';
    } else if (this.opts.segment === 'category') {
      const context = q.item ?? q.cart?.[q.cart.length - 1];
      value = context === undefined ? null : (this.itemCategory[context] ?? null);
      if (value !== null && this.itemsByCategory.has(value)) segment = 'category';
    }
    return {
      segment,
      value: segment === 'global' ? null : value,
      mode: this.opts.mode,
      windowDays: this.opts.mode === 'recent' ? this.opts.windowDays : null,
      halfLifeDays: this.opts.mode === 'decayed' ? this.opts.halfLifeDays : null,
    };
  }

  /** Indexes of the events that count: right kinds, before `asOf`, inside the window. */
  private countedEvents(train: Dataset, asOf: number): Int32Array {
    const end = countBefore(train, asOf);
    const from =
      this.opts.mode === 'recent' ? asOf - this.opts.windowDays * DAY_MS : Number.NEGATIVE_INFINITY;
    let codes = new Set(this.opts.kinds.map((kind) => KIND_CODE[kind]));
    let seen = false;
    for (let e = 0; e < end && !seen; e++) seen = codes.has(train.kind[e]!);
    // A store that sends no purchases (views only) still deserves a popularity list.
    if (!seen) codes = new Set(Object.values(KIND_CODE));
    const out = new Int32Array(end);
    let n = 0;
    for (let e = 0; e < end; e++) if (train.time[e]! >= from && codes.has(train.kind[e]!)) out[n++] = e;
    return out.slice(0, n);
  }

  /** Appends global picks not already in `ranked` until it holds k items (scored 0: below every segment item). */
  private backfill(ranked: Ranked, k: number, exclude?: ReadonlySet<number>): Ranked {
    if (ranked.items.length >= k) return ranked;
    const skip = excludingRanked(exclude, ranked);
    const extra = rankDense(this.scores, k - ranked.items.length, { exclude: skip, minScore: 0 });
    return appendRanked(ranked, extra, () => 0);
  }
}

function groupItemsByCategory(categories: (string | null)[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  categories.forEach((category, item) => {
    if (category === null) return;
    const list = lists.get(category);
    if (list) list.push(item);
    else lists.set(category, [item]);
  });
  return new Map([...lists].map(([category, items]) => [category, Int32Array.from(items)]));
}

function defaultName(opts: Required<Omit<PopularityOptions, 'name'>>): string {
  const base =
    opts.mode === 'all-time' ? 'most-popular' : opts.mode === 'recent' ? 'recent-popular' : 'decayed-popular';
  return opts.segment === 'global' ? base : `${base}-by-${opts.segment}`;
}
