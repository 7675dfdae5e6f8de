/**
 * The content-based steps of the serving path: look-alikes of the product on screen (a new one
 * too) and the shopper's interest — a recency-weighted mean of the vectors of the cart, the
 * visit's views and the items of their history — for the `content` fallback step and the hybrid's
 * content component.
 */
import type { Candidate } from '../rules/apply';
import type { TopSelection } from '../matrix/select';
import type { Ranked } from '../types';
import type { ServeQuery } from './serving-model';
import {
  type ContentSeed,
  type ContentVectors,
  contentCandidates,
  contentNeighbours,
  contextSums,
  historyContent,
} from './content';
import { similarityRowsOf } from './content-rows';
import type { SourceInput } from './sources';

/** The newest views that steer the session re-ranking (older ones are history, not intent). */
export const SESSION_VIEWS = 5;
/** Interest weights: a view decays by this per position, a purchase by its age (half-life, days). */
const VIEW_DECAY = 0.8;
const PURCHASE_HALF_LIFE_DAYS = 60;
/** Views and carts of the history have no time here: they count as a purchase a few months old. */
const HISTORY_VIEW_WEIGHT = 0.25;

/**
 * Look-alikes by product vectors: of the item on screen when there is one (a new product too),
 * else of the shopper's interest — the recency-weighted mean of the vectors of the cart, the
 * visit's views and (known shoppers) the items of their history, purchases weighted by age.
 */
export function content(q: SourceInput): Candidate[] {
  if (!q.content) return [];
  const seeds: ContentSeed[] = [];
  if (q.item !== undefined) seeds.push({ item: q.item, weight: 1 });
  else {
    for (const item of q.cart) seeds.push({ item, weight: 1 });
    for (const [r, item] of q.recent.entries()) seeds.push({ item, weight: VIEW_DECAY ** r });
    seeds.push(...historySeeds(q));
  }
  const exclude = new Set<number>([...q.cart, ...(q.item === undefined ? [] : [q.item])]);
  return contentNeighbours(q.content, seeds, q.k, exclude).map((h) => ({
    item: h.item,
    score: h.score,
    reasons: [{ kind: 'content', similarTo: h.seed, similarity: h.seedSimilarity, contribution: 1 }],
  }));
}

/**
 * The hybrid's content component over the tenant's vectors: seeds as the fitted ContentModel
 * (context items weigh 2, history by recency), candidates limited to the model's items since the
 * blend's priors are per model item. With `explain`, each hit also names its nearest seed
 * (`contentSeed`), which costs a few dot products per hit. Empty when there are no vectors.
 */
export function contentComponent(
  q: SourceInput,
  withHistory: boolean,
  nItems: number,
): Pick<ServeQuery, 'content' | 'contentSeed'> {
  const cv = q.content;
  if (!cv) return {};
  // Only with explanations: the storefront's hot path allocates nothing for them.
  const seedOf = q.explain ? new Map<number, { item: number; similarity: number }>() : null;
  const content = (k: number): Ranked | TopSelection => {
    const seeds: ContentSeed[] = [];
    for (const item of [...(q.item === undefined ? [] : [q.item]), ...q.cart])
      seeds.push({ item, weight: 2 });
    for (const [r, item] of q.recent.slice(0, SESSION_VIEWS).entries())
      seeds.push({ item, weight: 2 * VIEW_DECAY ** r });
    const fast = withHistory && !seedOf && !q.without ? fromHistoryPart(q, cv, seeds, k, nItems) : null;
    if (fast) return fast;
    if (withHistory) seeds.push(...historySeeds(q));
    const hits = contentNeighbours(cv, seeds, k, undefined, q.explain).filter((h) => h.item < nItems);
    if (seedOf) for (const h of hits) seedOf.set(h.item, { item: h.seed, similarity: h.seedSimilarity });
    return { items: Int32Array.from(hits, (h) => h.item), scores: Float32Array.from(hits, (h) => h.score) };
  };
  return seedOf ? { content, contentSeed: (item) => seedOf.get(item) ?? null } : { content };
}

/**
 * The content candidates of a known shopper from their history part (kept per model version and
 * shopper once the rows of their items are) plus the visit's seeds: the hot path's exact shortcut
 * for contentNeighbours. Null when it does not apply yet (the caller scans, which queues rows).
 */
function fromHistoryPart(
  q: SourceInput,
  cv: ContentVectors,
  context: readonly ContentSeed[],
  k: number,
  nItems: number,
): TopSelection | null {
  const m = q.model;
  const s = q.shopper;
  if (!m || s === undefined || !m.isKnown(s)) return null;
  const live = context.filter((c) => (cv.rowOfItem[c.item] ?? -1) >= 0 && c.weight > 0);
  const kept = similarityRowsOf(cv);
  // The visit's items repeat across shoppers (product pages): their rows are kept, and until they
  // are, one pass over the matrix sums them.
  const visit = kept.rowsFor(live.map((c) => c.item)) ?? contextSums(cv, live);
  const history = kept.history(`${m.versionId}:${s}`, () => {
    const h = m.a.history;
    const purchases: { item: number; at: number }[] = [];
    const views: ContentSeed[] = [];
    for (let p = h.ptr[s]!; p < h.ptr[s + 1]!; p++) {
      const item = h.items[p]!;
      const bought = m.boughtPair(s, item);
      if (bought >= 0) purchases.push({ item, at: m.a.buyAgain.last[bought]! });
      else views.push({ item, weight: HISTORY_VIEW_WEIGHT });
    }
    return historyContent(cv, purchases, views, PURCHASE_HALF_LIFE_DAYS * 86_400_000);
  });
  return contentCandidates(cv, history, q.now, live, visit, k, nItems);
}

function historySeeds(q: SourceInput): ContentSeed[] {
  const m = q.model;
  const s = q.shopper;
  if (!m || s === undefined || !m.isKnown(s)) return [];
  const h = m.a.history;
  const out: ContentSeed[] = [];
  for (let p = h.ptr[s]!; p < h.ptr[s + 1]!; p++) {
    const item = h.items[p]!;
    if (q.without?.has(item)) continue;
    const bought = m.boughtPair(s, item);
    const days = bought >= 0 ? Math.max(0, (q.now - m.a.buyAgain.last[bought]!) / 86_400_000) : null;
    out.push({ item, weight: days === null ? HISTORY_VIEW_WEIGHT : 2 ** (-days / PURCHASE_HALF_LIFE_DAYS) });
  }
  return out;
}
