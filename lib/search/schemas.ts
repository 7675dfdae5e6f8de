import { z } from 'zod';

/** Category paths arrive as one string from forms and URLs: `Apparel > Shirts` (also `/` or `|`). */
export function splitCategory(v: string): string[] {
  return v
    .split(/\s*(?:>|\/|\|)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const boolish = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(s)) return true;
    if (['false', '0', 'no', 'off'].includes(s)) return false;
    return v;
  },
  z.boolean({ message: 'Use true or false.' }),
);

const minorUnits = z.coerce
  .number({ message: 'Give a price in minor units (cents).' })
  .int('Give a price in minor units (cents), a whole number.')
  .min(0, 'Prices are not negative.')
  .max(Number.MAX_SAFE_INTEGER, 'Price too large.');

export const catalogFiltersSchema = z
  .object({
    category: z
      .preprocess(
        (v) => (typeof v === 'string' ? splitCategory(v) : v),
        z
          .array(z.string().trim().min(1, 'Empty category level.').max(200, 'Category too long.'))
          .max(8, 'At most 8 category levels.'),
      )
      .optional(),
    brand: z.string().trim().min(1, 'Empty brand.').max(200, 'Brand too long.').optional(),
    minPriceMinor: minorUnits.optional(),
    maxPriceMinor: minorUnits.optional(),
    inStock: boolish.optional(),
    missingLocale: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}$/, 'A locale such as en or pt-BR.')
      .optional(),
  })
  .refine(
    (f) =>
      f.minPriceMinor === undefined || f.maxPriceMinor === undefined || f.minPriceMinor <= f.maxPriceMinor,
    { message: 'The lowest price is above the highest.', path: ['minPriceMinor'] },
  );

export const searchRequestSchema = z.object({
  q: z
    .string({ message: 'Type something to search for.' })
    .trim()
    .min(1, 'Type something to search for.')
    .max(500, 'At most 500 characters.'),
  k: z.coerce
    .number({ message: 'k must be 1–100.' })
    .int('k must be 1–100.')
    .min(1, 'k must be 1–100.')
    .max(100, 'k must be 1–100.')
    .default(20),
  mode: z
    .enum(['keyword', 'semantic', 'hybrid'], { message: 'mode is keyword, semantic or hybrid.' })
    .default('hybrid'),
  filters: catalogFiltersSchema.optional(),
});

export const similarOptionsSchema = z.object({
  k: z.coerce
    .number({ message: 'k must be 1–100.' })
    .int('k must be 1–100.')
    .min(1, 'k must be 1–100.')
    .max(100, 'k must be 1–100.')
    .default(10),
});

export const CATALOG_SORTS = ['title', 'newest', 'price'] as const;

export const listCatalogSchema = z.object({
  filters: catalogFiltersSchema.optional(),
  cursor: z.string().max(1_000, 'Unknown cursor.').nullish(),
  limit: z.coerce.number().int().min(1, 'limit must be 1–200.').max(200, 'limit must be 1–200.').default(50),
  sort: z.enum(CATALOG_SORTS, { message: 'sort is title, newest or price.' }).default('title'),
});

export type ListCatalogInput = z.input<typeof listCatalogSchema>;
