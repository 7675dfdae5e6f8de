/**
 * One fallback-chain step (scenarios/fallback.ts) turned into scored candidates, in catalog
 * indexes (which equal model indexes for the model's items). Reasons are converted here from the
 * serving model's records to the explanation model shared with the preview and the API.
 */
import { type Reason, type ReasonDraft, withContributions } from '../explain/reasons';
import type { Candidate } from '../rules/apply';
import type { CandidateSource } from '../scenarios';
import type { ServingCatalog } from './catalog-cache';
import type { ContentVectors } from './content';
import { content, contentComponent, SESSION_VIEWS } from './content-source';
import {
  boughtTogether,
  buyAgain,
  forYou,
  type Reason as ModelReason,
  type Recommendation,
  similar,
  trending,
} from './recommend';
import type { ServingModel } from './serving-model';

export interface SourceInput {
  model: ServingModel | null;
  catalog: ServingCatalog;
  /** Model shopper index (known shoppers only). */
  shopper?: number;
  country: string | null;
  /** Catalog indexes. */
  item?: number;
  cart: readonly number[];
  now: number;
  /** How many candidates to ask for (the rules need more than they return). */
  k: number;
  /** Best sellers from recent orders, in catalog indexes: the answer while no model is trained. */
  bestSellers: readonly number[];
  /**
   * Products viewed in this visit and (personal requests only) the shopper's latest views, catalog
   * indexes, newest first: the "recently viewed" list and extra context for the session re-ranking.
   */
  recent: readonly number[];
  /** The tenant's product vectors, null when nothing is embedded. */
  content: ContentVectors | null;
  /** Whether the answer shows reasons: naming a "similar to" seed is skipped otherwise. */
  explain: boolean;
  /**
   * Model items the shopper's history is read without (counterfactual explanations): not seeds of
   * the collaborative, content or buy-again parts. Absent for live requests.
   */
  without?: ReadonlySet<number>;
}

/** The step's candidates, best first; [] when the step cannot answer this request. */
export function candidatesFrom(source: CandidateSource, q: SourceInput): Candidate[] {
  const m = q.model;
  const inModel = (i: number | undefined) =>
    m && i !== undefined && i < q.catalog.modelItems ? i : undefined;
  const context = [q.item, ...q.cart].map(inModel).filter((i): i is number => i !== undefined);
  // These two read only the request and the vectors: they answer with or without a trained model.
  if (source === 'recently_viewed') return recentlyViewed(q);
  if (source === 'content') return content(q);
  if (!m) return source.startsWith('popular') || source === 'trending' ? bestSellers(q, source) : [];
  switch (source) {
    case 'hybrid':
    case 'session':
      return fromModel(
        q,
        forYou(m, {
          shopper: source === 'hybrid' ? q.shopper : undefined,
          item: inModel(q.item),
          // The visit's latest views count as context like the cart: the answer follows the visit.
          cart: [...q.cart, ...q.recent.slice(0, SESSION_VIEWS)]
            .map(inModel)
            .filter((i): i is number => i !== undefined),
          ...contentComponent(q, source === 'hybrid', m.nItems),
          now: q.now,
          k: q.k,
          explain: q.explain,
          without: q.without,
        }),
      );
    case 'popular_country':
      return q.country === null
        ? []
        : fromModel(
            q,
            trending(m, q.country, q.k).filter(
              (r) => r.reason.type === 'trending' && r.reason.country !== null,
            ),
          );
    case 'trending':
      return fromModel(q, trending(m, null, q.k));
    case 'popular_global':
      return popularIn(q, m, () => true);
    case 'popular_category': {
      const cats = new Set(
        [q.item, ...q.cart].map((i) => (i === undefined ? -1 : q.catalog.facts.categoryId[i]!)),
      );
      cats.delete(-1);
      return cats.size === 0 ? [] : popularIn(q, m, (i) => cats.has(q.catalog.facts.categoryId[i]!));
    }
    case 'item_knn': {
      const item = context[0];
      return item === undefined ? [] : fromModel(q, similar(m, item, q.k));
    }
    case 'fbt':
      return fromModel(q, boughtTogether(m, context, q.k));
    case 'buy_again':
      // A removed purchase is no repeat candidate (the counterfactual's "never bought").
      return q.shopper === undefined ? [] : fromModel(q, buyAgain(m, q.shopper, q.now, q.k, q.without));
    default:
      return [];
  }
}

