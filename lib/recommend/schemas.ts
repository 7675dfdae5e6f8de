import { z } from 'zod';
import { SCENARIO_IDS } from './scenarios';

/** Most items one request may ask for: a widget shows a handful, the rules need headroom. */
export const MAX_K = 50;

const id = z.string().trim().min(1).max(200);

/** Most recently viewed ids one request may send (`recent=`). */
export const MAX_RECENT = 20;

/**
 * `GET /api/v1/recommendations` query parameters. Query strings arrive as text: k is coerced,
 * explain accepts 1/true/0/false, cart and recent are comma-separated lists (or repeated).
 * `visitor` is the browser's anonymous id (a storefront sends it only with consent); `recent` the
 * store product ids viewed in this visit, newest first (unknown ids are ignored, never an error).
 */
export const recommendationQuerySchema = z
  .object({
    placement: id.optional(),
    scenario: z.enum(SCENARIO_IDS, { message: `Use one of: ${SCENARIO_IDS.join(', ')}.` }).optional(),
    shopper: id.optional(),
    visitor: z
      .string()
      .trim()
      .min(1, 'visitor is the browser’s anonymous id (1–200 characters).')
      .max(200, 'visitor is the browser’s anonymous id (1–200 characters).')
      .optional(),
    item: id.optional(),
    cart: z.array(id).max(100, 'At most 100 cart items.').default([]),
    recent: z.array(id).max(MAX_RECENT, `At most ${MAX_RECENT} recently viewed ids.`).default([]),
    k: z.coerce
      .number({ message: 'k must be a number.' })
      .int('k must be a whole number.')
      .min(1, 'k must be at least 1.')
      .max(MAX_K, `k can be at most ${MAX_K}.`)
      .optional(),
    explain: z
      .enum(['1', '0', 'true', 'false'], { message: 'explain is 1 or 0.' })
      .transform((v) => v === '1' || v === 'true')
      .default(false),
    locale: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'locale is a language tag such as en or de-AT.')
      .default('en'),
  })
  .refine((q) => q.placement !== undefined || q.scenario !== undefined, {
    message: 'Name a placement (placement=) or a scenario (scenario=).',
    path: ['placement'],
  });

export type RecommendationQuery = z.infer<typeof recommendationQuerySchema>;

/** The parameters as the schema expects them, from a URL's search params. */
export function queryParamsOf(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [
    'placement',
    'scenario',
    'shopper',
    'visitor',
    'item',
    'k',
    'explain',
    'locale',
  ] as const) {
    const v = params.get(key);
    if (v !== null && v !== '') out[key] = v;
  }
  for (const key of ['cart', 'recent'] as const) {
    const list = params
      .getAll(key)
      .flatMap((c) => c.split(','))
      .filter((c) => c.trim() !== '');
    if (list.length > 0) out[key] = list;
  }
  return out;
}
