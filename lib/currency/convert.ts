/**
 * Money conversion with the workspace's stored rates. Pure: no database, no clock. A rate says
 * how many units (major, e.g. euros) of the workspace currency one unit of `currency` is worth,
 * exactly as `exchange_rates.rate` stores it; the minor-unit digits of each side come from Intl
 * (JPY has none, EUR two, KWD three).
 */

/** The workspace currency and the stored rates into it, keyed by upper-case ISO 4217 code. */
export interface Rates {
  /** The workspace currency (`tenants.currency`); converting it to itself needs no rate. */
  readonly base: string;
  readonly rates: ReadonlyMap<string, number>;
}

const digitsCache = new Map<string, number>();

/**
 * Minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD). Codes Intl does not
 * know get 2, the common case, so a typo never throws here (validation happens on input).
 */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  const hit = digitsCache.get(code);
  if (hit !== undefined) return hit;
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  digitsCache.set(code, digits);
  return digits;
}

/** The rate for `currency` into `rates.base`: 1 for the base itself, null when none is stored. */
export function rateOf(currency: string, rates: Rates): number | null {
  const code = currency.toUpperCase();
  if (code === rates.base.toUpperCase()) return 1;
  const r = rates.rates.get(code);
  return r !== undefined && Number.isFinite(r) && r > 0 ? r : null;
}

/**
 * Converts an amount in minor units of `currency` into minor units of the workspace currency,
 * rounded to the nearest minor unit (half away from zero). Returns null when no rate is stored
 * for `currency` (the caller counts such amounts separately rather than guessing).
 * Example: 1 000 JPY minor (¥1,000) at rate 0.0062 into EUR → 620 (€6.20).
 */
export function convertMinor(amountMinor: number, currency: string, rates: Rates): number | null {
  const rate = rateOf(currency, rates);
  if (rate === null) return null;
  if (rate === 1 && minorDigits(currency) === minorDigits(rates.base)) return amountMinor;
  const scale = 10 ** (minorDigits(rates.base) - minorDigits(currency));
  const v = amountMinor * rate * scale;
  // Multiplying by a binary float rate can land a hair below .5 (1.005 * 100 = 100.49999…).
  const rounded = Math.sign(v) * Math.round(Math.abs(v) + 1e-9);
  return rounded === 0 ? 0 : rounded;
}

/** Rates from plain rows (as stored), codes upper-cased. */
export function ratesFrom(base: string, rows: readonly { currency: string; rate: number }[]): Rates {
  return { base: base.toUpperCase(), rates: new Map(rows.map((r) => [r.currency.toUpperCase(), r.rate])) };
}
