/**
 * What the rules need to know about each product, as columns indexed like `Dataset.itemIds`, built
 * once per catalog (model) version and held in memory by the serving registry, so applying rules to
 * a request allocates nothing per candidate. Strings used for matching are normalised once here
 * (`matchKey`) rather than lower-cased per request.
 */
export type AttributeValue = string | number | boolean;

export interface CatalogFacts {
  /** 1 when the product can be sold now (stock > 0 or stock not tracked), 0 otherwise. */
  inStock: Uint8Array;
  /** Price in minor units; NaN when unknown (never inside a price range). */
  priceMinor: Float64Array;
  /** Category levels, normalised with `matchKey`; [] when uncategorised. */
  categoryPath: readonly (readonly string[])[];
  /** Interned full category path per item (−1 none): the unit of "max per category". */
  categoryId: Int32Array;
  /** Interned brand per item (−1 none). */
  brandId: Int32Array;
  /** Brand id by normalised brand name, to turn a rule's brand into an id once per request. */
  brandIndex: ReadonlyMap<string, number>;
  /** Publication time (or creation time when never published), epoch ms; NaN when unknown. */
  publishedAt: Float64Array;
  /** Item index by product id, for pins. */
  itemIndex: ReadonlyMap<string, number>;
  /** A product attribute ("color"), or undefined; string values normalised with `matchKey`. */
  attribute(item: number, key: string): AttributeValue | undefined;
}

/** Case- and space-insensitive form used on both sides of every comparison. */
export function matchKey(s: string): string {
  return s.trim().toLowerCase();
}

/** One product as the loader reads it; `null` for an item with no product row (an external item). */
export interface CatalogRow {
  stock: number | null;
  status?: string;
  priceMinor: number;
  categoryPath: string[];
  brand: string | null;
  createdAt: number;
  publishedAt: number | null;
  attributes: Record<string, AttributeValue>;
}

/**
 * Builds the facts for `itemIds` from product rows (`rows[i]` describes `itemIds[i]`). Items with
 * no row or an archived status count as out of stock: they cannot be shown in a storefront.
 */
export function buildCatalogFacts(
  itemIds: readonly string[],
  rows: readonly (CatalogRow | null)[],
): CatalogFacts {
  const n = itemIds.length;
  const facts = {
    inStock: new Uint8Array(n),
    priceMinor: new Float64Array(n).fill(Number.NaN),
    categoryPath: new Array<readonly string[]>(n).fill([]),
    categoryId: new Int32Array(n).fill(-1),
    brandId: new Int32Array(n).fill(-1),
    publishedAt: new Float64Array(n).fill(Number.NaN),
  };
  const categories = new Map<string, number>();
  const brands = new Map<string, number>();
  const attributes = new Array<Map<string, AttributeValue> | undefined>(n);
  const itemIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    itemIndex.set(itemIds[i]!, i);
    const row = rows[i];
    if (!row) continue;
    const active = row.status === undefined || row.status === 'active';
    facts.inStock[i] = active && (row.stock === null || row.stock > 0) ? 1 : 0;
    facts.priceMinor[i] = row.priceMinor;
    const path = row.categoryPath.map(matchKey);
    facts.categoryPath[i] = path;
    if (path.length > 0) facts.categoryId[i] = intern(categories, path.join('\u0000'));
    if (row.brand) facts.brandId[i] = intern(brands, matchKey(row.brand));
    facts.publishedAt[i] = row.publishedAt ?? row.createdAt;
    const attrs = Object.entries(row.attributes);
    if (attrs.length > 0)
      attributes[i] = new Map(attrs.map(([k, v]) => [matchKey(k), typeof v === 'string' ? matchKey(v) : v]));
  }
  return {
    ...facts,
    brandIndex: brands,
    itemIndex,
    attribute: (item, key) => attributes[item]?.get(key),
  };
}

function intern(map: Map<string, number>, key: string): number {
  let id = map.get(key);
  if (id === undefined) {
    id = map.size;
    map.set(key, id);
  }
  return id;
}
