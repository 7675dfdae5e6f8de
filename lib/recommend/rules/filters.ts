import type { CatalogFacts } from './catalog';
import { type CompiledRules, matchesAny } from './compile';

/** The rules that remove items, in the order they are checked (an item counts once, for the first). */
export const FILTER_RULES = ['outOfStock', 'purchased', 'category', 'brand', 'price', 'age'] as const;
export type FilterRule = (typeof FILTER_RULES)[number];

/**
 * What the rules took away, for the preview ("12 hidden: 9 out of stock, 3 bought recently").
 * `diversity` counts candidates passed over because their category or brand was already full.
 */
export interface FilterSummary {
  considered: number;
  removed: Record<FilterRule | 'diversity', number>;
}

export function emptySummary(considered: number): FilterSummary {
  return {
    considered,
    removed: { outOfStock: 0, purchased: 0, category: 0, brand: 0, price: 0, age: 0, diversity: 0 },
  };
}

/**
 * The first rule that removes `item`, or null when it stays. Unknown prices and ages fail a price
 * or age rule: the shop asked for items it can vouch for, and we cannot vouch for these.
 */
export function failingRule(
  item: number,
  c: CompiledRules,
  catalog: CatalogFacts,
  purchased: ReadonlyMap<number, number> | null,
  now: number,
): FilterRule | null {
  if (c.excludeOutOfStock && catalog.inStock[item] !== 1) return 'outOfStock';
  if (c.purchasedWindowMs !== null && purchased !== null) {
    const last = purchased.get(item);
    if (last !== undefined && now - last < c.purchasedWindowMs) return 'purchased';
  }
  if (c.includeCategories.length > 0 || c.excludeCategories.length > 0) {
    const path = catalog.categoryPath[item] ?? [];
    if (c.includeCategories.length > 0 && !matchesAny(path, c.includeCategories)) return 'category';
    if (matchesAny(path, c.excludeCategories)) return 'category';
  }
  const brand = catalog.brandId[item] ?? -1;
  if (c.includeBrandIds !== null && !c.includeBrandIds.has(brand)) return 'brand';
  if (c.excludeBrandIds.has(brand)) return 'brand';
  if (c.minPriceMinor > Number.NEGATIVE_INFINITY || c.maxPriceMinor < Number.POSITIVE_INFINITY) {
    const price = catalog.priceMinor[item] ?? Number.NaN;
    if (!(price >= c.minPriceMinor && price <= c.maxPriceMinor)) return 'price';
  }
  if (c.publishedAfterMs > Number.NEGATIVE_INFINITY) {
    const published = catalog.publishedAt[item] ?? Number.NaN;
    if (!(published >= c.publishedAfterMs)) return 'age';
  }
  return null;
}
