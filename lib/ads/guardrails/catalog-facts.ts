/**
 * `catalog_facts`: every fact in the copy comes from the catalog. Prices must be a product's price
 * or compare-at price written as Intl.NumberFormat writes it in the creative's locale (with or
 * without the currency sign), percentages must be a product's discount, discount words need a
 * discounted product, product names must be exact titles, and claims the catalog cannot back
 * ("free shipping", "best price", "#1", "guaranteed") fail.
 */
import type { Candidate, CheckResult, GuardrailContext } from '@/lib/ads/types';
import { languageName } from '@/lib/language/detect';
import { findClaims, findDiscountWords } from './claims';
import { type FoundNumber, findNumbers, markerCurrencies, numberValues } from './money';
import { type AllowedAmount, allowedAmounts, catalogSigns } from './prices';
import { findNearMisses, type NameIndex, nameIndex } from './names';
import { copyTexts, quote, verdict } from './text';

interface Failure {
  reason: string;
  field: string;
}

function listPrices(amounts: AllowedAmount[]): string {
  const shown = [...new Set(amounts.map((a) => a.formatted))];
  if (shown.length === 0) return 'no prices';
  return shown.length > 3 ? `${shown.slice(0, 3).join(', ')} …` : shown.join(', ');
}

function checkMoney(
  found: FoundNumber,
  amounts: AllowedAmount[],
  signs: Map<string, Set<string>>,
  locale: string,
): string | null {
  let pool = amounts;
  if (found.marker) {
    const currencies = markerCurrencies(found.marker, signs);
    pool = amounts.filter((a) => currencies.has(a.currency));
    if (pool.length === 0) {
      const own = [...new Set(amounts.map((a) => a.currency))].join(', ') || 'no currency';
      return `Says ${found.raw}, but this campaign's prices are in ${own}`;
    }
  }
  if (pool.some((a) => a.numbers.includes(found.number))) return null;
  const values = numberValues(found.number);
  const sameValue = pool.find((a) => values.some((v) => Math.abs(v - a.value) < 1e-9));
  if (sameValue) {
    return `Writes ${found.raw}, but in ${languageName(locale)} the catalog price is written ${sameValue.formatted}`;
  }
  return `Says ${found.raw}, but no product in this campaign costs that (catalog prices: ${listPrices(pool)})`;
}

function checkPercent(found: FoundNumber, discounts: number[]): string | null {
  const values = numberValues(found.number);
  if (discounts.length === 0) {
    return `Says ${found.raw}, but no product in this campaign is discounted`;
  }
  if (values.some((v) => discounts.includes(v))) return null;
  const value = values[0] ?? found.number;
  return `Says ${found.raw}, but no product in this campaign is discounted by ${value} % (discounts: ${[...new Set(discounts)].map((d) => `${d} %`).join(', ')})`;
}

interface Prepared {
  amounts: AllowedAmount[];
  signs: Map<string, Set<string>>;
  extraMarkers: string[];
  discounts: number[];
  names: NameIndex;
}

// Formatting the catalog's prices builds several Intl formatters; a slot checks many candidates
// against the same products, so the result is kept per products array, locale and name rules.
const preparedCache = new WeakMap<GuardrailContext['products'], Map<string, Prepared>>();

function prepare(ctx: GuardrailContext): Prepared {
  let byKey = preparedCache.get(ctx.products);
  if (!byKey) {
    byKey = new Map();
    preparedCache.set(ctx.products, byKey);
  }
  // Names also depend on the brand and required terms (never near-misses).
  const key = [ctx.locale, ctx.brandName ?? '', ...ctx.requiredTerms].join('\u0000');
  let p = byKey.get(key);
  if (!p) {
    const signs = catalogSigns(ctx.products, ctx.locale);
    p = {
      amounts: allowedAmounts(ctx.products, ctx.locale),
      signs,
      extraMarkers: [...signs.values()].flatMap((s) => [...s]).sort(),
      discounts: ctx.products.map((x) => x.discountPercent).filter((d): d is number => d !== null && d > 0),
      names: nameIndex(ctx),
    };
    if (byKey.size > 64) byKey.clear();
    byKey.set(key, p);
  }
  return p;
}

/**
 * Checks prices, discounts, names and claims. The catalog's formatted prices are cached per
 * `ctx.products` array: replace the array (do not mutate it) when the products change.
 */
export function checkCatalogFacts(candidate: Candidate, ctx: GuardrailContext): CheckResult[] {
  const { amounts, signs, extraMarkers, discounts, names } = prepare(ctx);
  const failures: Failure[] = [];

  for (const t of copyTexts(candidate, ctx.channel)) {
    for (const found of findNumbers(t.text, extraMarkers)) {
      const reason =
        found.kind === 'percent'
          ? checkPercent(found, discounts)
          : checkMoney(found, amounts, signs, ctx.locale);
      if (reason) failures.push({ reason: `${t.label}: ${reason}`, field: t.field });
    }
    if (discounts.length === 0) {
      for (const word of findDiscountWords(t.text)) {
        failures.push({
          reason: `${t.label}: Mentions ${quote(word)} (a discount), but no product in this campaign is discounted`,
          field: t.field,
        });
      }
    }
    for (const claim of findClaims(t.text)) {
      const gloss = claim.meaning === claim.phrase ? '' : ` (${claim.meaning})`;
      failures.push({
        reason: `${t.label}: Mentions ${quote(claim.phrase)}${gloss}: not a fact from your catalog`,
        field: t.field,
      });
    }
    for (const miss of findNearMisses(t.text, ctx, names)) {
      failures.push({
        reason: `${t.label}: Names ${quote(miss.name)}, which is not a product title here; the catalog says ${quote(miss.title)}`,
        field: t.field,
      });
    }
  }
  return verdict('catalog_facts', failures);
}
