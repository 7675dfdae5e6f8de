/**
 * The named baselines of issue 10, which every model is reported next to. Each factory returns an
 * unfitted Recommender; the ones with hyperparameters choose them on a validation window carved out
 * of their own training data (the last `validationDays` before `asOf`), never on the test period.
 */
import type { Protocol } from './eval/split';
import { BackfilledRecommender } from './models/backfilled';
import { BuyAgainModel, type BuyAgainOptions } from './models/buy-again';
import { EaseModel } from './models/ease';
import { ItemKnnModel } from './models/item-knn';
import { PopularityModel } from './models/popularity';
import { type TuningCandidate, TunedRecommender } from './models/tuned';
import type { Recommender } from './types';

export const BASELINE_NAMES = ['most-popular', 'recent-popular', 'buy-again', 'item-knn', 'ease'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

export interface BaselineOptions {
  /** The protocol the lists will be judged by; tuning uses the same exclusion rule (default 'all'). */
  protocol?: Protocol;
  /** Validation window before `asOf` for tuning, in days (default 28). */
  validationDays?: number;
  /** Items kept by EASE (default 3,000: training is O(n³)). */
  easeMaxItems?: number;
}

/** EASE λ grid: the closed form is smooth in λ, so a doubling grid is enough (default first: ties keep it). */
export const EASE_LAMBDAS = [200, 100, 400] as const;

/** Buy-again grid: the timing curve's floor (1 = off) × recency half-life in days (∞ = off). */
export const BUY_AGAIN_GRID: readonly BuyAgainOptions[] = [0.2, 0.5, 1].flatMap((timingFloor) =>
  [Number.POSITIVE_INFINITY, 30, 90].map((recencyHalfLifeDays) => ({ timingFloor, recencyHalfLifeDays })),
);

/** Item-kNN grid on the binary matrix (as the reference): neighbours × shrinkage. */
export const ITEM_KNN_GRID = [50, 100, 200, 1000].flatMap((neighbours) =>
  [0, 10].map((shrinkage) => ({ neighbours, shrinkage })),
);

/** Creates one named baseline. */
export function createBaseline(name: BaselineName, opts: BaselineOptions = {}): Recommender {
  const validation = { days: opts.validationDays ?? 28, protocol: opts.protocol ?? 'all' };
  switch (name) {
    case 'most-popular':
      return new PopularityModel({ name, mode: 'all-time' });
    case 'recent-popular':
      return new PopularityModel({ name, mode: 'recent', windowDays: 30 });
    case 'buy-again':
      return new TunedRecommender(name, buyAgainCandidates(BUY_AGAIN_GRID, true), validation);
    case 'item-knn':
      return new TunedRecommender(name, itemKnnCandidates(ITEM_KNN_GRID), validation);
    case 'ease':
      return new TunedRecommender(
        name,
        easeCandidates(EASE_LAMBDAS, opts.easeMaxItems ?? 3000, true),
        validation,
      );
  }
}

/** Every baseline, in the order of the table. */
export function createBaselines(opts: BaselineOptions = {}): Recommender[] {
  return BASELINE_NAMES.map((name) => createBaseline(name, opts));
}

/** "off" for an infinite half-life, else days. */
const halfLife = (days: number | undefined) =>
  days === undefined || !Number.isFinite(days) ? 'off' : `${days}d`;

/**
 * Buy-again configurations; with `backfill`, "buy-again + popularity" (the shopper's repeat
 * candidates, then the most popular items), the baseline.
 */
export function buyAgainCandidates(grid: readonly BuyAgainOptions[], backfill: boolean): TuningCandidate[] {
  return grid.map((o) => ({
    label: `timing floor=${o.timingFloor} recency half-life=${halfLife(o.recencyHalfLifeDays)}`,
    make: () => {
      const model = new BuyAgainModel({ ...o, name: 'buy-again' });
      return backfill
        ? new BackfilledRecommender('buy-again', model, new PopularityModel({ mode: 'all-time' }))
        : model;
    },
  }));
}

/** Item-kNN on the binary matrix (as the reference implementation), one candidate per grid point. */
export function itemKnnCandidates(
  grid: readonly { neighbours: number; shrinkage: number }[],
): TuningCandidate[] {
  return grid.map((o) => ({
    label: `neighbours=${o.neighbours} shrinkage=${o.shrinkage}`,
    make: () => new ItemKnnModel({ name: 'item-knn', repeat: 'binary', ...o }),
  }));
}

/** EASE per λ; with `fallback`, popularity scores the shoppers EASE cannot (none of its items). */
export function easeCandidates(
  lambdas: readonly number[],
  maxItems: number,
  fallback: boolean,
): TuningCandidate[] {
  return lambdas.map((lambda) => ({
    label: `λ=${lambda}`,
    make: () =>
      new EaseModel({
        name: 'ease',
        lambda,
        maxItems,
        ...(fallback ? { fallback: new PopularityModel() } : {}),
      }),
  }));
}
