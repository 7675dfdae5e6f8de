/**
 * zod schemas of the ads forms and API bodies. Form posts send lists as repeated fields or a
 * comma/newline separated string and objects as JSON strings; API bodies send them as they are.
 * Checks that need the database (segments and products exist) are the service's.
 */
import { z } from 'zod';
import {
  AD_CHANNELS,
  type AdChannel,
  CAMPAIGN_OBJECTIVES,
  CAMPAIGN_STATUSES,
  CREATIVE_STATUSES,
} from '@/db/schema/ads';
import { PLACEMENT_KEY_PATTERN } from '@/lib/placements/schemas';
import { AD_LOCALES } from './types';

export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A list from an array, a JSON array string, or a comma/newline separated string. */
export function toList(v: unknown): unknown {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' && x.trim() === '' ? [] : [x]));
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (s.startsWith('[')) {
    try {
      return JSON.parse(s);
    } catch {
      return v;
    }
  }
  return s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** An object from itself or its JSON string; blank = undefined. */
function toObject(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (v.trim() === '') return undefined;
  try {
    return JSON.parse(v);
  } catch {
    return v; // zod reports "expected object"
  }
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Use a real date.');

const uuidList = (message: string) => z.preprocess(toList, z.array(z.string().uuid(message)).max(50));

export const adLocaleSchema = z.enum(AD_LOCALES, { message: `Use one of: ${AD_LOCALES.join(', ')}.` });
export const adChannelSchema = z.enum(AD_CHANNELS, { message: `Use one of: ${AD_CHANNELS.join(', ')}.` });

export const optimizationSchema = z.object({
  policy: z
    .enum(['thompson', 'linucb'], { message: 'Choose Thompson sampling or LinUCB.' })
    .default('thompson'),
  reward: z.enum(['click', 'conversion'], { message: 'Choose click or conversion.' }).default('click'),
  explorationFloor: z.coerce
    .number({ message: 'The exploration floor must be a number.' })
    .min(0, 'The exploration floor is 0 to 0.2.')
    .max(0.2, 'The exploration floor is 0 to 0.2.')
    .default(0.05),
  autoPause: z
    .preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' ? false : v), z.boolean())
    .default(true),
  alpha: z.coerce
    .number({ message: 'α must be a number.' })
    .gt(0, 'α must be above 0.')
    .max(10, 'α is at most 10.')
    .default(1),
});

const budgetSplitSchema = z.partialRecord(
  adChannelSchema,
  z.coerce
    .number({ message: 'A share must be a number.' })
    .min(0, 'A share is 0 to 1.')
    .max(1, 'A share is 0 to 1.'),
);

export const campaignInputSchema = z
  .object({
    name: z
      .string({ message: 'Give the campaign a name.' })
      .trim()
      .min(1, 'Give the campaign a name.')
      .max(120, 'A name is at most 120 characters.'),
    objective: z.enum(CAMPAIGN_OBJECTIVES, { message: 'Choose sales, re-engagement or launch.' }),
    segmentIds: uuidList('Choose segments from the list.'),
    productMode: z.preprocess(blankToUndefined, z.enum(['recommended', 'manual']).default('recommended')),
    productIds: uuidList('Choose products from the catalog.'),
    locales: z.preprocess(toList, z.array(adLocaleSchema).min(1, 'Choose at least one language.')),
    channels: z.preprocess(toList, z.array(adChannelSchema).min(1, 'Choose at least one channel.')),
    budgetMinor: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: 'The budget must be a number.' })
        .int('The budget is in minor units (a whole number).')
        .min(0, 'The budget cannot be negative.')
        .max(2_000_000_000, 'The budget is too large.')
        .optional(),
    ),
    currency: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{3}$/, 'Use a three-letter currency code such as EUR.')
        .transform((s) => s.toUpperCase())
        .optional(),
    ),
    budgetSplit: z.preprocess(toObject, budgetSplitSchema.optional()),
    startsOn: z.preprocess(blankToUndefined, isoDate.optional()),
    endsOn: z.preprocess(blankToUndefined, isoDate.optional()),
    placementKey: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(60, 'The placement key is at most 60 characters.')
        .regex(PLACEMENT_KEY_PATTERN, 'Use lowercase letters, digits and single dashes, e.g. “home-hero”.')
        .optional(),
    ),
    optimization: z.preprocess((v) => toObject(v) ?? {}, optimizationSchema),
  })
  .superRefine((c, issue) => {
    const dup = <T>(list: T[]) => new Set(list).size !== list.length;
    if (dup(c.locales))
      issue.addIssue({ code: 'custom', path: ['locales'], message: 'A language is listed twice.' });
    if (dup(c.channels))
      issue.addIssue({ code: 'custom', path: ['channels'], message: 'A channel is listed twice.' });
    if (c.productMode === 'manual' && c.productIds.length === 0)
      issue.addIssue({ code: 'custom', path: ['productIds'], message: 'Choose at least one product.' });
    if (c.budgetMinor !== undefined && !c.currency)
      issue.addIssue({ code: 'custom', path: ['currency'], message: 'Give the budget’s currency.' });
    if (c.startsOn && c.endsOn && c.endsOn < c.startsOn)
      issue.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date is before the start date.' });
    if (c.channels.includes('banner') && !c.placementKey)
      issue.addIssue({
        code: 'custom',
        path: ['placementKey'],
        message: 'Banners need the placement key of the on-site slot (data-tailor-ad).',
      });
    const split: Partial<Record<AdChannel, number>> = c.budgetSplit ?? {};
    const keys = Object.keys(split) as AdChannel[];
    if (keys.length === 0) return;
    for (const k of keys)
      if (!c.channels.includes(k))
        issue.addIssue({
          code: 'custom',
          path: ['budgetSplit', k],
          message: `${k} is not one of the campaign’s channels.`,
        });
    const sum = c.channels.reduce((s, ch) => s + (split[ch] ?? 0), 0);
    if (Math.abs(sum - 1) > 0.001)
      issue.addIssue({
        code: 'custom',
        path: ['budgetSplit'],
        message: `The budget shares must add up to 100 % over the channels (they add up to ${Math.round(sum * 1000) / 10} %).`,
      });
  })
  .transform((c) => ({
    ...c,
    segmentIds: [...new Set(c.segmentIds)],
    productIds: c.productMode === 'manual' ? [...new Set(c.productIds)] : [],
    budgetSplit:
      c.budgetSplit && Object.keys(c.budgetSplit).length > 0
        ? c.budgetSplit
        : Object.fromEntries(c.channels.map((ch) => [ch, Math.round((1 / c.channels.length) * 1e4) / 1e4])),
  }));
