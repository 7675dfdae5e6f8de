/**
 * The scenario primitives the placements build on, over a live ServingModel: each returns product
 * ids with scores and a structured reason the explanation UI renders ("bought 3 times, usually every
 * 41 days", "similar to Y (0.82)", "popular in Germany this week"). Business rules are applied by
 * the caller, after these.
 */
import { BlendExplainer, type ReasonPart } from '../explain/blend-reasons';
import { DAY_MS } from '../matrix/interaction-matrix';
import type { ItemFilter } from '../matrix/rank';
import type { Ranked } from '../types';
import { blend } from './blend';
import type { ServeQuery, ServingModel } from './serving-model';

export type Reason =
  | {
      type: 'buy_again';
      count: number;
      medianIntervalDays: number;
      intervalSource: 'shopper' | 'item' | 'store';
      daysSinceLast: number;
    }
  | { type: 'similar'; to: string; similarity: number }
  /** The shopper's history items that made this one score (item-kNN / EASE), strongest first. */
  | { type: 'collaborative'; neighbours: { id: string; weight: number }[] }
  /** A product of the request itself (on screen, cart, visit's views); `position` 1-based. */
  | { type: 'session'; id: string; position: number }
  /** Product-vector similarity to a seed (cosine). */
  | { type: 'content'; to: string; similarity: number }
  | { type: 'bought_together'; with: string; confidence: number; lift: number; together: number }
  | { type: 'trending'; country: string | null; halfLifeDays: number }
  /** `windowDays` null: all-time popularity (the blend's popularity prior). */
  | { type: 'popular'; windowDays: number | null }
  | { type: 'for_you'; feature: string };

export interface Recommendation {
  /** Product id. */
  id: string;
  item: number;
  score: number;
  /** The primary reason (the largest part of the score when `reasons` is present). */
  reason: Reason;
  /**
   * Blended items with explanations on: every reason with its additive part of `score`
   * (Σ part = score), strongest first.
   */
  reasons?: ReasonPart[];
}

export type ModelQuery =
  | {
      scenario: 'for_you';
      shopper?: string;
      item?: string;
      cart?: string[];
      now: number;
      k: number;
      exclude?: ItemFilter;
    }
  | { scenario: 'similar'; item: string; k: number; exclude?: ItemFilter }
  | { scenario: 'bought_together'; items: string[]; k: number; exclude?: ItemFilter }
  | { scenario: 'trending'; country?: string | null; k: number; exclude?: ItemFilter }
  | { scenario: 'buy_again'; shopper: string; now: number; k: number; exclude?: ItemFilter };

/**
 * Answers one scenario from the model alone (no database). Unknown ids are ignored: an unknown
 * shopper gets the cold answer, an unknown item nothing to be similar to. `exclude` takes item
 * indexes (`model.itemIndex`).
 */
export function recommendFromModel(model: ServingModel, q: ModelQuery): Recommendation[] {
  switch (q.scenario) {
    case 'for_you':
      return forYou(model, {
        shopper: q.shopper === undefined ? undefined : model.shopperIndex.get(q.shopper),
        item: q.item === undefined ? undefined : model.itemIndex.get(q.item),
        cart: q.cart?.map((id) => model.itemIndex.get(id)).filter((i): i is number => i !== undefined),
        now: q.now,
        k: q.k,
        exclude: q.exclude,
      });
    case 'similar': {
      const item = model.itemIndex.get(q.item);
      return item === undefined ? [] : similar(model, item, q.k, q.exclude);
    }
    case 'bought_together':
      return boughtTogether(
        model,
        q.items.map((id) => model.itemIndex.get(id)).filter((i): i is number => i !== undefined),
        q.k,
        q.exclude,
      );
    case 'trending':
      return trending(model, q.country ?? null, q.k, q.exclude);
    case 'buy_again': {
      const shopper = model.shopperIndex.get(q.shopper);
      return shopper === undefined ? [] : buyAgain(model, shopper, q.now, q.k, q.exclude);
    }
  }
}

/**
 * The learned hybrid for a shopper (and/or context); cold shoppers get the popularity components.
 * With explanations (`q.explain !== false`) each item carries all its reasons and their parts.
 */
export function forYou(model: ServingModel, q: ServeQuery): Recommendation[] {
  const { ranked, topFeature, parts } = blend(model, q);
  if (!parts) return listOf(model, ranked, (item, r) => explainFeature(model, q, item, topFeature[r]!));
  const explainer = new BlendExplainer(model, q, ranked.items, (item) => buyAgainReason(model, q, item));
  return Array.from(ranked.items, (item, r) => {
    const reasons = explainer.reasonsOf(item, parts[r]!);
    return {
      id: model.a.itemIds[item]!,
      item,
      score: ranked.scores[r]!,
      reason: reasons[0]?.reason ?? explainFeature(model, q, item, topFeature[r]!),
      reasons,
    };
  });
}

/** Nearest neighbours by item-kNN, then EASE's strongest links when the neighbour list runs short. */
export function similar(
  model: ServingModel,
  item: number,
  k: number,
  exclude?: ItemFilter,
): Recommendation[] {
  const out: Recommendation[] = [];
  const seen = new Set<number>([item]);
  for (const lists of [model.a.knn, model.a.ease]) {
    const row = model.row(lists, item);
    for (let p = 0; p < row.items.length && out.length < k; p++) {
      const j = row.items[p]!;
      if (seen.has(j) || exclude?.has(j)) continue;
      seen.add(j);
      const similarity = row.scores[p]!;
      out.push({
        id: model.a.itemIds[j]!,
        item: j,
        score: similarity,
        reason: { type: 'similar', to: model.a.itemIds[item]!, similarity },
      });
    }
  }
  return out;
}

