import { z } from 'zod';
import type { PLACEMENT_SCENARIOS } from '@/db/schema/recommend';
import { placementRulesSchema } from '@/lib/recommend/rules/schema';
import { SCENARIO_IDS } from '@/lib/recommend/scenarios';

/** Lowercase words of letters and digits joined by single dashes: it goes into storefront HTML. */
export const PLACEMENT_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_COUNT = 50;
export const MAX_TITLE = 80;

// The table's scenario column and the scenario registry must name the same set; fail the type check if not.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _scenariosMatch: Same<(typeof PLACEMENT_SCENARIOS)[number], (typeof SCENARIO_IDS)[number]> = true;
void _scenariosMatch;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const placementKeySchema = z
  .string({ message: 'Enter a key, e.g. “home-for-you”.' })
  .trim()
  .min(2, { message: 'The key needs at least 2 characters.', abort: true })
  .max(60, { message: 'The key is at most 60 characters.', abort: true })
  .regex(PLACEMENT_KEY_PATTERN, 'Use lowercase letters, digits and single dashes, e.g. “home-for-you”.');

const name = z
  .string({ message: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(80, 'The name is at most 80 characters.');

const scenario = z.enum(SCENARIO_IDS, { message: 'Choose one of the scenarios.' });

/** How the storefront widget shows the products (the snippet's layouts). */
export const PLACEMENT_LAYOUTS = ['grid', 'carousel', 'list'] as const;
export type PlacementLayout = (typeof PLACEMENT_LAYOUTS)[number];

const layout = z.enum(PLACEMENT_LAYOUTS, { message: 'Choose grid, carousel or list.' });

const count = z.coerce
  .number({ message: 'The number of products must be a number.' })
  .int('The number of products must be a whole number.')
  .min(1, 'Show at least 1 product.')
  .max(MAX_COUNT, `Show at most ${MAX_COUNT} products.`);

/**
 * The placement as a form or API body writes it. Titles are checked against the workspace's
 * locales by the service (they depend on the tenant), so here any locale key passes.
 */
export const placementInputSchema = z.object({
  key: placementKeySchema,
  name,
  scenario,
  count: z.preprocess(blankToUndefined, count.default(8)),
  layout: z.preprocess(blankToUndefined, layout.default('grid')),
  titles: z
    .record(
      z.string(),
      z.preprocess(
        blankToUndefined,
        z.string().trim().max(MAX_TITLE, `A title is at most ${MAX_TITLE} characters.`).optional(),
      ),
    )
    .default({}),
  rules: placementRulesSchema.default(placementRulesSchema.parse({})),
});
export type PlacementInput = z.input<typeof placementInputSchema>;
export type PlacementData = z.output<typeof placementInputSchema>;

export const placementIdSchema = z.object({ id: z.string().uuid('Unknown placement.') });

export const placementStatusSchema = placementIdSchema.extend({
  status: z.enum(['active', 'paused'], { message: 'Choose active or paused.' }),
});

/** True for a string shaped like a row id (so a lookup by id or key knows which column to use). */
export function isUuid(v: string): boolean {
  return z.string().uuid().safeParse(v).success;
}