function recentlyViewed(q: SourceInput): Candidate[] {
  return q.recent.slice(0, q.k).map((item, r) => ({
    item,
    score: 1 / (1 + r),
    reasons: [{ kind: 'session', item, position: r + 1, contribution: 1 }],
  }));
}

function popularIn(q: SourceInput, m: ServingModel, keep: (item: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const scores = m.a.popularity.decayed;
  const halfLifeDays = m.a.popularity.decayedHalfLifeDays;
  for (let r = 0; r < m.decayedOrder.length && out.length < q.k; r++) {
    const item = m.decayedOrder[r]!;
    if (keep(item))
      out.push(candidate(q, item, scores[item]!, { type: 'trending', country: null, halfLifeDays }));
  }
  return out;
}

function bestSellers(q: SourceInput, source: CandidateSource): Candidate[] {
  const cat = q.item === undefined ? -1 : q.catalog.facts.categoryId[q.item]!;
  const list =
    source === 'popular_category'
      ? q.bestSellers.filter((i) => cat >= 0 && q.catalog.facts.categoryId[i] === cat)
      : q.bestSellers;
  return list.slice(0, q.k).map((item, r) => ({
    item,
    score: 1 / (1 + r),
    reasons: [{ kind: 'popular', scope: 'global', windowDays: 30, contribution: 1 }],
  }));
}

function fromModel(q: SourceInput, recs: Recommendation[]): Candidate[] {
  return recs.map((r) =>
    r.reasons && r.reasons.length > 0
      ? {
          item: r.item,
          score: r.score,
          // The parts are the blend's additive terms: shares that sum to 1 (withContributions).
          reasons: withContributions(
            r.reasons.map((p) => toDraft(q.catalog, p.reason)),
            r.reasons.map((p) => p.part),
          ),
        }
      : candidate(q, r.item, r.score, r.reason),
  );
}

function candidate(q: SourceInput, item: number, score: number, reason: ModelReason): Candidate {
  return { item, score, reasons: [toReason(q.catalog, reason)] };
}

/** The serving model's reason as the shared explanation record (the whole score: contribution 1). */
export function toReason(catalog: ServingCatalog, r: ModelReason): Reason {
  // toDraft returns a new object: completing it in place spares a copy per candidate.
  const reason = toDraft(catalog, r) as Reason;
  reason.contribution = 1;
  return reason;
}

/** The serving model's reason as an explanation draft, product ids turned into catalog indexes. */
export function toDraft(catalog: ServingCatalog, r: ModelReason): ReasonDraft {
  const index = catalog.facts.itemIndex;
  switch (r.type) {
    case 'buy_again':
      return {
        kind: 'buy_again',
        count: r.count,
        medianIntervalDays: r.medianIntervalDays,
        daysSinceLast: r.daysSinceLast,
      };
    case 'similar':
      return { kind: 'collaborative', neighbours: [{ item: index.get(r.to) ?? -1, weight: r.similarity }] };
    case 'collaborative':
      return {
        kind: 'collaborative',
        neighbours: r.neighbours.map((n) => ({ item: index.get(n.id) ?? -1, weight: n.weight })),
      };
    case 'session':
      return { kind: 'session', item: index.get(r.id) ?? -1, position: r.position };
    case 'content':
      return { kind: 'content', similarTo: index.get(r.to) ?? -1, similarity: r.similarity };
    case 'bought_together':
      return {
        kind: 'bought_together',
        with: index.get(r.with) ?? -1,
        lift: r.lift,
        confidence: r.confidence,
      };
    case 'trending':
      return r.country === null
        ? { kind: 'popular', scope: 'global', windowDays: Math.round(r.halfLifeDays) }
        : {
            kind: 'popular',
            scope: 'country',
            scopeValue: r.country,
            windowDays: Math.round(r.halfLifeDays),
          };
    case 'popular':
      return { kind: 'popular', scope: 'global', windowDays: r.windowDays };
    case 'for_you':
      return { kind: 'collaborative', neighbours: [] };
  }
}
