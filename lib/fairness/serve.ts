/**
 * The mitigation in storefront serving (issue 8): re-ranks a placement's ruled list (asked of the
 * rules at 3·k) down to k with the merchant's floors and calibration (./rerank.ts). Before that,
 * each floor that is on adds the protected items most relevant to the request (./inject.ts),
 * passed through the placement's rules, since the model's own pool rarely holds a new product.
 * Everything is in memory: the newest-first item order (per catalog version) and the small-brand
 * items with the model's purchase counts (per catalog and model version) are kept in WeakMaps, so a
 * request adds a scan of the protected items and one pass over ~3·k candidates.
 */
import type { Reason } from '@/lib/recommend/explain/reasons';
import type { Candidate, RuledItem } from '@/lib/recommend/rules/apply';
import type { CatalogFacts } from '@/lib/recommend/rules/catalog';
import type { ServingModel } from '@/lib/recommend/serve/serving-model';
import type { RecommendationMitigation } from '@/db/schema/fairness';
import { smallBrandItems } from './groups';
import { injectLimit, newestFirst, publishedWithin, rankProtected, scoresBelow } from './inject';
import { rerank } from './rerank';
import { type ServeSeeds, seedSimilarity } from './serve-content';

export type { ServeSeeds } from './serve-content';

const DAY_MS = 86_400_000;
/** How many ruled candidates the re-ranker chooses from, per slot shown. */
export const MITIGATION_POOL = 3;

interface ModelFacts {
  small: Uint8Array;
  /** Small-brand items, in catalog order. */
  smallItems: Int32Array;
  purchases: Float64Array;
}
const byCatalog = new WeakMap<CatalogFacts, { newest: Int32Array; models: WeakMap<object, ModelFacts> }>();
const NO_MODEL = {};

function cached(facts: CatalogFacts, model: ServingModel | null): ModelFacts & { newest: Int32Array } {
  let entry = byCatalog.get(facts);
  if (!entry) {
    entry = { newest: newestFirst(facts.publishedAt), models: new WeakMap() };
    byCatalog.set(facts, entry);
  }
  const key = model ?? NO_MODEL;
  let hit = entry.models.get(key);
  if (!hit) {
    const n = facts.brandId.length;
    const purchases = new Float64Array(n);
    const b = model?.a.buyAgain;
    if (b)
      for (let p = 0; p < b.items.length; p++) {
        const j = b.items[p]!;
        if (j >= 0 && j < n) purchases[j]! += b.count[p] ?? 1;
      }
    const small = model
      ? smallBrandItems(facts.brandId, purchases, new Uint8Array(n).fill(1))
      : new Uint8Array(n);
    const smallItems: number[] = [];
    small.forEach((v, j) => {
      if (v) smallItems.push(j);
    });
    hit = { small, smallItems: Int32Array.from(smallItems), purchases };
    entry.models.set(key, hit);
  }
  return { ...hit, newest: entry.newest };
}

/**
 * Small-brand flags per catalog item: brands under 2 % of the live model's purchases (or the
 * bottom half of brands), as in the report. Without a model nothing counts as a small brand.
 */
export function servedSmallBrands(facts: CatalogFacts, model: ServingModel | null): Uint8Array {
  return cached(facts, model).small;
}

export interface ServeMitigationInput {
  k: number;
  now: number;
  mitigation: RecommendationMitigation;
  facts: CatalogFacts;
  model: ServingModel | null;
  /** Catalog items the shopper bought (or, without purchases, viewed in this visit): their category mix. */
  history: Iterable<number>;
  diversity?: { maxPerCategory?: number; maxPerBrand?: number };
  /**
   * The placement's rules applied to added protected candidates (pins left out): what it returns
   * may be shown. Without it nothing is added (the floors only re-rank `ruled`).
   */
  applyRules?: (candidates: Candidate[]) => RuledItem[];
  /** The request's content seeds and the tenant's vectors, for the relevance of added items. */
  seeds?: ServeSeeds;
  /** Items never added: the product on screen, the cart. */
  exclude?: Iterable<number>;
}

