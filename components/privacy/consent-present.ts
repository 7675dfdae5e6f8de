import type { ConsentSource, PrivacyPurpose } from '@/db/schema';

/** How the consent UI names purposes and sources. */
export const PURPOSE_LABELS: Record<PrivacyPurpose, string> = {
  analytics: 'Analytics',
  personalization: 'Personalization',
  advertising: 'Advertising',
};

export const PURPOSE_HELP: Record<PrivacyPurpose, string> = {
  analytics: 'Events stored with the shopper’s identifiers.',
  personalization: 'Personal recommendations from their history.',
  advertising: 'Segment exports and audience targeting.',
};

export const SOURCE_LABELS: Record<ConsentSource, string> = {
  snippet: 'Storefront snippet',
  api: 'API',
  import: 'Import',
  webhook: 'Store webhook',
  dashboard: 'Dashboard',
  request: 'Privacy request',
};

export const MODE_LABELS = {
  opt_in: 'Opt-in (GDPR style): identified processing only after a grant',
  opt_out: 'Opt-out (CCPA style): allowed until the shopper withdraws',
} as const;

export const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;
