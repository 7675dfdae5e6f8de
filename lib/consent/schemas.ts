import { z } from 'zod';

const decision = z.boolean({ error: 'Send true (granted) or false (denied).' }).optional();
const id = (name: string) =>
  z
    .string({ error: `${name} must be a string.` })
    .trim()
    .min(1, `${name} must not be empty.`)
    .max(200, `${name} must be at most 200 characters.`);

/** A policy version as the settings accept it (letters, digits, dots, dashes, underscores). */
export const policyVersionSchema = z
  .string({ error: 'policyVersion must be a string.' })
  .trim()
  .min(1, 'policyVersion must not be empty.')
  .max(40, 'policyVersion must be at most 40 characters.')
  .regex(/^[\w.-]+$/, 'policyVersion: letters, digits, dots, dashes and underscores only.');

/**
 * `POST /api/v1/consent`: who (the store's customer id or the storefront's anonymous id), the
 * decisions (at least one purpose), and optionally the policy version shown and where it came from.
 */
export const consentInputSchema = z
  .object({
    customerId: id('customerId').optional(),
    anonymousId: id('anonymousId').optional(),
    consent: z
      .strictObject(
        { analytics: decision, personalization: decision, advertising: decision },
        {
          error: (iss) =>
            iss.code === 'unrecognized_keys'
              ? 'consent accepts analytics, personalization and advertising only.'
              : 'consent must be an object like { "analytics": true }.',
        },
      )
      .refine((c) => Object.values(c).some((v) => v !== undefined), {
        message: 'Name at least one purpose: analytics, personalization or advertising.',
      }),
    policyVersion: policyVersionSchema.optional(),
    source: z
      .enum(['api', 'import', 'webhook', 'request'], {
        error: 'source must be api, import, webhook or request.',
      })
      .optional(),
  })
  .refine((b) => b.customerId !== undefined || b.anonymousId !== undefined, {
    message: 'Send customerId or anonymousId.',
    path: ['customerId'],
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

/** The consent page's period: 7–365 days (form strings coerced). */
export const consentPeriodSchema = z.coerce.number().int().min(7).max(365).catch(30);
