/**
 * A live model in memory: the artefact's typed arrays plus the lookups built once at load (id →
 * index maps, popularity orders). Every method is synchronous, allocation-light and reads only
 * memory, so the hot path never touches the database. Scratch buffers are per instance: safe
 * because a call never yields.
 */
import { SparseAccumulator } from '../matrix/accumulator';
import { HistoryParts } from './history-parts';
import { DAY_MS } from '../matrix/interaction-matrix';
import { EMPTY_RANKED, type ItemFilter, rankCandidates } from '../matrix/rank';
import type { TopSelection } from '../matrix/select';
import type { ModelArtefact, RowLists } from '../train/model-artefact';
import { findSorted } from '../train/tables';
import type { Ranked } from '../types';

/** A request against a model, in its item / shopper indexes. */
export interface ServeQuery {
  shopper?: number;
  /** The item on screen. */
  item?: number;
  cart?: readonly number[];
  /** Epoch ms: buy-again timing and recency are relative to it. */
  now: number;
  k: number;
  exclude?: ItemFilter;
  /**
   * The content component's candidates (k best by product vectors for this query's seeds), when
   * the tenant has vectors; the blend's content feature is 0 without it. Ranked when they were
   * scanned; a selection (unordered, a view valid until the next one) on the hot path.
   */
  content?: (k: number) => Ranked | TopSelection;
  /**
   * With explanations: the seed (catalog/model item) a content candidate is most similar to and
   * that cosine similarity, null when unknown. Valid after `content` has run.
   */
  contentSeed?: (item: number) => { item: number; similarity: number } | null;
  /**
   * Whether the reasons will be shown (default true). Without it, blended items keep their
   * feature as the reason and the "similar to" seed is not searched for: that search was most of
   * a personal request's time, spent on text nobody reads.
   */
  explain?: boolean;
  /**
   * Items treated as if the shopper had never interacted with them (counterfactual explanations):
   * skipped as kNN/EASE seeds, as buy-again candidates and by the purchase priors. The model
   * itself is never changed.
   */
  without?: ReadonlySet<number>;
}

/** Seeds weigh as in the fitted models: history cells are 1 (binary), the context counts 2 for kNN, 1 for EASE. */
const KNN_CONTEXT = 2;
const EASE_CONTEXT = 1;
/** kNN and EASE candidates must score above this: no signal is no recommendation. */
export const SPREAD_MIN_SCORE = 0;

export class ServingModel {
  readonly itemIndex: ReadonlyMap<string, number>;
  readonly shopperIndex: ReadonlyMap<string, number>;
  readonly countryIndex: ReadonlyMap<string, number>;
  /** Items by descending score, zero scores left out. */
  readonly recentOrder: Int32Array;
  readonly decayedOrder: Int32Array;
  private readonly acc: SparseAccumulator;
  private readonly historyParts = new HistoryParts();
  private readonly popularLists = new Map<Int32Array, Map<number, Ranked>>();
  private pairs: { expected: Float64Array; weight: Float64Array } | undefined;

  constructor(
    readonly a: ModelArtefact,
    /** The `recommend_models` row this came from. */
    readonly versionId: string,
    readonly version: number,
    readonly bytes: number,
  ) {
    this.itemIndex = new Map(a.itemIds.map((id, i) => [id, i]));
    this.shopperIndex = new Map(a.shopperIds.map((id, s) => [id, s]));
    this.countryIndex = new Map(a.countries.map((c, i) => [c, i]));
    this.recentOrder = orderOf(a.popularity.recent);
    this.decayedOrder = orderOf(a.popularity.decayed);
    this.acc = new SparseAccumulator(a.itemIds.length);
  }

  get nItems(): number {
    return this.a.itemIds.length;
  }

  /** Whether the shopper interacted with anything before the model's cutoff. */
  isKnown(shopper: number | undefined): shopper is number {
    const h = this.a.history.ptr;
    return shopper !== undefined && shopper >= 0 && shopper < h.length - 1 && h[shopper + 1]! > h[shopper]!;
  }

