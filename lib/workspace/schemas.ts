import { z } from 'zod';

export const SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;
/** Slugs that collide with top-level routes. */
export const RESERVED_SLUGS = new Set([
  'api',
  'sign-in',
  'sign-up',
  'sign-out',
  'invite',
  'workspaces',
  'account',
  'static',
  '_next',
  't.js',
  'health',
]);

export const CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'JPY',
  'CNY',
  'SEK',
  'DKK',
  'PLN',
  'CAD',
  'AUD',
] as const;
export const LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ja', 'zh', 'ko'] as const;

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG_RE, 'Use 3–40 lowercase letters, digits or dashes, not starting or ending with a dash.')
  .refine((s) => !RESERVED_SLUGS.has(s), 'This address is reserved; pick another.');

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(2, 'Name must be at least 2 characters.')
  .max(80, 'Name must be at most 80 characters.');

export const createWorkspaceSchema = z.object({
  name: workspaceNameSchema,
  slug: slugSchema.optional().or(z.literal('').transform(() => undefined)),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const settingsSchema = z
  .object({
    name: workspaceNameSchema,
    currency: z.enum(CURRENCIES, { message: 'Pick a supported currency.' }),
    locale: z.enum(LOCALES, { message: 'Pick a supported locale.' }),
    supportedLocales: z.preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : v,
      z.array(z.enum(LOCALES)).min(1, 'Pick at least one locale.'),
    ),
    timeZone: z
      .string()
      .trim()
      .refine(isTimeZone, 'Unknown time zone (use an IANA name such as Europe/Berlin).'),
  })
  .refine((s) => s.supportedLocales.includes(s.locale), {
    message: 'The default locale must be one of the supported locales.',
    path: ['locale'],
  });
export type WorkspaceSettings = z.infer<typeof settingsSchema>;

/** Turns a name into a slug candidate ("Acme Shoes GmbH" → "acme-shoes-gmbh"). */
export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36);
  return s.length >= 3 ? s : `ws-${s || 'shop'}`;
}
