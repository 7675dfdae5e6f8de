import { z } from 'zod';
import { normalizeShopDomain, normalizeStoreUrl } from './urls';

/** Blank form fields are "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const optionalText = (max: number, message: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, message).optional());

const secretField = (label: string) =>
  z
    .string({ message: `Enter the ${label}.` })
    .trim()
    .min(1, { message: `Enter the ${label}.`, abort: true })
    .max(255, { message: `The ${label} is at most 255 characters.`, abort: true })
    .regex(/^\S+$/, { message: `The ${label} has no spaces.`, abort: true });

const shopDomain = z.string({ message: 'Enter your shop domain.' }).transform((v, ctx) => {
  const r = normalizeShopDomain(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r.value;
});

const storeUrl = z.string({ message: 'Enter your store URL.' }).transform((v, ctx) => {
  const r = normalizeStoreUrl(v);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  }
  return r.value;
});

const consumerKey = secretField('consumer key').regex(/^ck_[A-Za-z0-9]+$/, 'A consumer key starts with ck_.');
const consumerSecret = secretField('consumer secret').regex(
  /^cs_[A-Za-z0-9]+$/,
  'A consumer secret starts with cs_.',
);
const webhookSecret = optionalText(255, 'The webhook secret is at most 255 characters.');
const name = optionalText(80, 'At most 80 characters.');

export const connectShopifySchema = z.object({
  shopDomain,
  accessToken: secretField('Admin API access token'),
  webhookSecret,
  name,
});

export const connectWooSchema = z.object({
  storeUrl,
  consumerKey,
  consumerSecret,
  webhookSecret,
  name,
});

export const connectionIdSchema = z.object({ id: z.string().uuid('Unknown connection.') });

export const syncNowSchema = connectionIdSchema.extend({
  full: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()).optional(),
});

/** Replacing credentials: every field optional, blank keeps the saved value; at least one is needed. */
export const replaceShopifySchema = connectionIdSchema.extend({
  accessToken: z.preprocess(blankToUndefined, secretField('Admin API access token').optional()),
  webhookSecret,
});

export const replaceWooSchema = connectionIdSchema.extend({
  consumerKey: z.preprocess(blankToUndefined, consumerKey.optional()),
  consumerSecret: z.preprocess(blankToUndefined, consumerSecret.optional()),
  webhookSecret,
});
