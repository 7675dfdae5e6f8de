import { z } from 'zod';

/** The workspace's privacy settings, defaults filled in. */
export interface PrivacySettings {
  /** `opt_out`: processing allowed until withdrawn (CCPA); `opt_in`: only with a grant (GDPR). */
  consentMode: 'opt_in' | 'opt_out';
  /** Events without analytics consent: kept without identifiers, or dropped. */
  unconsentedEvents: 'anonymize' | 'drop';
  /** The privacy-policy version new consent records carry when the source sends none. */
  policyVersion: string;
  /** Raw events older than this many days are purged; null keeps them. */
  rawEventsDays: number | null;
  /** Shoppers inactive for this many months are erased; null keeps them. */
  inactiveShopperMonths: number | null;
  /** Operational logs (job runs, webhook deliveries, import rejections) kept this many days. */
  logsDays: number | null;
}

export const PRIVACY_DEFAULTS: PrivacySettings = {
  consentMode: 'opt_out',
  unconsentedEvents: 'anonymize',
  policyVersion: '1',
  rawEventsDays: null,
  inactiveShopperMonths: null,
  logsDays: null,
};

/** A blank form field means "keep forever". */
const optionalPeriod = (max: number, unit: string) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce
      .number()
      .int(`Enter whole ${unit}.`)
      .min(1, `At least 1 ${unit.replace(/s$/, '')}.`)
      .max(max, `At most ${max} ${unit}.`)
      .nullable(),
  );

/** What the privacy settings form and API accept; every field optional (absent = unchanged). */
export const privacySettingsInputSchema = z.object({
  consentMode: z.enum(['opt_in', 'opt_out']).optional(),
  unconsentedEvents: z.enum(['anonymize', 'drop']).optional(),
  policyVersion: z
    .string()
    .trim()
    .min(1, 'Enter a policy version.')
    .max(40, 'At most 40 characters.')
    .regex(/^[\w.-]+$/, 'Letters, digits, dots, dashes and underscores only.')
    .optional(),
  rawEventsDays: optionalPeriod(3650, 'days').optional(),
  inactiveShopperMonths: optionalPeriod(120, 'months').optional(),
  logsDays: optionalPeriod(3650, 'days').optional(),
});
export type PrivacySettingsInput = z.infer<typeof privacySettingsInputSchema>;
