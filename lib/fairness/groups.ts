/**
 * How catalog items are grouped for the exposure report (issue 8): brand (top brands and "small
 * brands"), price tier (tertiles of catalog price), product age (new vs established) and top-level
 * category. Each builder returns `groupOf` (item → index into `labels`, −1 = no group) over the
 * same item indexes as the lists. Pure; purchases are counts per item from the training period.
 */

export interface ItemGrouping {
  labels: string[];
  groupOf: Int32Array;
}

const DAY_MS = 86_400_000;
/** A brand below this share of purchases is "small". */
export const SMALL_BRAND_SHARE = 0.02;
/** Brands or categories shown by name; the rest are pooled. */
const TOP_NAMED = 8;

/**
 * Small brands: brands whose purchases are under 2 % of all branded purchases; when no brand is
 * that small (a catalog of a few big brands), the bottom half of brands by purchases.
 * Returns 1 per item of a small brand (items without a brand are not "small brands").
 */
export function smallBrandItems(
  brandId: Int32Array,
  purchases: Float64Array,
  catalog: Uint8Array,
): Uint8Array {
  const byBrand = new Map<number, number>();
  let total = 0;
  for (let j = 0; j < brandId.length; j++) {
    const b = brandId[j]!;
    if (!catalog[j] || b < 0) continue;
    byBrand.set(b, (byBrand.get(b) ?? 0) + (purchases[j] ?? 0));
    total += purchases[j] ?? 0;
  }
  let small = new Set(
    [...byBrand].filter(([, n]) => total > 0 && n / total < SMALL_BRAND_SHARE).map(([b]) => b),
  );
  if (small.size === 0 && byBrand.size >= 2) {
    const ranked = [...byBrand].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    small = new Set(ranked.slice(0, Math.floor(ranked.length / 2)).map(([b]) => b));
  }
  const out = new Uint8Array(brandId.length);
  for (let j = 0; j < brandId.length; j++) if (small.has(brandId[j]!)) out[j] = 1;
  return out;
}

/**
 * Brand groups: every brand that is not small by name (most purchased first, at most 8, then
 * "Other brands"), "Small brands" together, "No brand".
 */
export function brandGroups(
  brandId: Int32Array,
  brandNames: readonly string[],
  purchases: Float64Array,
  catalog: Uint8Array,
  small: Uint8Array,
): ItemGrouping {
  const byBrand = new Map<number, number>();
  for (let j = 0; j < brandId.length; j++) {
    const b = brandId[j]!;
    if (catalog[j] && b >= 0 && !small[j]) byBrand.set(b, (byBrand.get(b) ?? 0) + (purchases[j] ?? 0));
  }
  const ranked = [...byBrand].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([b]) => b);
  const named = ranked.slice(0, TOP_NAMED);
  const labels = named.map((b) => brandNames[b] ?? `Brand ${b + 1}`);
  const other = ranked.length > TOP_NAMED ? labels.push('Other brands') - 1 : -1;
  const smallAt = labels.push('Small brands') - 1;
  const noneAt = labels.push('No brand') - 1;
  const index = new Map(named.map((b, x) => [b, x]));
  const groupOf = Int32Array.from(brandId, (b, j) =>
    b < 0 ? noneAt : small[j] ? smallAt : (index.get(b) ?? other),
  );
  return dropEmpty({ labels, groupOf }, catalog);
}

/** Low / middle / high price: tertiles of the catalog's known prices (NaN price: no group). */
export function priceTiers(priceMinor: Float64Array, catalog: Uint8Array): ItemGrouping & { cuts: number[] } {
  const known: number[] = [];
  for (let j = 0; j < priceMinor.length; j++)
    if (catalog[j] && Number.isFinite(priceMinor[j]!)) known.push(priceMinor[j]!);
  known.sort((a, b) => a - b);
  const at = (q: number) => known[Math.min(known.length - 1, Math.floor(q * known.length))] ?? 0;
  const cuts = [at(1 / 3), at(2 / 3)];
  const groupOf = Int32Array.from(priceMinor, (p) =>
    !Number.isFinite(p) ? -1 : p < cuts[0]! ? 0 : p < cuts[1]! ? 1 : 2,
  );
  return { labels: ['Low price', 'Middle price', 'High price'], groupOf, cuts };
}

/**
 * New (published within `newItemDays` before `asOf`) vs established (published earlier). Items
 * published after `asOf` or with no date fall in no group. Returns `isNew` too (1 = new).
 */
export function ageGroups(
  publishedAt: Float64Array,
  asOf: number,
  newItemDays: number,
  catalog: Uint8Array,
): ItemGrouping & { isNew: Uint8Array } {
  const from = asOf - newItemDays * DAY_MS;
  const isNew = new Uint8Array(publishedAt.length);
  const groupOf = Int32Array.from(publishedAt, (p, j) => {
    if (!Number.isFinite(p) || p >= asOf) return -1;
    if (p >= from && catalog[j]) isNew[j] = 1;
    return p >= from ? 0 : 1;
  });
  return { labels: [`New (≤ ${newItemDays} days)`, 'Established'], groupOf, isNew };
}

/** Top-level category groups: the 8 with the most items by name, then "Other categories". */
export function categoryGroups(topCategory: readonly (string | null)[], catalog: Uint8Array): ItemGrouping {
  const count = new Map<string, number>();
  topCategory.forEach((c, j) => {
    if (c && catalog[j]) count.set(c, (count.get(c) ?? 0) + 1);
  });
  const ranked = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
  const labels = ranked.slice(0, TOP_NAMED);
  const index = new Map(labels.map((c, x) => [c, x]));
  const other = ranked.length > TOP_NAMED ? labels.push('Other categories') - 1 : -1;
  const groupOf = Int32Array.from(topCategory, (c) => (c ? (index.get(c) ?? other) : -1));
  return { labels, groupOf };
}

/** Removes groups with no catalog item (e.g. "No brand" in a fully branded catalog), renumbering. */
function dropEmpty(g: ItemGrouping, catalog: Uint8Array): ItemGrouping {
  const used = new Uint8Array(g.labels.length);
  g.groupOf.forEach((x, j) => {
    if (x >= 0 && catalog[j]) used[x] = 1;
  });
  const remap = new Int32Array(g.labels.length).fill(-1);
  const labels: string[] = [];
  g.labels.forEach((l, x) => {
    if (used[x]) remap[x] = labels.push(l) - 1;
  });
  return { labels, groupOf: Int32Array.from(g.groupOf, (x) => (x < 0 ? -1 : remap[x]!)) };
}