export type CampaignInput = z.output<typeof campaignInputSchema>;

export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES, {
  message: 'Choose draft, active, paused or ended.',
});

export const creativeFilterSchema = z.object({
  segmentId: z.preprocess(
    (v) => (v === 'all' ? null : blankToUndefined(v)),
    z.string().uuid().nullable().optional(),
  ),
  locale: z.preprocess(blankToUndefined, z.string().max(10).optional()),
  channel: z.preprocess(blankToUndefined, adChannelSchema.optional()),
  status: z.preprocess(blankToUndefined, z.enum(CREATIVE_STATUSES).optional()),
});

export const generationSlotSchema = z.object({
  segmentId: z.string().uuid().nullable(),
  locale: adLocaleSchema,
  channel: adChannelSchema,
});
export const generationPayloadSchema = z.object({
  campaignId: z.string().uuid(),
  slots: z.array(generationSlotSchema).max(2000).optional(),
});
export type GenerationPayload = z.output<typeof generationPayloadSchema>;

/** Edited copy: `{ field: texts }` (or its JSON string); a field may be one string. Blank texts drop. */
export const editFieldsSchema = z.preprocess(
  toObject,
  z.record(
    z.string().max(40),
    z.preprocess(
      (v) => (typeof v === 'string' ? [v] : v),
      z.array(z.string().max(500, 'A text is at most 500 characters.')).max(20),
    ),
  ),
);
