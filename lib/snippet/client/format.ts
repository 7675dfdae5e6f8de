/** Locale-aware price formatting, pure. */

/**
 * Formats integer minor units (cents) in `currency` for `locale`, using the currency's own
 * number of decimals (JPY 0, EUR 2, KWD 3). Falls back to English for an unknown locale and to
 * "<amount> <code>" for an unknown currency; never throws.
 */
export function formatPrice(amountMinor: number, currency: string, locale: string | undefined): string {
  for (const loc of [locale, 'en']) {
    try {
      const nf = new Intl.NumberFormat(loc, { style: 'currency', currency });
      return nf.format(amountMinor / 10 ** (nf.resolvedOptions().maximumFractionDigits ?? 2));
    } catch {
      // try the next locale, then the plain form
    }
  }
  return `${(amountMinor / 100).toFixed(2)} ${currency}`;
}
