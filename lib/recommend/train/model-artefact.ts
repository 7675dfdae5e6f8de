/**
 * What serving needs from a fitted hybrid, as flat typed arrays (see artefact.ts for the bytes).
 * Lists are pruned (neighbours, EASE rows, partners) so the artefact stays a few MB on a catalog of
 * thousands of items; everything is indexed by the dataset's item / shopper indexes.
 */
import type { BuyAgainModel } from '../models/buy-again';
import type { EaseModel } from '../models/ease';
import type { FbtModel } from '../models/fbt';
import type { HybridRecommender } from '../models/hybrid';
import type { ItemKnnModel } from '../models/item-knn';
import { PopularityModel } from '../models/popularity';
import { TunedRecommender } from '../models/tuned';
import type { Dataset, Recommender } from '../types';
import { buildHistory, buildPurchasePriors, type CountryTrending, countryTrending } from './tables';

/** A CSR list per row (item or shopper): `items/scores[ptr[r] .. ptr[r+1])`, best first. */
export interface RowLists {
  ptr: Int32Array;
  items: Int32Array;
  scores: Float32Array;
}

export interface ModelArtefact {
  /** Data cutoff, epoch ms. */
  asOf: number;
  itemIds: string[];
  shopperIds: string[];
  /** Learned blend: feature names (components, then priors) and their weights. */
  features: string[];
  weights: number[];
  /** Per shopper, the distinct items interacted with before `asOf`, ascending: the seeds of kNN/EASE. */
  history: { ptr: Int32Array; items: Int32Array };
  knn: RowLists;
  ease: RowLists;
  buyAgain: {
    ptr: Int32Array;
    items: Int32Array;
    count: Int32Array;
    last: Float64Array;
    medianDays: Float32Array;
    itemRate: Float32Array;
    itemMedianDays: Float32Array;
    storeMedianDays: number;
    timingFloor: number;
    /** null when recency is off. */
    recencyHalfLifeDays: number | null;
    /** Hybrid priors per bought pair (aligned with `items`): purchase events and the latest one. */
    purchases: Int32Array;
    lastPurchase: Float64Array;
  };
  popularity: {
    /** log1p(distinct shoppers)/log1p(max): the blend's popularity prior. */
    prior: Float32Array;
    recent: Float32Array;
    decayed: Float32Array;
    decayedHalfLifeDays: number;
    recentWindowDays: number;
  };
  countries: string[];
  /** Country index per shopper, −1 unknown. */
  shopperCountry: Int32Array;
  trendingByCountry: CountryTrending;
  categories: string[];
  /** Category index per item, −1 unknown. */
  itemCategory: Int32Array;
  fbt: RowLists & { lift: Float32Array; together: Int32Array };
}

export interface ArtefactLimits {
  /** Neighbours kept per item (default 100). */
  neighbours?: number;
  /** EASE weights kept per row, largest first (default 100). */
  easeRow?: number;
  /** Partners kept per item (default 30). */
  partners?: number;
  /** Items kept per country trending list (default 200). */
  trending?: number;
}

function component(hybrid: HybridRecommender, name: string): Recommender | undefined {
  const c = hybrid.components.find((x) => x.name === name);
  return c instanceof TunedRecommender ? c.inner : c;
}

