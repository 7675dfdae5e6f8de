/**
 * The catalog's prices as the copy may write them: each price and compare-at price formatted by
 * Intl.NumberFormat in the creative's locale, and the currency signs Intl uses for the catalog's
 * currencies (so "CA$", "R$" or "CHF" are recognised for whatever the store sells in).
 */
import type { ProductFact } from '@/lib/ads/types';
import { normalizeNumberText } from './money';

/** One catalog amount as the copy may write it. */
export interface AllowedAmount {
  currency: string;
  /** Value in major units, e.g. 19.99. */
  value: number;
  /** The full Intl form, e.g. "19,99 €" (spaces normalized). */
  formatted: string;
  /** The digits as Intl writes them, with and without fraction for whole amounts. */
  numbers: string[];
}

function fractionDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

function numberPart(fmt: Intl.NumberFormat, value: number): string {
  return normalizeNumberText(
    fmt
      .formatToParts(value)
      .filter((p) => ['integer', 'group', 'decimal', 'fraction'].includes(p.type))
      .map((p) => p.value)
      .join(''),
  );
}

/** Every price and compare-at price of `products` in `locale`'s conventions. */
export function allowedAmounts(products: ProductFact[], locale: string): AllowedAmount[] {
  const out: AllowedAmount[] = [];
  for (const p of products) {
    const digits = fractionDigits(p.currency);
    const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency: p.currency });
    const whole = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: p.currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    for (const minor of [p.priceMinor, p.compareAtMinor]) {
      if (minor === null || !Number.isFinite(minor)) continue;
      const value = minor / 10 ** digits;
      const numbers = [numberPart(fmt, value)];
      if (minor % 10 ** digits === 0) numbers.push(numberPart(whole, value));
      out.push({ currency: p.currency, value, formatted: normalizeNumberText(fmt.format(value)), numbers });
    }
  }
  return out;
}

/** The currency signs Intl uses for each catalog currency (locale and English, symbol and narrow). */
export function catalogSigns(products: ProductFact[], locale: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const currency of new Set(products.map((p) => p.currency))) {
    const signs = new Set<string>([currency.toLowerCase()]);
    for (const loc of [locale, 'en']) {
      for (const display of ['symbol', 'narrowSymbol'] as const) {
        const parts = new Intl.NumberFormat(loc, {
          style: 'currency',
          currency,
          currencyDisplay: display,
        }).formatToParts(1);
        const sign = parts.find((p) => p.type === 'currency')?.value;
        if (sign) signs.add(normalizeNumberText(sign).toLowerCase());
      }
    }
    out.set(currency, signs);
  }
  return out;
}