  /**
   * The unranked scores of item-kNN (Σ over seeds, history 1 and context 2, of weight × neighbour
   * similarity), EASE (Σ over seeds of weight × B[seed][item]) and buy-again, in the model's shared
   * accumulator (valid until the next call): the blend cuts them itself (matrix/select.ts).
   * Only scores above `SPREAD_MIN_SCORE` count as kNN and EASE candidates.
   */
  knnInto(q: ServeQuery): SparseAccumulator {
    return this.spread(this.a.knn, q, KNN_CONTEXT);
  }

  easeInto(q: ServeQuery): SparseAccumulator {
    return this.spread(this.a.ease, q, EASE_CONTEXT);
  }

  /** The shopper's bought items by repeat score at `q.now` (the fitted BuyAgainModel's formula). */
  buyAgainScores(q: ServeQuery): Ranked {
    return this.ranked(this.buyAgainInto(q), q, Number.NEGATIVE_INFINITY);
  }

  buyAgainInto(q: ServeQuery): SparseAccumulator {
    const b = this.a.buyAgain;
    const s = q.shopper;
    const acc = this.acc;
    acc.reset();
    if (s === undefined || s < 0 || s >= b.ptr.length - 1) return acc;
    const without = q.without;
    for (let p = b.ptr[s]!; p < b.ptr[s + 1]!; p++)
      if (!without?.has(b.items[p]!)) acc.add(b.items[p]!, this.buyAgainScoreAt(p, q.now));
    return acc;
  }

  private ranked(acc: SparseAccumulator, q: ServeQuery, minScore: number): Ranked {
    if (acc.count === 0) return EMPTY_RANKED;
    return rankCandidates(acc.touched, acc.count, acc.values, q.k, { exclude: q.exclude, minScore });
  }

  /** Position of (shopper, item) among the bought pairs, −1 when never bought. */
  boughtPair(shopper: number | undefined, item: number): number {
    const b = this.a.buyAgain;
    if (shopper === undefined || shopper < 0 || shopper >= b.ptr.length - 1) return -1;
    return findSorted(b.items, b.ptr[shopper]!, b.ptr[shopper + 1]!, item);
  }

  buyAgainScoreAt(p: number, now: number): number {
    const b = this.a.buyAgain;
    const pairs = this.pairConstants();
    const days = Math.max(0, (now - b.last[p]!) / DAY_MS);
    const t = days / pairs.expected[p]!;
    const timing = b.timingFloor + (1 - b.timingFloor) * t * Math.exp(1 - t);
    const recency = b.recencyHalfLifeDays === null ? 1 : 2 ** (-days / b.recencyHalfLifeDays);
    return pairs.weight[p]! * timing * recency;
  }

