import { z } from 'zod';
import { splitCategory } from '@/lib/search/schemas';

/**
 * Business rules of one placement (issue 10), stored in `placements.rules` (jsonb) and applied
 * after scoring by `applyRules`. Parsing fills the defaults, so stored rules from an older version
 * of this schema still load. Messages speak to a merchant editing the Placements page, not to a
 * developer: they name the setting and say what to do.
 */

/** Values typed into a form arrive as strings; an empty field means "not set", never 0. */
const optionalNumber = (schema: z.ZodNumber) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim();
    return s === '' ? undefined : Number(s);
  }, schema.optional());

const level = z
  .string()
  .trim()
  .min(1, 'A category level is empty.')
  .max(200, 'A category name is too long (200 characters at most).');

/** A category path prefix: ['Apparel', 'Shirts'] or the text "Apparel / Shirts" (also > or |). */
export const categoryPathSchema = z.preprocess(
  (v) => (typeof v === 'string' ? splitCategory(v) : v),
  z
    .array(level, { message: 'Enter a category such as “Apparel / Shirts”.' })
    .min(1, 'Enter a category such as “Apparel / Shirts”.')
    .max(8, 'Categories go at most 8 levels deep.'),
);

const brand = z.string().trim().min(1, 'A brand name is empty.').max(200, 'A brand name is too long.');

const priceMinor = z
  .number({ message: 'Prices are numbers in cents (minor units).' })
  .int('Prices are whole numbers of cents (minor units).')
  .min(0, 'Prices cannot be negative.');

const days = (what: string) =>
  z
    .number({ message: `${what} must be a number of days.` })
    .int(`${what} must be a whole number of days.`)
    .min(1, `${what} must be at least 1 day.`)
    .max(3650, `${what} can be at most 3650 days (10 years).`);

/** Attributes with a meaning of their own; any other name is a product attribute key ("color"). */
export const BUILT_IN_BOOST_ATTRIBUTES = ['brand', 'category'] as const;

export const boostSchema = z.object({
  attribute: z
    .string()
    .trim()
    .min(1, 'Choose what the boost looks at: brand, category or an attribute.')
    .max(100),
  equals: z.union([z.string().trim().min(1, 'Enter the value to match.').max(200), z.number(), z.boolean()], {
    message: 'Enter the value to match.',
  }),
  factor: z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
      z
        .number({ message: 'The factor must be a number, e.g. 1.5 to boost or 0.5 to bury.' })
        .gt(0, 'The factor must be above 0: use more than 1 to boost, less than 1 to bury.')
        .max(100, 'The factor can be at most 100.'),
    )
    .refine((f) => f !== 1, 'A factor of 1 changes nothing: use more than 1 to boost, less than 1 to bury.'),
});

export const pinSchema = z.object({
  productId: z.string().trim().min(1, 'Choose the product to pin.').max(200),
  position: z
    .number({ message: 'The position must be a number (1 is the first slot).' })
    .int('The position must be a whole number (1 is the first slot).')
    .min(1, 'Positions start at 1 (the first slot).')
    .max(100, 'A pin can be at most at position 100.'),
});

export const diversitySchema = z.object({
  maxPerCategory: optionalNumber(
    z.number().int('Use a whole number of items per category.').min(1, 'Allow at least 1 item per category.'),
  ),
  maxPerBrand: optionalNumber(
    z.number().int('Use a whole number of items per brand.').min(1, 'Allow at least 1 item per brand.'),
  ),
  mmrLambda: optionalNumber(
    z
      .number({ message: 'The relevance/variety balance must be a number between 0 and 1.' })
      .min(0, 'The relevance/variety balance is between 0 (most varied) and 1 (most relevant).')
      .max(1, 'The relevance/variety balance is between 0 (most varied) and 1 (most relevant).'),
  ),
});

export const placementRulesSchema = z
  .object({
    excludeOutOfStock: z.boolean().default(true),
    excludePurchased: z
      .object({
        enabled: z.boolean().default(false),
        /** Items bought within this many days are hidden; absent = hidden for good. */
        repurchaseWindowDays: optionalNumber(days('The repurchase window')),
      })
      .default({ enabled: false }),
    includeCategories: z.array(categoryPathSchema).max(50, 'At most 50 categories.').default([]),
    excludeCategories: z.array(categoryPathSchema).max(50, 'At most 50 categories.').default([]),
    includeBrands: z.array(brand).max(100, 'At most 100 brands.').default([]),
    excludeBrands: z.array(brand).max(100, 'At most 100 brands.').default([]),
    priceRange: z
      .object({ minMinor: optionalNumber(priceMinor), maxMinor: optionalNumber(priceMinor) })
      .refine((r) => r.minMinor === undefined || r.maxMinor === undefined || r.minMinor <= r.maxMinor, {
        message: 'The minimum price must not be above the maximum price.',
        path: ['maxMinor'],
      })
      .default({}),
    boosts: z.array(boostSchema).max(20, 'At most 20 boost rules.').default([]),
    pins: z
      .array(pinSchema)
      .max(20, 'At most 20 pinned products.')
      .superRefine((pins, ctx) => {
        const products = new Set<string>();
        const positions = new Set<number>();
        pins.forEach((p, i) => {
          if (products.has(p.productId))
            ctx.addIssue({
              code: 'custom',
              message: 'This product is pinned twice.',
              path: [i, 'productId'],
            });
          if (positions.has(p.position))
            ctx.addIssue({ code: 'custom', message: 'Two pins share this position.', path: [i, 'position'] });
          products.add(p.productId);
          positions.add(p.position);
        });
      })
      .default([]),
    diversity: diversitySchema.default({}),
    maxProductAgeDays: optionalNumber(days('The maximum product age')),
    /** Only products published within NEW_PRODUCT_DAYS (or `maxProductAgeDays` when set). */
    newOnly: z.boolean().default(false),
    /**
     * Only shoppers in this segment (lib/segments) see the placement; others get an empty list.
     * Anonymous visitors are never members. Blank in the form means everyone.
     */
    audienceSegmentId: z.preprocess(
      (v) => (v === '' || v === null ? undefined : v),
      z.string().uuid('Choose a segment from the list.').optional(),
    ),
  })
  .superRefine((r, ctx) => {
    // Both lists naming the same brand is a contradiction the merchant should fix, not a silent no-op.
    const included = new Set(r.includeBrands.map((b) => b.toLowerCase()));
    r.excludeBrands.forEach((b, i) => {
      if (included.has(b.toLowerCase()))
        ctx.addIssue({
          code: 'custom',
          message: `“${b}” is both included and excluded.`,
          path: ['excludeBrands', i],
        });
    });
  });

/** Parsed rules with every default filled in. */
export type PlacementRules = z.infer<typeof placementRulesSchema>;
/** Rules as written (stored jsonb, API body, form): everything optional. */
export type PlacementRulesInput = z.input<typeof placementRulesSchema>;
export type BoostRule = PlacementRules['boosts'][number];
export type PinRule = PlacementRules['pins'][number];

/** How recent "new" is when `newOnly` is set without a maximum age; matches the fairness "new item" split. */
export const NEW_PRODUCT_DAYS = 30;

/** The rules of a placement nobody has configured: hide out-of-stock products, nothing else. */
export const DEFAULT_RULES: PlacementRules = placementRulesSchema.parse({});
