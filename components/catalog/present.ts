import { languageName } from '@/lib/language/detect';
import type { CatalogFilters, SearchMode } from '@/lib/search/types';

/**
 * The catalog page's URL state (a GET form, so it works without JavaScript) and the small
 * formatting rules shared by the catalog, product and models pages.
 */

export const SEARCH_MODES: { value: SearchMode; label: string; hint: string }[] = [
  { value: 'hybrid', label: 'Hybrid', hint: 'both lists, fused by rank' },
  { value: 'keyword', label: 'Keyword', hint: 'exact words, any language' },
  { value: 'semantic', label: 'Semantic', hint: 'similar meaning, by vectors' },
];

export const CATALOG_SORTS: { value: CatalogSort; label: string }[] = [
  { value: 'title', label: 'Title, A–Z' },
  { value: 'newest', label: 'Newest first' },
  { value: 'price', label: 'Price, low to high' },
];
export type CatalogSort = 'title' | 'newest' | 'price';

/** Search results per page: the first page, then "Show more" steps up to the largest. */
export const SEARCH_K_STEPS = [20, 50, 100] as const;
/** Products per page of the catalog list. */
export const LIST_LIMIT = 25;

/** Category paths travel in the URL joined by this separator (`Apparel>Knitwear`). */
const CATEGORY_SEP = '>';

export function categoryValue(path: readonly string[]): string {
  return path.join(CATEGORY_SEP);
}

export function categoryLabel(path: readonly string[]): string {
  return path.join(' › ');
}

type Params = Record<string, string | string[] | undefined>;

/** What the catalog URL asks for, as the form shows it (strings) and as the services take it. */
export interface CatalogQuery {
  q: string;
  mode: SearchMode;
  k: number;
  category: string;
  brand: string;
  min: string;
  max: string;
  inStock: boolean;
  missing: string;
  sort: CatalogSort;
  cursor: string;
  filters: CatalogFilters;
  /** Values that were ignored, said in words (a price that is not a number …). */
  problems: string[];
}

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

/** Decimal digits of a currency (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** "12", "12.5" or "12,50" in major units → minor units; null when not a non-negative amount. */
export function parsePrice(text: string, currency: string): number | null {
  const t = text.replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const value = Math.round(Number(t) * 10 ** currencyDigits(currency));
  return Number.isSafeInteger(value) ? value : null;
}

/** Reads the catalog page's search params; never throws (bad values are ignored and reported). */
export function parseCatalogQuery(params: Params, currency: string): CatalogQuery {
  const q = one(params.q).slice(0, 200);
  const rawMode = one(params.mode);
  const mode = SEARCH_MODES.some((m) => m.value === rawMode) ? (rawMode as SearchMode) : 'hybrid';
  const kRaw = Number(one(params.k));
  const k = SEARCH_K_STEPS.find((s) => s === kRaw) ?? SEARCH_K_STEPS[0];
  const category = one(params.category);
  const brand = one(params.brand);
  const min = one(params.min);
  const max = one(params.max);
  const inStock = ['1', 'on', 'true'].includes(one(params.stock));
  const missing = one(params.missing);
  const rawSort = one(params.sort);
  const sort = CATALOG_SORTS.find((s) => s.value === rawSort)?.value ?? 'title';
  const cursor = one(params.cursor);
  const problems: string[] = [];
  const filters: CatalogFilters = {};
  if (category) {
    const path = category
      .split(CATEGORY_SEP)
      .map((s) => s.trim())
      .filter(Boolean);
    if (path.length) filters.category = path;
  }
  if (brand) filters.brand = brand;
  if (min) {
    const v = parsePrice(min, currency);
    if (v === null) problems.push(`The minimum price “${min}” is not an amount, so it was ignored.`);
    else filters.minPriceMinor = v;
  }
  if (max) {
    const v = parsePrice(max, currency);
    if (v === null) problems.push(`The maximum price “${max}” is not an amount, so it was ignored.`);
    else filters.maxPriceMinor = v;
  }
  if (
    filters.minPriceMinor !== undefined &&
    filters.maxPriceMinor !== undefined &&
    filters.minPriceMinor > filters.maxPriceMinor
  ) {
    problems.push('The minimum price is above the maximum, so no product can match.');
  }
  if (inStock) filters.inStock = true;
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(missing)) filters.missingLocale = missing;
  return { q, mode, k, category, brand, min, max, inStock, missing, sort, cursor, filters, problems };
}