  /**
   * Per bought pair, what its repeat score needs besides `now`: the expected interval and the
   * item rate × log2(1 + count). Computed once per model: they were two logarithms and an
   * exponential per pair on every personalized request.
   */
  private pairConstants(): { expected: Float64Array; weight: Float64Array } {
    if (this.pairs) return this.pairs;
    const b = this.a.buyAgain;
    const n = b.items.length;
    const expected = new Float64Array(n);
    const weight = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      expected[p] = this.expectedIntervalDays(p);
      weight[p] = b.itemRate[b.items[p]!]! * Math.log2(1 + b.count[p]!);
    }
    this.pairs = { expected, weight };
    return this.pairs;
  }

  /** The shopper's median interval shrunk towards the item's in log space (as BuyAgainModel). */
  expectedIntervalDays(p: number): number {
    const b = this.a.buyAgain;
    const itemMedian = b.itemMedianDays[b.items[p]!]!;
    const prior = Number.isFinite(itemMedian) ? itemMedian : b.storeMedianDays;
    const own = b.medianDays[p]!;
    if (!Number.isFinite(own)) return prior;
    const n = b.count[p]! - 1;
    return Math.exp((n * Math.log(Math.max(own, 1 / 24)) + Math.log(prior)) / (n + 1));
  }

  /**
   * The first k items of a precomputed popularity order that pass `exclude`. Without `exclude` the
   * answer depends on the model alone: kept per (order, k) and shared, so callers must not mutate it.
   */
  popular(order: Int32Array, scores: Float32Array, k: number, exclude?: ItemFilter): Ranked {
    if (exclude) return this.popularFiltered(order, scores, k, exclude);
    let byK = this.popularLists.get(order);
    if (!byK) {
      byK = new Map();
      this.popularLists.set(order, byK);
    }
    let ranked = byK.get(k);
    if (!ranked) {
      ranked = this.popularFiltered(order, scores, k, undefined);
      // k comes from requests (k × overfetch): a handful of values in practice, bounded anyway.
      if (byK.size >= 64) byK.clear();
      byK.set(k, ranked);
    }
    return ranked;
  }

  private popularFiltered(
    order: Int32Array,
    scores: Float32Array,
    k: number,
    exclude: ItemFilter | undefined,
  ): Ranked {
    const items: number[] = [];
    for (let r = 0; r < order.length && items.length < k; r++) {
      const item = order[r]!;
      if (!exclude?.has(item)) items.push(item);
    }
    return { items: Int32Array.from(items), scores: Float32Array.from(items, (i) => scores[i]!) };
  }

  /** Stored list of a row (neighbours, partners …), as views. */
  row(lists: RowLists, r: number): Ranked {
    if (r < 0 || r >= lists.ptr.length - 1) return EMPTY_RANKED;
    const from = lists.ptr[r]!;
    const to = lists.ptr[r + 1]!;
    return { items: lists.items.subarray(from, to), scores: lists.scores.subarray(from, to) };
  }

  /** Weight of `b` in `a`'s stored list, 0 when not kept. */
  lookup(lists: RowLists, a: number, b: number): number {
    if (a < 0 || a >= lists.ptr.length - 1) return 0;
    for (let p = lists.ptr[a]!; p < lists.ptr[a + 1]!; p++) if (lists.items[p] === b) return lists.scores[p]!;
    return 0;
  }

  private spread(lists: RowLists, q: ServeQuery, contextWeight: number): SparseAccumulator {
    const acc = this.acc;
    const add = (seed: number, w: number) => {
      for (let p = lists.ptr[seed]!; p < lists.ptr[seed + 1]!; p++)
        acc.add(lists.items[p]!, w * lists.scores[p]!);
    };
    const h = this.a.history;
    const without = q.without;
    const shopper = q.shopper;
    if (!this.isKnown(shopper)) acc.reset();
    else if (without) {
      acc.reset();
      for (let p = h.ptr[shopper]!; p < h.ptr[shopper + 1]!; p++)
        if (!without.has(h.items[p]!)) add(h.items[p]!, 1);
    } else {
      // The history part depends on the model alone: summed once per shopper, then restored in the
      // same order (same touched order, same float sums) before the request's context is added.
      const memo = this.historyParts.get(lists, shopper);
      if (memo) memo.restoreInto(acc);
      else {
        acc.reset();
        for (let p = h.ptr[shopper]!; p < h.ptr[shopper + 1]!; p++) add(h.items[p]!, 1);
        this.historyParts.set(lists, shopper, acc);
      }
    }
    const inRange = (i: number) => i >= 0 && i < this.nItems;
    if (q.item !== undefined && inRange(q.item)) add(q.item, contextWeight);
    if (q.cart) for (const i of q.cart) if (inRange(i)) add(i, contextWeight);
    return acc;
  }
}

function orderOf(scores: Float32Array): Int32Array {
  const items: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) items.push(i);
  // Ties by lower index, like rankDense.
  items.sort((x, y) => scores[y]! - scores[x]! || x - y);
  return Int32Array.from(items);
}
