/**
 * Offline evaluation of recommenders (issue 10), shared by the dashboard, the CLI and the tests:
 * split at a cutoff, fit every model on the training part, ask each for top-k lists for the test
 * shoppers, score them. Deterministic for deterministic models (seeded bootstrap, fixed order).
 */
import { yieldToEventLoop } from '@/lib/compute/yield';
import type { Dataset, InteractionKind, Recommender } from '@/lib/recommend/types';
import {
  type ActivityBucket,
  type BootstrapOptions,
  type Interval,
  type Metrics,
  type ShopperMetric,
  type ShopperScores,
  activityBreakdown,
  bootstrapIntervals,
  coverage,
  itemStats,
  meanScores,
  scoreLists,
} from './metrics';
import { type Protocol, type Split, splitAt } from './split';

export interface EvaluateOptions {
  /** Train is strictly before this instant; it is also the `now` of every query. */
  cutoff: Date | number;
  protocol: Protocol;
  /** List length asked of each model; at least 20 (Recall@20). Default 20. */
  k?: number;
  models: readonly Recommender[];
  /** Kinds that make truth; default purchases only. */
  truthKinds?: readonly InteractionKind[];
  /** Exclusive end of the test window; default the end of the data. */
  until?: Date | number;
  /** Keep items never seen in training in truth (see `SplitOptions.unseenInTruth`). Default false. */
  unseenInTruth?: boolean;
  bootstrap?: BootstrapOptions;
  /** Called before each model is fitted (progress for jobs and the CLI). */
  onModel?: (name: string, index: number) => void;
  /** Keep every row's per-shopper scores (for paired comparisons between models). Default false. */
  keepShopperScores?: boolean;
}

export interface EvaluationRow {
  model: string;
  metrics: Metrics;
  /** Bootstrap intervals over shoppers for every metric but coverage. */
  ci: Record<ShopperMetric, Interval>;
  breakdown: ActivityBucket[];
  /** Per-shopper values, test shopper t at index t; only with `keepShopperScores`. */
  shopperScores?: ShopperScores;
}

export interface Evaluation {
  /** ISO 8601. */
  cutoff: string;
  protocol: Protocol;
  /** Test shoppers scored. */
  shoppers: number;
  /** Candidate items (seen in training). */
  items: number;
  k: number;
  rows: EvaluationRow[];
}

/** The cutoff leaves one side of the split empty: there is nothing to train on, or nothing to test on. */
export class EmptySplitError extends Error {
  constructor(readonly side: 'train' | 'test') {
    super(
      side === 'train'
        ? 'nothing to train on: no interaction before the cutoff'
        : 'nothing to test on: no shopper seen before the cutoff bought an item seen before it afterwards',
    );
    this.name = 'EmptySplitError';
  }
}

/**
 * Evaluates `models` on `dataset` (sorted by time). Throws a RangeError when k < 20 or two models
 * share a name (rows are keyed by name downstream), an EmptySplitError when the cutoff leaves no
 * training data or no test shopper (before any model is fitted).
 */
