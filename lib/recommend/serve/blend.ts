/**
 * The learned hybrid at serving time: the same candidates, normalisation (min-max into (0.1, 1]),
 * priors, weights and cold-shopper rule as HybridRecommender.recommend, but computed from the
 * artefact's stored lists. The content component's candidates come from the tenant's product
 * vectors (serve/content.ts, through `ServeQuery.content`); without vectors its feature is 0.
 */
import { TopK } from '@/lib/embeddings/top-k';
import type { SparseAccumulator } from '../matrix/accumulator';
import { toRanked } from '../matrix/rank';
import { selectTop, type TopSelection } from '../matrix/select';
import { type BudgetShare, servingCacheBudget } from './memory-budget';
import type { Ranked } from '../types';
import { type ServeQuery, type ServingModel, SPREAD_MIN_SCORE } from './serving-model';

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
  /**
   * With explanations only (`q.explain !== false`): per returned item, each feature's weighted
   * part w_f · r_f, aligned with `model.a.features`. The parts of an item sum to its score.
   */
  parts?: Float64Array[];
}

/** `perComponent`: the fitted blend's candidates per component (tests use small catalogs). */
export function blend(model: ServingModel, q: ServeQuery, perComponent = PER_COMPONENT): Blended {
  const { features, weights } = model.a;
  const cold = !knownAfterWithout(model, q) && q.item === undefined && !q.cart?.length;
  const sub: ServeQuery = { ...q, k: perComponent };
  const rows = scratchOf(model);
  const nf = features.length;
  // A request with nothing but the shopper's history: its kNN and EASE cuts depend on the model
  // alone, so they are kept per shopper (a returning customer's home page, a store without browsing data).
  const historyOnly =
    model.isKnown(q.shopper) && q.item === undefined && !q.cart?.length && !q.without && !q.exclude;
  try {
    for (let f = 0; f < nf; f++) {
      const name = features[f]!;
      const key = historyOnly && KEPT_CUTS.has(name) ? `${name}:${q.shopper}:${perComponent}` : null;
      const kept = key === null ? undefined : keptCutsOf(model).cuts.get(key);
      if (kept) {
        writeCut(rows, f, kept);
        continue;
      }
      const scores = componentScores(model, name, sub);
      if (scores === null) continue;
      if ('count' in scores) {
        writeCut(rows, f, scores);
        continue;
      }
      if ('acc' in scores) {
        const { acc, minScore } = scores;
        const cut = selectTop(acc.touched, acc.count, acc.values, perComponent, {
          exclude: q.exclude,
          minScore,
        });
        writeCut(rows, f, cut);
        if (key !== null) keepCut(model, key, cut);
        continue;
      }
      const ranked = scores;
      if (ranked.items.length === 0) continue;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const s of ranked.scores) {
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
      const span = max - min;
      for (let i = 0; i < ranked.items.length; i++) {
        rows.cells[rows.row(ranked.items[i]!) + f] =
          span > 0 ? 0.1 + (0.9 * (ranked.scores[i]! - min)) / span : 1;
      }
    }
    const w = Float64Array.from(features, (name, f) =>
      cold ? (isColdComponent(name) ? 1 : 0) : (weights[f] ?? 0),
    );
    const priors = priorsOf(model);
    if (priors.any) writePriors(model, q, rows, priors.codes);
    const top = new TopK(q.k);
    const { cells, touched } = rows;
    // Items in first-touch order, as the candidates arrived: ties at the cut keep the first seen.
    for (let t = 0; t < rows.count; t++) {
      const item = touched[t]!;
      const base = item * nf;
      let s = 0;
      for (let f = 0; f < nf; f++) s += w[f]! * cells[base + f]!;
      if (s > top.threshold && !q.exclude?.has(item)) top.push(item, s);
    }
    const ranked = toRanked(top);
    const topFeature = Array.from(ranked.items, (item) => {
      const base = item * nf;
      let best = 0;
      for (let f = 1; f < nf; f++) if (w[f]! * cells[base + f]! > w[best]! * cells[base + best]!) best = f;
      return features[best] ?? 'popularity';
    });
    if (q.explain === false) return { ranked, topFeature };
    // Only for the k returned items: the hot path (explain off) never allocates these.
    const parts = Array.from(ranked.items, (item) =>
      Float64Array.from(w, (wf, f) => wf * cells[item * nf + f]!),
    );
    return { ranked, topFeature, parts };
  } finally {
    rows.clear();
  }
}

