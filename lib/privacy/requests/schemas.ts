import { z } from 'zod';
import { PRIVACY_REGULATIONS, PRIVACY_REQUEST_KINDS, PRIVACY_REQUEST_STATUSES } from '@/db/schema';

/** How the subject of a request is identified. */
export const IDENTIFIER_TYPES = ['email', 'external_id', 'shopper_id'] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export const VERIFICATION_METHODS = ['email_link', 'order_match', 'account_login', 'manual'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** Shopper fields a rectification may change (personal ones are stored sealed). */
export const RECTIFIABLE_FIELDS = ['email', 'name', 'country', 'locale'] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A blank form field is "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `At most ${max} characters.`).optional());

const changesSchema = z
  .object({
    email: z.preprocess(blankToUndefined, z.email('Enter a valid email address.').max(320).optional()),
    name: optionalText(200),
    country: z.preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : v),
      z
        .string()
        .regex(/^[A-Z]{2}$/, 'Use a two-letter country code (ISO 3166-1), e.g. DE.')
        .optional(),
    ),
    locale: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Use a language tag, e.g. en or de-AT.')
        .optional(),
    ),
  })
  .strict();
export type RectificationChanges = z.infer<typeof changesSchema>;

/**
 * A new request from the dashboard, the API or the CLI. Form fields `newEmail`, `newName`,
 * `newCountry`, `newLocale` are folded into `changes` (rectification only, at least one).
 */
export const createRequestSchema = z
  .preprocess(
    (raw) => {
      if (!raw || typeof raw !== 'object') return raw;
      const r = { ...(raw as Record<string, unknown>) };
      if (r.changes === undefined && ['newEmail', 'newName', 'newCountry', 'newLocale'].some((k) => k in r)) {
        r.changes = {
          email: r.newEmail,
          name: r.newName,
          country: r.newCountry,
          locale: r.newLocale,
        };
      }
      for (const k of ['newEmail', 'newName', 'newCountry', 'newLocale', 'tenant']) delete r[k];
      return r;
    },
    z.object({
      kind: z.enum(PRIVACY_REQUEST_KINDS, 'Choose access, erasure, rectification or opt_out.'),
      regulation: z.enum(PRIVACY_REGULATIONS, 'Choose gdpr, uk_gdpr or ccpa.'),
      identifierType: z.enum(IDENTIFIER_TYPES, 'Choose email, external_id or shopper_id.'),
      identifier: z
        .string('Enter the identifier.')
        .trim()
        .min(1, 'Enter the identifier.')
        .max(320, 'At most 320 characters.'),
      contact: optionalText(320),
      note: optionalText(2000),
      changes: changesSchema.optional(),
    }),
  )
  .superRefine((d, c) => {
    if (d.identifierType === 'shopper_id' && !UUID.test(d.identifier))
      c.addIssue({ code: 'custom', path: ['identifier'], message: 'A shopper id is a UUID.' });
    if (d.identifierType === 'email' && !z.email().safeParse(d.identifier).success)
      c.addIssue({ code: 'custom', path: ['identifier'], message: 'Enter a valid email address.' });
    const changed = Object.values(d.changes ?? {}).some((v) => v !== undefined);
    if (d.kind === 'rectification' && !changed)
      c.addIssue({ code: 'custom', path: ['changes'], message: 'Enter at least one corrected value.' });
    if (d.kind !== 'rectification' && changed)
      c.addIssue({ code: 'custom', path: ['changes'], message: 'Only a rectification carries changes.' });
  });
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

export const requestIdSchema = z.object({
  id: z.string('Unknown request.').regex(UUID, 'Unknown request.'),
});

export const verifyRequestSchema = requestIdSchema.extend({
  method: z.enum(VERIFICATION_METHODS, 'Choose how the identity was verified.'),
  note: optionalText(1000),
});

export const rejectRequestSchema = requestIdSchema.extend({
  reason: z
    .string('Give the reason for the rejection.')
    .trim()
    .min(3, 'Give the reason for the rejection.')
    .max(1000, 'At most 1000 characters.'),
});

/** List filters (query string or API). Unknown values are rejected, blank ones ignored. */
export const listFilterSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(PRIVACY_REQUEST_STATUSES).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(PRIVACY_REQUEST_KINDS).optional()),
});
export type ListFilter = z.infer<typeof listFilterSchema>;