/** Partners of the items (summed confidence); the reason names the strongest single partner. */
export function boughtTogether(
  model: ServingModel,
  items: readonly number[],
  k: number,
  exclude?: ItemFilter,
): Recommendation[] {
  const fbt = model.a.fbt;
  const score = new Map<number, { s: number; best: number; from: number }>();
  const context = new Set(items);
  for (const a of items) {
    if (a < 0 || a >= fbt.ptr.length - 1) continue;
    for (let p = fbt.ptr[a]!; p < fbt.ptr[a + 1]!; p++) {
      const b = fbt.items[p]!;
      if (context.has(b) || exclude?.has(b)) continue;
      const e = score.get(b) ?? { s: 0, best: -1, from: a };
      e.s += fbt.scores[p]!;
      if (e.best < 0 || fbt.scores[p]! > fbt.scores[e.best]!) {
        e.best = p;
        e.from = a;
      }
      score.set(b, e);
    }
  }
  return [...score]
    .sort((x, y) => y[1].s - x[1].s || x[0] - y[0])
    .slice(0, k)
    .map(([b, e]) => ({
      id: model.a.itemIds[b]!,
      item: b,
      score: e.s,
      reason: {
        type: 'bought_together',
        with: model.a.itemIds[e.from]!,
        confidence: fbt.scores[e.best]!,
        lift: fbt.lift[e.best]!,
        together: fbt.together[e.best]!,
      },
    }));
}

/** Decayed popularity in the country (when known to the model), backfilled from the global list. */
export function trending(
  model: ServingModel,
  country: string | null,
  k: number,
  exclude?: ItemFilter,
): Recommendation[] {
  const halfLifeDays = model.a.popularity.decayedHalfLifeDays;
  const out: Recommendation[] = [];
  const seen = new Set<number>();
  const c = country === null ? undefined : model.countryIndex.get(country);
  const t = model.a.trendingByCountry;
  if (c !== undefined) {
    for (let p = t.ptr[c]!; p < t.ptr[c + 1]! && out.length < k; p++) {
      const item = t.items[p]!;
      if (exclude?.has(item)) continue;
      seen.add(item);
      out.push({
        id: model.a.itemIds[item]!,
        item,
        score: t.scores[p]!,
        reason: { type: 'trending', country, halfLifeDays },
      });
    }
  }
  const global = model.popular(model.decayedOrder, model.a.popularity.decayed, k + seen.size, exclude);
  for (let r = 0; r < global.items.length && out.length < k; r++) {
    const item = global.items[r]!;
    if (seen.has(item)) continue;
    // Below every country item, whatever the two scales: the list stays sorted.
    const score = c === undefined ? global.scores[r]! : -1 - r;
    out.push({
      id: model.a.itemIds[item]!,
      item,
      score,
      reason: { type: 'trending', country: null, halfLifeDays },
    });
  }
  return out;
}

/** The shopper's repeat candidates by timing at `now`, with their interval story. */
export function buyAgain(
  model: ServingModel,
  shopper: number,
  now: number,
  k: number,
  exclude?: ItemFilter,
): Recommendation[] {
  const ranked = model.buyAgainScores({ shopper, now, k, exclude });
  return listOf(model, ranked, (item) => buyAgainReason(model, { shopper, now }, item)!);
}

function buyAgainReason(
  model: ServingModel,
  q: Pick<ServeQuery, 'shopper' | 'now' | 'without'>,
  item: number,
): Reason | null {
  if (q.without?.has(item)) return null;
  const now = q.now;
  const p = model.boughtPair(q.shopper, item);
  if (p < 0) return null;
  const b = model.a.buyAgain;
  const own = b.medianDays[p]!;
  const itemMedian = b.itemMedianDays[item]!;
  const [medianIntervalDays, intervalSource] = Number.isFinite(own)
    ? [own, 'shopper' as const]
    : Number.isFinite(itemMedian)
      ? [itemMedian, 'item' as const]
      : [b.storeMedianDays, 'store' as const];
  return {
    type: 'buy_again',
    count: b.count[p]!,
    medianIntervalDays,
    intervalSource,
    daysSinceLast: (now - b.last[p]!) / DAY_MS,
  };
}

/** The reason of a blended item without explanations: its strongest feature, no seed search. */
function explainFeature(model: ServingModel, q: ServeQuery, item: number, feature: string): Reason {
  if (
    feature === 'buy-again' ||
    feature === 'bought-before' ||
    feature === 'purchases' ||
    feature === 'purchase-recency'
  ) {
    const r = buyAgainReason(model, q, item);
    if (r) return r;
  }
  if (feature === 'recent-popular')
    return { type: 'popular', windowDays: model.a.popularity.recentWindowDays };
  if (feature === 'decayed-popular' || feature === 'popularity') {
    return { type: 'trending', country: null, halfLifeDays: model.a.popularity.decayedHalfLifeDays };
  }
  return { type: 'for_you', feature };
}

function listOf(
  model: ServingModel,
  ranked: Ranked,
  reason: (item: number, rank: number) => Reason,
): Recommendation[] {
  return Array.from(ranked.items, (item, r) => ({
    id: model.a.itemIds[item]!,
    item,
    score: ranked.scores[r]!,
    reason: reason(item, r),
  }));
}