/**
 * The first k of `ruled` (plus added protected items) after re-ranking; promoted or calibrated
 * items carry a `fairness` reason (contribution 0: the model's own contributions still sum to 1).
 * Pins keep their slots.
 */
export function mitigateServed(ruled: readonly RuledItem[], o: ServeMitigationInput): RuledItem[] {
  const { facts } = o;
  const c = cached(facts, o.model);
  const small = o.mitigation.smallBrandFloor > 0 ? c.small : null;
  const since = o.now - o.mitigation.newItemDays * DAY_MS;
  const counts = new Map<number, number>();
  let total = 0;
  for (const j of o.history) {
    const cat = facts.categoryId[j] ?? -1;
    counts.set(cat, (counts.get(cat) ?? 0) + 1);
    total++;
  }
  const profile = new Map([...counts].map(([cat, v]) => [cat, v / total]));
  const isNew = (j: number) => {
    const p = facts.publishedAt[j]!;
    return p >= since && p <= o.now;
  };
  const pool = o.applyRules ? [...ruled, ...injected(ruled, o, c, profile, small)] : ruled;
  const slots = rerank(
    pool,
    {
      isNew,
      isSmallBrand: (j) => small?.[j] === 1,
      category: (j) => facts.categoryId[j] ?? -1,
      brand: (j) => facts.brandId[j] ?? -1,
    },
    { k: o.k, ...o.mitigation, profile, ...o.diversity },
  );
  return slots.map(({ index, policy }) => {
    const item = pool[index]!;
    if (!policy) return item;
    const reason: Reason = { kind: 'fairness', policy, contribution: 0 };
    return { ...item, reasons: [...item.reasons, reason] };
  });
}

/** Protected items for each floor that is on, ruled, scored below the pool, best first. */
function injected(
  ruled: readonly RuledItem[],
  o: ServeMitigationInput,
  c: ReturnType<typeof cached>,
  profile: ReadonlyMap<number, number>,
  small: Uint8Array | null,
): RuledItem[] {
  const { facts, mitigation: m } = o;
  const taken = new Set<number>([...ruled.map((r) => r.item), ...(o.exclude ?? [])]);
  const similarity = o.seeds ? seedSimilarity(o.seeds) : null;
  const rank = (items: Iterable<number>, limit: number) =>
    rankProtected(items, {
      limit,
      exclude: (j) => taken.has(j) || facts.inStock[j] !== 1,
      similarity: similarity?.score,
      profile,
      category: (j) => facts.categoryId[j] ?? -1,
      purchases: (j) => c.purchases[j] ?? 0,
      publishedAt: (j) => facts.publishedAt[j]!,
      now: o.now,
    });
  const picked: number[] = [];
  const floors: [number, () => Iterable<number>][] = [
    [m.newItemFloor, () => publishedWithin(c.newest, facts.publishedAt, o.now, m.newItemDays)],
    [m.smallBrandFloor, () => (small ? c.smallItems : [])],
  ];
  for (const [floor, items] of floors) {
    for (const j of rank(items(), injectLimit(floor, o.k))) {
      picked.push(j);
      taken.add(j);
    }
  }
  if (picked.length === 0 || !o.applyRules) return [];
  let lowest = Number.POSITIVE_INFINITY;
  for (const r of ruled) if (r.score > 0) lowest = Math.min(lowest, r.score);
  const scores = scoresBelow(lowest, picked.length);
  const candidates: Candidate[] = picked.map((item, r) => ({
    item,
    score: scores[r]!,
    reasons: similarity?.reason(item) ?? [],
  }));
  const seen = new Set(ruled.map((r) => r.item));
  return o.applyRules(candidates).filter((r) => !r.pinned && !seen.has(r.item));
}
