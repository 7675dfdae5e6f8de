import { z } from 'zod';
import { parseOrThrow } from '@/lib/validation';
import { catalogFiltersSchema, searchRequestSchema } from './schemas';
import type { CatalogFilters } from './types';

const filterShape = catalogFiltersSchema.shape;
const searchShape = searchRequestSchema.shape;

/**
 * The search API's query string, named as clients send it (`minPrice`, not
 * `filters.minPriceMinor`) so validation errors name the parameter that was wrong. Prices are in
 * minor units, like `price.amountMinor` in product responses.
 */
const searchParamsSchema = z
  .object({
    q: searchShape.q,
    k: searchShape.k,
    mode: searchShape.mode,
    brand: filterShape.brand,
    category: filterShape.category,
    minPrice: filterShape.minPriceMinor,
    maxPrice: filterShape.maxPriceMinor,
    inStock: filterShape.inStock,
  })
  .refine((p) => p.minPrice === undefined || p.maxPrice === undefined || p.minPrice <= p.maxPrice, {
    message: 'minPrice is above maxPrice.',
    path: ['minPrice'],
  });

/** Query-string values, with empty parameters treated as absent (`?brand=` from a blank form field). */
function paramsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (value !== '' && !(key in out)) out[key] = value;
  return out;
}

/**
 * `?q=&k=&mode=&brand=&category=&minPrice=&maxPrice=&inStock=` → the input of `searchProducts`.
 * Throws `validation_failed` with the parameter names as fields.
 */
export function searchInputFromParams(params: URLSearchParams) {
  const p = parseOrThrow(searchParamsSchema, paramsObject(params));
  const filters: CatalogFilters = {
    ...(p.brand !== undefined ? { brand: p.brand } : {}),
    ...(p.category?.length ? { category: p.category } : {}),
    ...(p.minPrice !== undefined ? { minPriceMinor: p.minPrice } : {}),
    ...(p.maxPrice !== undefined ? { maxPriceMinor: p.maxPrice } : {}),
    ...(p.inStock !== undefined ? { inStock: p.inStock } : {}),
  };
  return { q: p.q, k: p.k, mode: p.mode, filters };
}

/** `?k=` of the similar-products API. */
export function similarOptionsFromParams(params: URLSearchParams): { k?: string } {
  const k = params.get('k');
  return k ? { k } : {};
}

/** The `{id}` path segment as the products routes read it; a malformed escape is taken literally. */
export function productIdParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
