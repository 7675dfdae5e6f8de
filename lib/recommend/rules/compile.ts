import { splitCategory } from '@/lib/search/schemas';
import { type AttributeValue, type CatalogFacts, matchKey } from './catalog';
import { NEW_PRODUCT_DAYS, type PlacementRules } from './schema';

const DAY_MS = 86_400_000;

/** A boost turned into a test on the catalog columns, so each candidate costs a few array reads. */
export type BoostTest =
  | { on: 'brand'; brandId: number }
  | { on: 'category'; prefix: readonly string[] }
  | { on: 'attribute'; key: string; value: AttributeValue };

export interface CompiledBoost {
  test: BoostTest;
  factor: number;
  /** The condition as the merchant wrote it ("brand = Acme"), for the reason line. */
  label: string;
}

/** Rules resolved against one catalog and one moment; built per request (a handful of rules). */
export interface CompiledRules {
  excludeOutOfStock: boolean;
  /** Purchases younger than this are excluded; null when the rule is off, Infinity for "ever". */
  purchasedWindowMs: number | null;
  includeCategories: readonly (readonly string[])[];
  excludeCategories: readonly (readonly string[])[];
  /** null when no include rule; a brand unknown to the catalog simply matches nothing. */
  includeBrandIds: ReadonlySet<number> | null;
  excludeBrandIds: ReadonlySet<number>;
  minPriceMinor: number;
  maxPriceMinor: number;
  /** Products published before this (epoch ms) are excluded; −Infinity when no age rule. */
  publishedAfterMs: number;
  boosts: readonly CompiledBoost[];
  pins: readonly { item: number; position: number }[];
}

/** Pins whose product is not in the catalog facts are dropped here (nothing to show). */
export function compileRules(rules: PlacementRules, catalog: CatalogFacts, now: number): CompiledRules {
  const brandIds = (names: readonly string[]) =>
    new Set(names.map((b) => catalog.brandIndex.get(matchKey(b)) ?? -1).filter((id) => id >= 0));
  const ageDays = rules.maxProductAgeDays ?? (rules.newOnly ? NEW_PRODUCT_DAYS : undefined);
  const ex = rules.excludePurchased;
  return {
    excludeOutOfStock: rules.excludeOutOfStock,
    purchasedWindowMs: !ex.enabled
      ? null
      : ex.repurchaseWindowDays === undefined
        ? Number.POSITIVE_INFINITY
        : ex.repurchaseWindowDays * DAY_MS,
    includeCategories: rules.includeCategories.map((p) => p.map(matchKey)),
    excludeCategories: rules.excludeCategories.map((p) => p.map(matchKey)),
    includeBrandIds: rules.includeBrands.length > 0 ? brandIds(rules.includeBrands) : null,
    excludeBrandIds: brandIds(rules.excludeBrands),
    minPriceMinor: rules.priceRange.minMinor ?? Number.NEGATIVE_INFINITY,
    maxPriceMinor: rules.priceRange.maxMinor ?? Number.POSITIVE_INFINITY,
    publishedAfterMs: ageDays === undefined ? Number.NEGATIVE_INFINITY : now - ageDays * DAY_MS,
    boosts: rules.boosts.map((b) => ({
      test: boostTest(b.attribute, b.equals, catalog),
      factor: b.factor,
      label: `${b.attribute} = ${String(b.equals)}`,
    })),
    pins: rules.pins
      .map((p) => ({ item: catalog.itemIndex.get(p.productId) ?? -1, position: p.position }))
      .filter((p) => p.item >= 0)
      .sort((a, b) => a.position - b.position),
  };
}

function boostTest(attribute: string, equals: AttributeValue, catalog: CatalogFacts): BoostTest {
  const key = matchKey(attribute);
  if (key === 'brand')
    return { on: 'brand', brandId: catalog.brandIndex.get(matchKey(String(equals))) ?? -1 };
  if (key === 'category') return { on: 'category', prefix: splitCategory(String(equals)).map(matchKey) };
  return { on: 'attribute', key, value: typeof equals === 'string' ? matchKey(equals) : equals };
}

/** True when `path` starts with every level of `prefix` (levels already normalised). */
export function hasPrefix(path: readonly string[], prefix: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

export function matchesAny(path: readonly string[], prefixes: readonly (readonly string[])[]): boolean {
  for (const p of prefixes) if (hasPrefix(path, p)) return true;
  return false;
}

export function boostMatches(test: BoostTest, item: number, catalog: CatalogFacts): boolean {
  switch (test.on) {
    case 'brand':
      return test.brandId >= 0 && catalog.brandId[item] === test.brandId;
    case 'category':
      return hasPrefix(catalog.categoryPath[item] ?? [], test.prefix);
    case 'attribute':
      return catalog.attribute(item, test.key) === test.value;
  }
}
