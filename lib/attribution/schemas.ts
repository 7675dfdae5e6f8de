import { z } from 'zod';

/** The periods the Performance page offers, in days ending now. */
export const PERIODS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: PeriodDays = 30;

/** Below this many identified impressions in either arm, no uplift figure is shown. */
export const MIN_IMPRESSIONS_PER_ARM = 100;
/** Below this many days with impressions in either arm, no revenue-per-impression interval. */
export const MIN_DAYS_PER_ARM = 3;

export const VARIANTS = ['personalized', 'holdout'] as const;
export type Variant = (typeof VARIANTS)[number];

/** `?period=` from the page URL: one of PERIODS; anything else (absent, typo) falls back to 30. */
export const periodSchema = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int())
  .refine((v): v is PeriodDays => (PERIODS as readonly number[]).includes(v))
  .catch(DEFAULT_PERIOD);

/** The report's options: the period in days and the end instant (defaults to now). */
export const reportOptionsSchema = z.object({
  days: periodSchema.default(DEFAULT_PERIOD),
  now: z.date().optional(),
});
export type ReportOptions = z.input<typeof reportOptionsSchema>;

/** Parses the `period` search parameter; never throws (an unknown value means the default). */
export function parsePeriod(value: unknown): PeriodDays {
  return periodSchema.parse(value) as PeriodDays;
}
