/**
 * Which markets buy alike, and what sells in one but not in its look-alike. Pure functions over
 * purchase counts; the thresholds are exported so the page can state them.
 */

/** A market's purchases: key (category path or product id) → count (order lines or orders). */
export type Mix = ReadonlyMap<string, number>;

/** Markets with fewer order lines than this are not compared (their mix is mostly noise). */
export const MIN_LINES_TO_COMPARE = 20;
/** A gap product needs at least this many orders in the market where it sells … */
export const MIN_GAP_ORDERS = 3;
/** … and the other market must be big enough to expect at least this many orders at that share … */
export const MIN_EXPECTED_ORDERS = 3;
/** … yet show at most this fraction of the first market's share ("~none"). */
export const MAX_SHARE_RATIO = 0.25;

/** Cosine similarity of two non-negative count vectors, 0–1; 0 when either is empty. */
export function cosine(a: Mix, b: Mix): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  if (na === 0 || nb === 0) return 0;
  return Math.min(1, dot / Math.sqrt(na * nb));
}

const total = (m: Mix) => {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
};

/**
 * The market whose mix is most similar to `target`'s (cosine), among markets with at least
 * `minTotal` purchases; null when `target` itself is too small or no other market qualifies.
 * Ties go to the alphabetically first key, so the answer is stable.
 */
export function mostSimilar(
  target: string,
  mixes: ReadonlyMap<string, Mix>,
  minTotal = MIN_LINES_TO_COMPARE,
): { market: string; similarity: number } | null {
  const mine = mixes.get(target);
  if (!mine || total(mine) < minTotal) return null;
  let best: { market: string; similarity: number } | null = null;
  for (const [key, mix] of [...mixes].sort(([a], [b]) => a.localeCompare(b))) {
    if (key === target || total(mix) < minTotal) continue;
    const s = cosine(mine, mix);
    if (!best || s > best.similarity) best = { market: key, similarity: s };
  }
  return best;
}

export interface GapProduct {
  key: string;
  /** Orders containing it in the market where it sells / in the other market. */
  ordersHere: number;
  ordersThere: number;
  /** Share of each market's orders that contain it, 0–1. */
  shareHere: number;
  shareThere: number;
}

/**
 * Products that sell in market A and (almost) not in market B: at least MIN_GAP_ORDERS orders in
 * A; B large enough that A's share would give it MIN_EXPECTED_ORDERS; B's share at most
 * MAX_SHARE_RATIO × A's. `a`/`b` map product → orders containing it; `ordersA`/`ordersB` are each
 * market's order totals. Sorted by the share gap, largest first, at most `limit`.
 */
export function gapProducts(a: Mix, ordersA: number, b: Mix, ordersB: number, limit = 5): GapProduct[] {
  if (ordersA <= 0 || ordersB <= 0) return [];
  const out: GapProduct[] = [];
  for (const [key, here] of a) {
    if (here < MIN_GAP_ORDERS) continue;
    const shareHere = here / ordersA;
    if (shareHere * ordersB < MIN_EXPECTED_ORDERS) continue;
    const there = b.get(key) ?? 0;
    const shareThere = there / ordersB;
    if (shareThere > shareHere * MAX_SHARE_RATIO) continue;
    out.push({ key, ordersHere: here, ordersThere: there, shareHere, shareThere });
  }
  return out
    .sort((x, y) => y.shareHere - y.shareThere - (x.shareHere - x.shareThere) || x.key.localeCompare(y.key))
    .slice(0, limit);
}

/** Weighted median of `values` (weights ≥ 0): the lower median for an even split; null if empty. */
export function weightedMedian(items: readonly { value: number; weight: number }[]): number | null {
  const xs = items.filter((i) => i.weight > 0).sort((p, q) => p.value - q.value);
  const sum = xs.reduce((s, i) => s + i.weight, 0);
  if (sum === 0) return null;
  let acc = 0;
  for (const i of xs) {
    acc += i.weight;
    if (acc >= sum / 2) return i.value;
  }
  return xs.at(-1)?.value ?? null;
}