export async function evaluate(dataset: Dataset, opts: EvaluateOptions): Promise<Evaluation> {
  const k = opts.k ?? 20;
  if (!Number.isInteger(k) || k < 20) throw new RangeError(`k must be an integer ≥ 20, got ${k}`);
  const names = opts.models.map((m) => m.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new RangeError(`two models are named "${dup}"`);
  const cutoff = +opts.cutoff;
  const split = splitAt(dataset, {
    cutoff,
    protocol: opts.protocol,
    truthKinds: opts.truthKinds,
    until: opts.until === undefined ? undefined : +opts.until,
    unseenInTruth: opts.unseenInTruth,
  });
  if (split.train.time.length === 0) throw new EmptySplitError('train');
  if (split.testShoppers.length === 0) throw new EmptySplitError('test');
  const rows: EvaluationRow[] = [];
  for (const [index, model] of opts.models.entries()) {
    // A macrotask between models: in the in-process job runner, the server answers requests
    // between fits instead of stalling for the whole evaluation.
    await yieldToEventLoop();
    opts.onModel?.(model.name, index);
    await model.fit(split.train, { asOf: cutoff });
    const row = scoreModel(split, model.name, recommendLists(model, split, k), k, opts.bootstrap);
    if (!opts.keepShopperScores) delete row.shopperScores;
    rows.push(row);
  }
  return {
    cutoff: new Date(cutoff).toISOString(),
    protocol: opts.protocol,
    shoppers: split.testShoppers.length,
    items: split.candidateCount,
    k,
    rows,
  };
}

/** Scores one model's lists (from `recommendLists`) into an evaluation row. */
export function scoreModel(
  split: Split,
  model: string,
  lists: Int32Array,
  k: number,
  bootstrap?: BootstrapOptions,
): EvaluationRow {
  const stats = itemStats(split.popularity, split.candidate, split.trainShoppers);
  const scores = scoreLists(lists, k, split.truth, stats);
  const all = Int32Array.from({ length: split.testShoppers.length }, (_, t) => t);
  return {
    model,
    metrics: { ...meanScores(scores), coverage: coverage(lists, k, all, split.candidateCount) },
    ci: bootstrapIntervals(scores, bootstrap),
    breakdown: activityBreakdown(scores, lists, k, split.activity, split.candidateCount),
    shopperScores: scores,
  };
}

/**
 * A fitted model's top-k for every test shopper as `lists[t * k + r]` (−1 pads short lists). Items
 * outside the candidates, the shopper's known items under 'new-items', and repeats are passed as
 * `exclude` and also dropped here, so a model that ignores `exclude` cannot score with them.
 */
export function recommendLists(model: Recommender, split: Split, k: number): Int32Array {
  const n = split.testShoppers.length;
  const lists = new Int32Array(n * k).fill(-1);
  const nItems = split.candidate.length;
  const banned = new Int32Array(nItems);
  for (let t = 0; t < n; t++) {
    const stamp = t + 1;
    const known = split.known.items.subarray(split.known.offsets[t]!, split.known.offsets[t + 1]!);
    const personal = split.protocol === 'new-items' ? known : new Int32Array(0);
    for (const j of personal) banned[j] = stamp;
    const ranked = model.recommend({
      shopper: split.testShoppers[t]!,
      now: split.cutoff,
      k,
      exclude: new ExcludeSet(split.candidate, personal, banned, stamp),
    });
    let r = 0;
    for (let x = 0; x < ranked.items.length && r < k; x++) {
      const j = ranked.items[x]!;
      if (j < 0 || j >= nItems || !split.candidate[j] || banned[j] === stamp) continue;
      banned[j] = stamp; // a repeated item scores once
      lists[t * k + r++] = j;
    }
  }
  return lists;
}

/**
 * Non-candidates plus a shopper's own exclusions, as a read-only set without copying the catalog
 * into a Set per shopper. Valid only during its `recommend` call (the stamp moves on).
 */
class ExcludeSet implements ReadonlySet<number> {
  constructor(
    private readonly candidate: Uint8Array,
    private readonly personal: Int32Array,
    private readonly banned: Int32Array,
    private readonly stamp: number,
  ) {}
  has(j: number): boolean {
    return j >= 0 && j < this.candidate.length && (!this.candidate[j] || this.banned[j] === this.stamp);
  }
  get size(): number {
    let n = this.personal.length;
    for (const c of this.candidate) n += c ? 0 : 1;
    return n;
  }
  *values(): SetIterator<number> {
    for (let j = 0; j < this.candidate.length; j++) if (this.has(j)) yield j;
  }
  keys(): SetIterator<number> {
    return this.values();
  }
  *entries(): SetIterator<[number, number]> {
    for (const j of this.values()) yield [j, j];
  }
  [Symbol.iterator](): SetIterator<number> {
    return this.values();
  }
  forEach(fn: (value: number, key: number, set: ReadonlySet<number>) => void): void {
    for (const j of this.values()) fn(j, j, this);
  }
}
