import { z } from 'zod';

/** Period lengths the Markets page offers, in days. */
export const MARKET_PERIODS = [30, 90, 365] as const;
export type MarketPeriodDays = (typeof MARKET_PERIODS)[number];
export const DEFAULT_MARKET_PERIOD: MarketPeriodDays = 90;

export const MARKET_BY = ['country', 'locale'] as const;

/** The URL token of the market of shoppers/orders without a country (or locale). */
export const UNKNOWN_MARKET = 'none';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/**
 * Report options from a URL or the CLI. Never throws on junk: an unknown value means the default
 * (`by` country, 90 days, ending on the last day with data). `end` is the last UTC day included.
 */
export const marketsOptionsSchema = z.object({
  by: z.preprocess(first, z.enum(MARKET_BY)).catch('country'),
  days: z
    .preprocess(first, z.coerce.number().int())
    .refine((v): v is MarketPeriodDays => (MARKET_PERIODS as readonly number[]).includes(v))
    .catch(DEFAULT_MARKET_PERIOD),
  end: z.preprocess(first, z.string().trim().refine(isDay).optional()).catch(undefined),
});
/** Options as they arrive (URL strings, CLI flags); every field optional, junk means the default. */
export interface MarketsOptions {
  by?: unknown;
  days?: unknown;
  end?: unknown;
  /** CLI only: an explicit period of inclusive UTC days (both or neither); validated, may throw. */
  from?: string;
  to?: string;
}
export type ParsedMarketsOptions = {
  by: (typeof MARKET_BY)[number];
  days: MarketPeriodDays;
  end?: string;
};

/** Parses page search parameters or CLI flags into options; never throws. */
export function parseMarketsOptions(input: MarketsOptions): ParsedMarketsOptions {
  const o = marketsOptionsSchema.parse(input);
  return { by: o.by, days: o.days as MarketPeriodDays, ...(o.end ? { end: o.end } : {}) };
}

/**
 * An explicit period for the CLI (`--from`, `--to`, both inclusive UTC days): at most 3 years.
 * @throws ZodError-derived validation errors via parseOrThrow at the call site.
 */
export const explicitPeriodSchema = z
  .object({
    from: z.string().trim().refine(isDay, 'Use a date such as 2026-01-31.'),
    to: z.string().trim().refine(isDay, 'Use a date such as 2026-03-31.'),
  })
  .refine((p) => p.from <= p.to, { message: '--from must not be after --to.', path: ['from'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 3 * 366 * 86_400_000, {
    message: 'The period can be at most 3 years.',
    path: ['to'],
  });
