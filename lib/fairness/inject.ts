/**
 * Protected candidates for the exposure floors (issue 8). A floor can only promote candidates that
 * exist, and a model's top 3·k almost never holds a new product (it has few interactions yet), so
 * a floor that only re-ranks the model's pool stays far below its target. Before re-ranking, the
 * mitigation therefore adds the protected items (new, or of a small brand) most relevant to this
 * request: closest to the request's seeds by content when product vectors exist, else in the
 * shopper's category mix, then by early popularity (purchases per day since publication) and
 * recency. Pure and shared by serving (./serve.ts) and the offline report (recommendations/measure.ts),
 * so the report's "after" column is what the storefront would show.
 */

const DAY_MS = 86_400_000;

/** Protected items added per floor slot: the placement's rules may still remove some. */
export const INJECT_PER_SLOT = 3;

export interface ProtectedRanking {
  /** How many items to return at most. */
  limit: number;
  /** True for an item that must not be added (already a candidate, the product on screen, …). */
  exclude(item: number): boolean;
  /**
   * Content similarity of an item to the request's seeds (−1..1), or NaN when the item has no
   * vector; null/absent when no seed has one (the category mix decides instead).
   */
  similarity?: ((item: number) => number) | null;
  /** The shopper's category mix (category id → share); empty or null when unknown. */
  profile?: ReadonlyMap<number, number> | null;
  category(item: number): number;
  /** Purchases per item so far (training purchases offline, the live model's purchase counts in serving). */
  purchases(item: number): number;
  /** Publication time (epoch ms, NaN when unknown). */
  publishedAt(item: number): number;
  /** Epoch ms of the request or the cutoff: the age of an item is measured to it. */
  now: number;
}

/**
 * The `limit` most relevant protected items of `items`, best first: similarity (items with a
 * vector before items without), else the share of their category in the shopper's mix, then
 * purchases per day since publication, then the newest. O(items) plus a sort of the kept ones.
 */
export function rankProtected(items: Iterable<number>, o: ProtectedRanking): number[] {
  if (!(o.limit > 0)) return [];
  const keyed: { item: number; primary: number; rate: number; published: number }[] = [];
  for (const item of items) {
    if (o.exclude(item)) continue;
    let primary = 0;
    if (o.similarity) {
      const s = o.similarity(item);
      primary = Number.isFinite(s) ? s : -2;
    } else if (o.profile && o.profile.size > 0) primary = o.profile.get(o.category(item)) ?? 0;
    const published = o.publishedAt(item);
    const days = Number.isFinite(published) ? Math.max(1, (o.now - published) / DAY_MS) : 365;
    keyed.push({ item, primary, rate: o.purchases(item) / days, published });
  }
  keyed.sort(
    (a, b) =>
      b.primary - a.primary ||
      b.rate - a.rate ||
      (Number.isFinite(b.published) ? b.published : 0) - (Number.isFinite(a.published) ? a.published : 0) ||
      a.item - b.item,
  );
  return keyed.slice(0, o.limit).map((k) => k.item);
}

/** How many protected items to look for: INJECT_PER_SLOT per floor slot (0 when the floor is off). */
export function injectLimit(floor: number, k: number): number {
  return floor > 0 ? INJECT_PER_SLOT * Math.ceil(floor * k - 1e-9) : 0;
}

/**
 * Scores for items appended below a pool whose lowest score is `floor`: decreasing in rank and all
 * under it, so the model's own candidates keep their order and are promoted first.
 */
export function scoresBelow(floor: number, count: number): number[] {
  const top = Number.isFinite(floor) && floor > 0 ? 0.9 * floor : 0.9;
  return Array.from({ length: count }, (_, r) => top / (1 + r));
}

/** Catalog items sorted by publication time, newest first (NaN dates left out): built once per catalog. */
export function newestFirst(publishedAt: Float64Array): Int32Array {
  const idx: number[] = [];
  for (let j = 0; j < publishedAt.length; j++) if (Number.isFinite(publishedAt[j]!)) idx.push(j);
  idx.sort((a, b) => publishedAt[b]! - publishedAt[a]! || a - b);
  return Int32Array.from(idx);
}

/**
 * The items of `newest` published in [now − days, now]: a short scan from the newest, stopping at
 * the first older item, so a request touches only the new products (and the few not yet live).
 */
export function* publishedWithin(
  newest: Int32Array,
  publishedAt: Float64Array,
  now: number,
  days: number,
): Generator<number> {
  const since = now - days * DAY_MS;
  for (const j of newest) {
    const p = publishedAt[j]!;
    if (p < since) return;
    if (p <= now) yield j;
  }
}

/** A protected group for `appendProtected`: its floor (share of k) and its items. */
export interface ProtectedGroup {
  floor: number;
  items: Iterable<number>;
}

/**
 * `candidates` followed by the most relevant protected items of each group whose floor is on
 * (INJECT_PER_SLOT per floor slot, none already a candidate), scored below the lowest candidate.
 * The offline twin of the serving path, which also passes the added items through the rules.
 */
export function appendProtected(
  candidates: readonly { item: number; score: number }[],
  groups: readonly ProtectedGroup[],
  k: number,
  o: Omit<ProtectedRanking, 'limit' | 'exclude'> & { exclude?: (item: number) => boolean },
): { item: number; score: number }[] {
  const taken = new Set(candidates.map((c) => c.item));
  const picked: number[] = [];
  for (const g of groups) {
    const limit = injectLimit(g.floor, k);
    if (limit === 0) continue;
    const ranked = rankProtected(g.items, {
      ...o,
      limit,
      exclude: (j) => taken.has(j) || (o.exclude?.(j) ?? false),
    });
    for (const j of ranked) {
      taken.add(j);
      picked.push(j);
    }
  }
  if (picked.length === 0) return [...candidates];
  let lowest = Number.POSITIVE_INFINITY;
  for (const c of candidates) if (c.score > 0) lowest = Math.min(lowest, c.score);
  const scores = scoresBelow(lowest, picked.length);
  return [...candidates, ...picked.map((item, r) => ({ item, score: scores[r]! }))];
}