/** True when any filter (not the query) narrows the list. */
export function hasFilters(query: CatalogQuery): boolean {
  return Boolean(query.category || query.brand || query.min || query.max || query.inStock || query.missing);
}

/** The catalog URL for a query with some values replaced (empty values are left out). */
export function catalogHref(
  slug: string,
  query: Partial<Omit<CatalogQuery, 'filters' | 'problems'>>,
  change: Partial<
    Record<
      'q' | 'mode' | 'k' | 'category' | 'brand' | 'min' | 'max' | 'stock' | 'missing' | 'sort' | 'cursor',
      string
    >
  > = {},
): string {
  const values: Record<string, string> = {
    q: query.q ?? '',
    mode: query.mode && query.mode !== 'hybrid' ? query.mode : '',
    k: query.k && query.k !== SEARCH_K_STEPS[0] ? String(query.k) : '',
    category: query.category ?? '',
    brand: query.brand ?? '',
    min: query.min ?? '',
    max: query.max ?? '',
    stock: query.inStock ? '1' : '',
    missing: query.missing ?? '',
    sort: query.sort && query.sort !== 'title' ? query.sort : '',
    cursor: query.cursor ?? '',
    ...change,
  };
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) sp.set(key, value);
  const s = sp.toString();
  return `/${slug}/products${s ? `?${s}` : ''}`;
}

/** The next "Show more" size after `k`, or null at the largest. */
export function nextK(k: number): number | null {
  return SEARCH_K_STEPS.find((s) => s > k) ?? null;
}

/**
 * The text of a localized field in the preferred locale, else English, else any locale; with the
 * locale it came from, so the page can mark its language (`lang`).
 */
export function pickLocalized(
  text: Record<string, string> | null | undefined,
  locale: string,
): { text: string; locale: string } | null {
  if (!text) return null;
  const base = locale.split('-')[0] ?? locale;
  for (const key of [locale, base, 'en']) {
    const v = text[key];
    if (v?.trim()) return { text: v, locale: key };
  }
  for (const [key, v] of Object.entries(text)) if (v?.trim()) return { text: v, locale: key };
  return null;
}

/** A language's name in English ("de" → "German"); the code itself when unknown. */
export function languageLabel(code: string): string {
  return languageName(code, 'en');
}

/** 0.1234 → "12 %" (whole percent unless small). */
export function percentOf(share: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: share > 0 && share < 0.1 ? 1 : 0,
  }).format(share);
}

/** A cosine similarity or score with three decimals ("0.812"). */
export function formatScore(score: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(score);
}

/** Stock for people: not tracked, out of stock, or a count. */
export function stockText(
  stock: number | null,
  locale = 'en',
): { text: string; tone: 'gray' | 'red' | 'green' } {
  if (stock === null) return { text: 'Not tracked', tone: 'gray' };
  if (stock <= 0) return { text: 'Out of stock', tone: 'red' };
  return { text: `${new Intl.NumberFormat(locale).format(stock)} in stock`, tone: 'green' };
}

const SKIP_REASONS: Record<string, string> = {
  no_text: 'it has no title or description in any language',
  archived: 'it is archived',
  too_long: 'its text is too long',
};

/** Why a product has no vector, in words ("it has no title or description in any language"). */
export function skipReasonText(reason: string): string {
  return SKIP_REASONS[reason] ?? reason.replaceAll('_', ' ');
}
