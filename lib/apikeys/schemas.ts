import { z } from 'zod';
import { API_SCOPES, scopeInput } from './scopes';

/** An origin such as `https://shop.example.com` or `http://localhost:8080` (no path). */
export const originSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\/+$/, ''))
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
    } catch {
      return false;
    }
  }, 'Each origin must look like https://shop.example.com (scheme and host, no path).');

export const createApiKeySchema = z
  .object({
    kind: z.enum(['secret', 'publishable'], { message: 'Choose secret or publishable.' }),
    name: z.string().trim().min(1, 'Give the key a name.').max(60, 'At most 60 characters.'),
    allowedOrigins: z
      .preprocess(
        (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : (v ?? [])),
        z.array(originSchema).max(20, 'At most 20 origins.'),
      )
      .default([]),
    /** Secret keys only; absent means every scope. Form checkboxes arrive as a string or an array. */
    scopes: z.preprocess(
      scopeInput,
      z
        .array(
          z.enum(API_SCOPES, {
            message: `Unknown scope: use ${API_SCOPES.join(', ')}.`,
          }),
        )
        .min(1, 'Choose at least one scope.')
        .transform((list) => API_SCOPES.filter((s) => list.includes(s))),
    ),
  })
  .refine((k) => k.kind === 'secret' || k.allowedOrigins.length > 0, {
    message: 'A publishable key needs at least one storefront origin.',
    path: ['allowedOrigins'],
  });

export const revokeApiKeySchema = z.object({ id: z.string().uuid('Unknown key.') });
