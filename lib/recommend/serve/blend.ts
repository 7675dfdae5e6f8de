/**
 * The learned hybrid at serving time: the same candidates, normalisation (min-max into (0.1, 1]),
 * priors, weights and cold-shopper rule as HybridRecommender.recommend, but computed from the
 * artefact's stored lists. The content component's candidates come from the tenant's product
 * vectors (serve/content.ts, through `ServeQuery.content`); without vectors its feature is 0.
 */
import { TopK } from '@/lib/embeddings/top-k';
import { toRanked } from '../matrix/rank';
import type { Ranked } from '../types';
import type { ServeQuery, ServingModel } from './serving-model';

/** Candidates per component, as the fitted blend (HybridOptions.perComponent default). */
const PER_COMPONENT = 200;
/** Purchase counts saturate here (hybrid-features.ts). */
const PURCHASES_CAP = 31;
const PRIOR_RECENCY_HALF_LIFE_DAYS = 30;

/** Blended scores and each candidate's features, for explanations. */
export interface Blended {
  ranked: Ranked;
  /** Per returned item, the feature with the largest weighted contribution. */
  topFeature: string[];
}

export function blend(model: ServingModel, q: ServeQuery): Blended {
  const { features, weights } = model.a;
  const cold = !model.isKnown(q.shopper) && q.item === undefined && !q.cart?.length;
  const sub: ServeQuery = { ...q, k: PER_COMPONENT };
  const rows = new Map<number, Float32Array>();
  const nf = features.length;
  const row = (item: number) => {
    let r = rows.get(item);
    if (!r) {
      r = new Float32Array(nf);
      rows.set(item, r);
    }
    return r;
  };
  features.forEach((name, f) => {
    const ranked = componentCandidates(model, name, sub);
    if (!ranked || ranked.items.length === 0) return;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const s of ranked.scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    const span = max - min;
    for (let i = 0; i < ranked.items.length; i++) {
      row(ranked.items[i]!)[f] = span > 0 ? 0.1 + (0.9 * (ranked.scores[i]! - min)) / span : 1;
    }
  });
  const w = features.map((name, f) => (cold ? (isColdComponent(name) ? 1 : 0) : (weights[f] ?? 0)));
  const top = new TopK(q.k);
  for (const [item, r] of rows) {
    writePriors(model, q, item, r, features);
    let s = 0;
    for (let f = 0; f < nf; f++) s += w[f]! * r[f]!;
    if (s > top.threshold && !q.exclude?.has(item)) top.push(item, s);
  }
  const ranked = toRanked(top);
  const topFeature = Array.from(ranked.items, (item) => {
    const r = rows.get(item)!;
    let best = 0;
    for (let f = 1; f < nf; f++) if (w[f]! * r[f]! > w[best]! * r[best]!) best = f;
    return features[best] ?? 'popularity';
  });
  return { ranked, topFeature };
}

const isColdComponent = (name: string) => /popular|content/.test(name);

function componentCandidates(model: ServingModel, name: string, q: ServeQuery): Ranked | null {
  const pop = model.a.popularity;
  switch (name) {
    case 'buy-again':
      return model.buyAgainScores(q);
    case 'ease':
      return model.easeScores(q);
    case 'item-knn':
      return model.knnScores(q);
    case 'recent-popular':
      return model.popular(model.recentOrder, pop.recent, q.k);
    case 'decayed-popular':
      return model.popular(model.decayedOrder, pop.decayed, q.k);
    case 'content':
      return q.content?.(q.k) ?? null;
    default:
      return null;
  }
}

/** The prior features by name (hybrid-features.ts HybridPriors.write), relative to `q.now`. */
function writePriors(
  model: ServingModel,
  q: ServeQuery,
  item: number,
  r: Float32Array,
  names: string[],
): void {
  const b = model.a.buyAgain;
  const p = model.boughtPair(q.shopper, item);
  names.forEach((name, f) => {
    if (name === 'popularity') r[f] = model.a.popularity.prior[item] ?? 0;
    else if (name === 'bought-before') r[f] = p >= 0 ? 1 : 0;
    else if (name === 'purchases')
      r[f] = p >= 0 ? Math.min(1, Math.log2(1 + b.purchases[p]!) / Math.log2(1 + PURCHASES_CAP)) : 0;
    else if (name === 'purchase-recency')
      r[f] =
        p >= 0 && b.purchases[p]! > 0
          ? 2 ** (-Math.max(0, q.now - b.lastPurchase[p]!) / (PRIOR_RECENCY_HALF_LIFE_DAYS * 86_400_000))
          : 0;
  });
}