/**
 * Per model, the candidates' feature rows as one dense buffer (item × feature, float32 like the
 * rows it replaces) and the items touched, in first-touch order: a request allocates no row per
 * candidate. Shared by the model's requests, which is safe because `blend` never yields.
 */
class BlendRows {
  readonly cells: Float32Array;
  readonly touched: Int32Array;
  private readonly seen: Uint8Array;
  count = 0;

  constructor(
    nItems: number,
    private readonly nf: number,
  ) {
    this.cells = new Float32Array(nItems * nf);
    this.touched = new Int32Array(nItems);
    this.seen = new Uint8Array(nItems);
  }

  /** Whether the item is a candidate of this request. */
  has(item: number): boolean {
    return this.seen[item] === 1;
  }

  /** The offset of the item's row, touching it. */
  row(item: number): number {
    if (this.seen[item] === 0) {
      this.seen[item] = 1;
      this.touched[this.count++] = item;
    }
    return item * this.nf;
  }

  clear(): void {
    const { cells, nf, seen, touched } = this;
    // A personalized request touches most of a small catalog: one fill beats one per row then.
    if (4 * this.count > seen.length) {
      cells.fill(0);
      seen.fill(0);
    } else
      for (let t = 0; t < this.count; t++) {
        const item = touched[t]!;
        seen[item] = 0;
        for (let o = item * nf; o < (item + 1) * nf; o++) cells[o] = 0;
      }
    this.count = 0;
  }
}

const scratch = new WeakMap<ServingModel, BlendRows>();

function scratchOf(model: ServingModel): BlendRows {
  let rows = scratch.get(model);
  if (!rows) {
    rows = new BlendRows(model.nItems, model.a.features.length);
    scratch.set(model, rows);
  }
  return rows;
}

/** Prior features by position: 0 none, 1 popularity, 2 bought-before, 3 purchases, 4 purchase-recency. */
const PRIOR_CODES: Record<string, number> = {
  popularity: 1,
  'bought-before': 2,
  purchases: 3,
  'purchase-recency': 4,
};
const priorCodes = new WeakMap<ServingModel, { codes: Int8Array; any: boolean }>();

function priorsOf(model: ServingModel): { codes: Int8Array; any: boolean } {
  let p = priorCodes.get(model);
  if (!p) {
    const codes = Int8Array.from(model.a.features, (name) => PRIOR_CODES[name] ?? 0);
    p = { codes, any: codes.some((c) => c > 0) };
    priorCodes.set(model, p);
  }
  return p;
}

/** Whether the shopper still has history once `q.without` is taken out (else served cold). */
function knownAfterWithout(model: ServingModel, q: ServeQuery): boolean {
  if (!model.isKnown(q.shopper)) return false;
  const without = q.without;
  if (!without || without.size === 0) return true;
  const h = model.a.history;
  for (let p = h.ptr[q.shopper]!; p < h.ptr[q.shopper + 1]!; p++) if (!without.has(h.items[p]!)) return true;
  return false;
}

const isColdComponent = (name: string) => /popular|content/.test(name);

/** The cut's members into feature column `f`, min-max normalised into (0.1, 1]. */
function writeCut(
  rows: BlendRows,
  f: number,
  cut: Pick<TopSelection, 'items' | 'scores' | 'count' | 'min' | 'max'>,
) {
  // Rounded like the float32 scores of a ranked list, so the features are the fitted blend's.
  const min = Math.fround(cut.min);
  const span = Math.fround(cut.max) - min;
  for (let t = 0; t < cut.count; t++) {
    rows.cells[rows.row(cut.items[t]!) + f] =
      span > 0 ? 0.1 + (0.9 * (Math.fround(cut.scores[t]!) - min)) / span : 1;
  }
}