/** Builds the artefact of a hybrid fitted on `data` up to `asOf`, and of an FBT model fitted there too. */
export function buildModelArtefact(
  hybrid: HybridRecommender,
  fbt: FbtModel,
  data: Dataset,
  asOf: number,
  limits: ArtefactLimits = {},
): ModelArtefact {
  const nItems = data.itemIds.length;
  const knn = component(hybrid, 'item-knn') as ItemKnnModel | undefined;
  const ease = component(hybrid, 'ease') as EaseModel | undefined;
  const buy = (component(hybrid, 'buy-again') as BuyAgainModel | undefined)?.snapshot();
  const recent = component(hybrid, 'recent-popular');
  const decayed = component(hybrid, 'decayed-popular');
  const history = buildHistory(data, asOf);
  const bought = buy?.candPtr ?? new Int32Array(data.shopperIds.length + 1);
  const boughtItems = buy?.candItem ?? new Int32Array(0);
  const priors = buildPurchasePriors(data, asOf, bought, boughtItems);
  const { names: countries, index: shopperCountry } = dictionary(data.shopperCountry, data.shopperIds.length);
  const { names: categories, index: itemCategory } = dictionary(data.itemCategory, nItems);
  const decayedHalfLife =
    decayed instanceof PopularityModel ? decayed.reasonFor({ now: asOf, k: 0 }).halfLifeDays : null;
  const fbtLists = rowLists(nItems, limits.partners ?? 30, (i, k) =>
    fbt.recommend({ item: i, k, now: asOf }),
  );
  const lift = new Float32Array(fbtLists.items.length);
  const together = new Int32Array(fbtLists.items.length);
  for (let i = 0; i < nItems; i++) {
    for (let p = fbtLists.ptr[i]!; p < fbtLists.ptr[i + 1]!; p++) {
      const stats = fbt.pairStats(i, fbtLists.items[p]!);
      lift[p] = stats?.lift ?? 0;
      together[p] = stats?.together ?? 0;
    }
  }
  return {
    asOf,
    itemIds: data.itemIds,
    shopperIds: data.shopperIds,
    features: hybrid.weights.features,
    weights: Array.from(hybrid.weights.weights),
    history,
    knn: rowLists(nItems, limits.neighbours ?? 100, (i, k) => (knn ? head(knn.neighboursOf(i), k) : null)),
    // One item as the only seed (context weight 1) gives its row of B, largest weights first.
    ease: rowLists(
      nItems,
      limits.easeRow ?? 100,
      (i, k) => (ease ? ease.recommend({ item: i, k, now: asOf }) : null),
      true,
    ),
    buyAgain: {
      ptr: bought,
      items: boughtItems,
      count: buy?.candCount ?? new Int32Array(0),
      last: buy?.candLast ?? new Float64Array(0),
      medianDays: buy?.candMedianDays ?? new Float32Array(0),
      itemRate: buy?.itemRate ?? new Float32Array(nItems),
      itemMedianDays: buy?.itemMedianDays ?? new Float32Array(nItems).fill(Number.NaN),
      storeMedianDays: Number.isFinite(buy?.storeMedianDays) ? buy!.storeMedianDays : 30,
      timingFloor: buy?.timingFloor ?? 1,
      recencyHalfLifeDays: buy && Number.isFinite(buy.recencyHalfLifeDays) ? buy.recencyHalfLifeDays : null,
      purchases: priors.purchases,
      lastPurchase: priors.lastPurchase,
    },
    popularity: {
      prior: priors.popularity,
      recent: Float32Array.from(recent instanceof PopularityModel ? recent.scores : new Float64Array(nItems)),
      decayed: Float32Array.from(
        decayed instanceof PopularityModel ? decayed.scores : new Float64Array(nItems),
      ),
      decayedHalfLifeDays: decayedHalfLife ?? 7,
      recentWindowDays: 30,
    },
    countries,
    shopperCountry,
    trendingByCountry: countryTrending(data, asOf, shopperCountry, countries.length, {
      halfLifeDays: decayedHalfLife ?? 7,
      top: limits.trending ?? 200,
    }),
    categories,
    itemCategory,
    fbt: { ...fbtLists, lift, together },
  };
}

const EMPTY = { items: new Int32Array(0), scores: new Float32Array(0) };

function head(r: { items: Int32Array; scores: Float32Array }, k: number) {
  return r.items.length <= k ? r : { items: r.items.subarray(0, k), scores: r.scores.subarray(0, k) };
}

/** Stacks each row's list (at most k, optionally positive scores only) into one CSR. */
function rowLists(
  rows: number,
  k: number,
  list: (row: number, k: number) => { items: Int32Array; scores: Float32Array } | null,
  positiveOnly = false,
): RowLists {
  const ptr = new Int32Array(rows + 1);
  const items: number[] = [];
  const scores: number[] = [];
  for (let r = 0; r < rows; r++) {
    const l = list(r, k) ?? EMPTY;
    for (let p = 0; p < l.items.length; p++) {
      if (l.items[p] === r || (positiveOnly && !(l.scores[p]! > 0))) continue;
      items.push(l.items[p]!);
      scores.push(l.scores[p]!);
    }
    ptr[r + 1] = items.length;
  }
  return { ptr, items: Int32Array.from(items), scores: Float32Array.from(scores) };
}

/** Distinct non-null values in first-seen order, and each row's index into them (−1 for none). */
function dictionary(
  values: (string | null)[] | undefined,
  n: number,
): { names: string[]; index: Int32Array } {
  const names: string[] = [];
  const at = new Map<string, number>();
  const index = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) {
    const v = values?.[r];
    if (v === null || v === undefined) continue;
    let i = at.get(v);
    if (i === undefined) {
      i = names.length;
      at.set(v, i);
      names.push(v);
    }
    index[r] = i;
  }
  return { names, index };
}
