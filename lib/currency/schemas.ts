import { z } from 'zod';

/** ISO 4217 codes this runtime knows (Intl's list: active currencies, ~160). */
const KNOWN = new Set<string>(Intl.supportedValuesOf('currency'));

/** Whether `code` is a three-letter ISO 4217 currency code Intl knows (upper case expected). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN.has(code);
}

/** A currency code from a form: trimmed, upper-cased, three letters, a real ISO 4217 code. */
export const currencyCodeSchema = z
  .string({ message: 'Enter a currency code.' })
  .trim()
  .toUpperCase()
  .min(1, 'Enter a currency code.')
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code such as USD.')
  .refine((c) => KNOWN.has(c), 'Not an ISO 4217 currency code (for example USD, GBP, JPY).');

/** Largest and smallest rate accepted: wide enough for IRR↔KWD, narrow enough to catch typos. */
export const MAX_RATE = 1e7;
export const MIN_RATE = 1e-7;

/** A rate from a form: a positive decimal number (comma accepted as the decimal mark). */
export const rateSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().replace(',', '.') : typeof v === 'number' ? String(v) : v),
  z
    .string({ message: 'Enter a rate.' })
    .min(1, 'Enter a rate.')
    .regex(/^\d+(\.\d+)?(e-?\d+)?$/i, 'Enter the rate as a positive number, such as 0.92.')
    .transform(Number)
    .refine((n) => Number.isFinite(n) && n > 0, 'The rate must be greater than 0.')
    .refine((n) => n >= MIN_RATE && n <= MAX_RATE, `The rate must be between ${MIN_RATE} and ${MAX_RATE}.`),
);

/** Setting (adding or replacing) one rate into the workspace currency. */
export const setRateSchema = z.object({ currency: currencyCodeSchema, rate: rateSchema });
export type SetRateInput = z.input<typeof setRateSchema>;

/** Removing one rate. */
export const removeRateSchema = z.object({ currency: currencyCodeSchema });