/** Components whose history-only cut is kept (buy-again depends on the time, popularity is shared). */
const KEPT_CUTS = new Set(['item-knn', 'ease']);
/**
 * Kept cuts per model: about 2.4 kB each at 200 candidates, at most 48 MiB per model and within
 * the process-wide serving budget (./memory-budget.ts).
 */
const KEPT_CUTS_BYTES = 48 * 1024 * 1024;
type KeptCut = Pick<TopSelection, 'items' | 'scores' | 'count' | 'min' | 'max'>;
const keptCuts = new WeakMap<ServingModel, { cuts: Map<string, KeptCut>; share: BudgetShare }>();

function keptCutsOf(model: ServingModel): { cuts: Map<string, KeptCut>; share: BudgetShare } {
  let kept = keptCuts.get(model);
  if (!kept) {
    kept = { cuts: new Map(), share: servingCacheBudget.share(model) };
    keptCuts.set(model, kept);
  }
  return kept;
}

function keepCut(model: ServingModel, key: string, cut: TopSelection): void {
  const { cuts, share } = keptCutsOf(model);
  // When full, start over: the active shoppers' cuts come back at once.
  if (!share.admit(12 * cut.count + 64, KEPT_CUTS_BYTES, () => cuts.clear())) return;
  cuts.set(key, {
    items: cut.items.slice(0, cut.count),
    scores: cut.scores.slice(0, cut.count),
    count: cut.count,
    min: cut.min,
    max: cut.max,
  });
}

/**
 * A component's candidates: kNN, EASE and buy-again as their unranked scores (the blend keeps the
 * best PER_COMPONENT of them with selectTop), content as such a selection when it comes from a
 * shopper's history part, the others as ranked lists; null when it has none.
 */
function componentScores(
  model: ServingModel,
  name: string,
  q: ServeQuery,
): { acc: SparseAccumulator; minScore: number } | TopSelection | Ranked | null {
  const pop = model.a.popularity;
  switch (name) {
    case 'buy-again':
      return { acc: model.buyAgainInto(q), minScore: Number.NEGATIVE_INFINITY };
    case 'ease':
      return { acc: model.easeInto(q), minScore: SPREAD_MIN_SCORE };
    case 'item-knn':
      return { acc: model.knnInto(q), minScore: SPREAD_MIN_SCORE };
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

/**
 * The prior features by code (hybrid-features.ts HybridPriors.write), relative to `q.now`, for
 * the touched candidates: popularity for each, the purchase priors by walking the shopper's bought
 * list once (a bought item that is no candidate gets no row) instead of searching it per candidate.
 */
function writePriors(model: ServingModel, q: ServeQuery, rows: BlendRows, codes: Int8Array): void {
  const { cells, touched } = rows;
  const nf = codes.length;
  const prior = model.a.popularity.prior;
  const popularity = codes.indexOf(1);
  if (popularity >= 0)
    for (let t = 0; t < rows.count; t++) {
      const item = touched[t]!;
      cells[item * nf + popularity] = prior[item] ?? 0;
    }
  const b = model.a.buyAgain;
  const s = q.shopper;
  if (s === undefined || s < 0 || s >= b.ptr.length - 1) return;
  for (let p = b.ptr[s]!; p < b.ptr[s + 1]!; p++) {
    const item = b.items[p]!;
    if (!rows.has(item) || q.without?.has(item)) continue;
    const base = item * nf;
    for (let f = 0; f < nf; f++) {
      const code = codes[f];
      if (code === 2) cells[base + f] = 1;
      else if (code === 3)
        cells[base + f] = Math.min(1, Math.log2(1 + b.purchases[p]!) / Math.log2(1 + PURCHASES_CAP));
      else if (code === 4)
        cells[base + f] =
          b.purchases[p]! > 0
            ? 2 ** (-Math.max(0, q.now - b.lastPurchase[p]!) / (PRIOR_RECENCY_HALF_LIFE_DAYS * 86_400_000))
            : 0;
    }
  }
}
