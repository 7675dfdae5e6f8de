import { z } from 'zod';
import type { WidgetTheme } from '@/db/schema';

/** Defaults when a workspace has no storefront_settings row (issue 4). */
export const STOREFRONT_DEFAULTS = {
  attributionWindowDays: 7,
  holdoutShare: 0.1,
  theme: {} as WidgetTheme,
  defaultTitle: null as string | null,
  productUrlTemplate: '/products/{id}',
} as const;

export interface StorefrontSettings {
  attributionWindowDays: number;
  holdoutShare: number;
  theme: WidgetTheme;
  defaultTitle: string | null;
  productUrlTemplate: string;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const colour = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'Use a colour like #1f6feb.')
    .optional(),
);

/** Widget theme as the form or API writes it; text only, no CSS beyond these values. */
export const widgetThemeSchema = z.object({
  accent: colour,
  text: colour,
  background: colour,
  font: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(120, 'The font list is at most 120 characters.')
      // A font-family list only: names, quotes, commas, spaces and dashes; nothing that ends a declaration.
      .regex(/^[A-Za-z0-9 ,'"_-]+$/, 'Use a font-family list like “Inter, sans-serif”.')
      .optional(),
  ),
  /** "Show why under each item": a checkbox in the form ("on"), a boolean in the API. */
  reasons: z.preprocess(
    (v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === '' ? false : v),
    z.boolean({ message: 'Show why is on or off.' }).optional(),
  ),
  radius: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'The corner radius must be a number.' })
      .int('The corner radius is a whole number of pixels.')
      .min(0, 'The corner radius is 0–24 px.')
      .max(24, 'The corner radius is 0–24 px.')
      .optional(),
  ),
});

/** {id} or {handle} must appear, and the rest must be a relative path or an http(s) URL. */
const productUrlTemplate = z
  .string({ message: 'Enter a product URL pattern.' })
  .trim()
  .min(1, 'Enter a product URL pattern, e.g. /products/{id}.')
  .max(300, 'The product URL pattern is at most 300 characters.')
  .refine((v) => v.includes('{id}') || v.includes('{handle}'), 'Include {id} or {handle}.')
  .refine((v) => /^(\/(?!\/)|https?:\/\/)/i.test(v), 'Start with / or https://.');

/** The settings form / API body; missing fields keep their current value. */
export const storefrontSettingsInputSchema = z.object({
  attributionWindowDays: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'The attribution window must be a number of days.' })
      .int('The attribution window is a whole number of days.')
      .min(1, 'The attribution window is 1–30 days.')
      .max(30, 'The attribution window is 1–30 days.')
      .optional(),
  ),
  /** Percent in the form (0–50), stored as a share. */
  holdoutPercent: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: 'The holdout share must be a number.' })
      .min(0, 'The holdout share is 0–50 %.')
      .max(50, 'The holdout share is 0–50 %.')
      .optional(),
  ),
  theme: widgetThemeSchema.optional(),
  defaultTitle: z.preprocess(
    blankToUndefined,
    z.string().trim().max(80, 'The default title is at most 80 characters.').optional(),
  ),
  productUrlTemplate: z.preprocess(blankToUndefined, productUrlTemplate.optional()),
});
export type StorefrontSettingsInput = z.input<typeof storefrontSettingsInputSchema>;
