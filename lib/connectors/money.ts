/** Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3); 2 for unknown codes. */
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

/** True for a three-letter upper-case currency code. */
export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

/**
 * A decimal amount ("19.99", "20", 8.5) in integer minor units of `currency`, rounded half away
 * from zero without floating-point drift. Returns null for anything that is not a finite
 * decimal, and for negative amounts unless `allowNegative`.
 */
export function toMinorUnits(
  amount: unknown,
  currency: string,
  options: { allowNegative?: boolean } = {},
): number | null {
  let text: string;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) return null;
    text = amount.toFixed(8);
  } else if (typeof amount === 'string') {
    text = amount.trim();
  } else {
    return null;
  }
  const m = /^(-)?(\d{1,15})(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const negative = m[1] === '-';
  if (negative && !options.allowNegative) {
    if (/^-0*(?:\.0*)?$/.test(text)) return 0;
    return null;
  }
  const digits = currencyDigits(currency);
  const frac = m[3] ?? '';
  const kept = frac.slice(0, digits).padEnd(digits, '0');
  let minor = Number(m[2]) * 10 ** digits + (kept ? Number(kept) : 0);
  if (Number(frac[digits] ?? '0') >= 5) minor += 1;
  if (!Number.isSafeInteger(minor)) return null;
  return negative && minor !== 0 ? -minor : minor;
}
