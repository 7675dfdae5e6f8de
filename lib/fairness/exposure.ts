/**
 * Exposure measures of recommendation lists (issue 8, "Fairness"): how much attention each item and
 * each group of items gets from what shoppers are shown, against how much of the catalog and of the
 * purchases they are. Pure functions over typed arrays; lists use the evaluation harness's layout
 * (`lists[t * k + r]`, −1 pads a short list).
 */

/** Attention a slot gets: 1 / log2(1 + rank), rank 1-based (1, 0.63, 0.5, 0.43 …). @throws RangeError for rank < 1. */
export function positionWeight(rank: number): number {
  if (!(rank >= 1)) throw new RangeError(`rank is 1-based, got ${rank}`);
  return 1 / Math.log2(1 + rank);
}

/**
 * Position-weighted exposure per item (indexed 0..nItems−1) summed over every list's first `depth`
 * slots. Items outside 0..nItems−1 and −1 pads are skipped.
 */
export function itemExposure(lists: Int32Array, k: number, depth: number, nItems: number): Float64Array {
  const out = new Float64Array(nItems);
  const d = Math.min(depth, k);
  const weights = Float64Array.from({ length: d }, (_, r) => positionWeight(r + 1));
  const rows = k > 0 ? Math.floor(lists.length / k) : 0;
  for (let t = 0; t < rows; t++) {
    for (let r = 0; r < d; r++) {
      const item = lists[t * k + r]!;
      if (item >= 0 && item < nItems) out[item]! += weights[r]!;
    }
  }
  return out;
}

/** One group's shares, each in [0, 1]; `items` counts catalog items in the group. */
export interface GroupShare {
  label: string;
  items: number;
  catalogShare: number;
  purchaseShare: number;
  exposureShare: number;
}

/**
 * Shares per group: of catalog items, of purchases and of exposure. `groupOf[j]` is item j's group
 * index into `labels` (−1: in no group, still counted in the totals); only items with
 * `catalog[j] = 1` count. A share with a zero total is 0.
 */
export function groupShares(
  groupOf: Int32Array,
  labels: readonly string[],
  catalog: Uint8Array,
  purchases: Float64Array,
  exposure: Float64Array,
): GroupShare[] {
  const g = labels.length;
  const items = new Float64Array(g);
  const bought = new Float64Array(g);
  const seen = new Float64Array(g);
  let nItems = 0;
  let nBought = 0;
  let nSeen = 0;
  for (let j = 0; j < groupOf.length; j++) {
    if (!catalog[j]) continue;
    nItems++;
    nBought += purchases[j] ?? 0;
    nSeen += exposure[j] ?? 0;
    const x = groupOf[j]!;
    if (x < 0 || x >= g) continue;
    items[x]!++;
    bought[x]! += purchases[j] ?? 0;
    seen[x]! += exposure[j] ?? 0;
  }
  const share = (a: number, total: number) => (total > 0 ? a / total : 0);
  return labels.map((label, x) => ({
    label,
    items: items[x]!,
    catalogShare: share(items[x]!, nItems),
    purchaseShare: share(bought[x]!, nBought),
    exposureShare: share(seen[x]!, nSeen),
  }));
}

/** Share of the total of `values` over the items where `member[j] = 1` (and `catalog[j] = 1`). */
export function shareOf(values: Float64Array, member: Uint8Array, catalog: Uint8Array): number {
  let inside = 0;
  let total = 0;
  for (let j = 0; j < values.length; j++) {
    if (!catalog[j]) continue;
    total += values[j]!;
    if (member[j]) inside += values[j]!;
  }
  return total > 0 ? inside / total : 0;
}

/** The values of the catalog items, ascending (what Gini and the Lorenz curve read). */
function catalogValues(values: Float64Array, catalog: Uint8Array): Float64Array {
  const out: number[] = [];
  for (let j = 0; j < values.length; j++) if (catalog[j]) out.push(Math.max(0, values[j]!));
  return Float64Array.from(out).sort();
}

/**
 * Gini coefficient of `values` over the catalog items: 0 = every item equally exposed, → 1 = all
 * exposure on one item. 0 for fewer than two items or a zero total.
 */
export function gini(values: Float64Array, catalog: Uint8Array): number {
  const v = catalogValues(values, catalog);
  const n = v.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += v[i]!;
    weighted += (i + 1) * v[i]!;
  }
  if (n < 2 || total <= 0) return 0;
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/**
 * The Lorenz curve of `values` over the catalog items at `points + 1` evenly spaced item shares
 * (x from 0 to 1): y is the share of the total held by the least-exposed x of the items.
 */
export function lorenz(values: Float64Array, catalog: Uint8Array, points = 20): { x: number; y: number }[] {
  const v = catalogValues(values, catalog);
  const n = v.length;
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i]! + v[i]!;
  const total = cum[n]!;
  return Array.from({ length: points + 1 }, (_, p) => {
    const x = p / points;
    const at = Math.round(x * n);
    return { x, y: total > 0 ? cum[at]! / total : x };
  });
}

/**
 * The head: the fewest catalog items, most purchased first (ties: lower index), that together make
 * `share` of the purchases. Returns 1 for head items; no purchases → no head.
 */
export function headItems(purchases: Float64Array, catalog: Uint8Array, share = 0.8): Uint8Array {
  const head = new Uint8Array(purchases.length);
  const ranked: number[] = [];
  let total = 0;
  for (let j = 0; j < purchases.length; j++) {
    if (!catalog[j] || !(purchases[j]! > 0)) continue;
    ranked.push(j);
    total += purchases[j]!;
  }
  ranked.sort((a, b) => purchases[b]! - purchases[a]! || a - b);
  let sum = 0;
  for (const j of ranked) {
    if (sum >= share * total) break;
    head[j] = 1;
    sum += purchases[j]!;
  }
  return head;
}

export interface LongTail {
  /** Catalog items outside the head. */
  items: number;
  /** Share of the long-tail items shown at least once, 0..1. */
  coverage: number;
  /** The long tail's share of all exposure, 0..1. */
  exposureShare: number;
}

/** Long-tail coverage and exposure share, the head being `headItems(purchases, catalog, share)`. */
export function longTail(
  exposure: Float64Array,
  purchases: Float64Array,
  catalog: Uint8Array,
  share = 0.8,
): LongTail {
  const head = headItems(purchases, catalog, share);
  const tail = new Uint8Array(exposure.length);
  let items = 0;
  let shown = 0;
  for (let j = 0; j < exposure.length; j++) {
    if (!catalog[j] || head[j]) continue;
    tail[j] = 1;
    items++;
    if (exposure[j]! > 0) shown++;
  }
  return { items, coverage: items > 0 ? shown / items : 0, exposureShare: shareOf(exposure, tail, catalog) };
}
