import type {
  PrivacyRegulation,
  PrivacyRequestKind,
  PrivacyRequestSource,
  PrivacyRequestStatus,
} from '@/db/schema';
import type { Urgency } from '@/lib/privacy/requests/due-dates';

/** Words the requests pages use for stored values. */
export const KIND_LABELS: Record<PrivacyRequestKind, string> = {
  access: 'Access',
  erasure: 'Erasure',
  rectification: 'Rectification',
  opt_out: 'Opt-out of sale/sharing',
};

export const STATUS_LABELS: Record<PrivacyRequestStatus, string> = {
  received: 'Received',
  verified: 'Verified',
  in_progress: 'In progress',
  completed: 'Completed',
  rejected: 'Rejected',
};

export const STATUS_COLORS: Record<PrivacyRequestStatus, 'gray' | 'blue' | 'amber' | 'green' | 'red'> = {
  received: 'gray',
  verified: 'blue',
  in_progress: 'amber',
  completed: 'green',
  rejected: 'red',
};

export const REGULATION_LABELS: Record<PrivacyRegulation, string> = {
  gdpr: 'GDPR',
  uk_gdpr: 'UK GDPR',
  ccpa: 'CCPA/CPRA',
};

export const SOURCE_LABELS: Record<PrivacyRequestSource, string> = {
  dashboard: 'Dashboard',
  api: 'API',
  shopify_webhook: 'Shopify webhook',
  cli: 'CLI',
};

export const IDENTIFIER_LABELS: Record<string, string> = {
  email: 'Email',
  external_id: 'Store customer id',
  shopper_id: 'Tailor shopper id',
};

export const METHOD_LABELS: Record<string, string> = {
  email_link: 'Email link confirmed',
  order_match: 'Order details matched',
  account_login: 'Signed in to their account',
  manual: 'Checked manually',
  store_webhook: 'Vouched for by the store',
  cli_operator: 'Operator (CLI)',
};

/** The due-date cell: overdue and due-soon stand out; closed requests show nothing urgent. */
export function urgencyText(
  urgency: Urgency,
  daysLeft: number,
): { text: string; color: 'red' | 'amber' | 'gray' } {
  if (urgency === 'overdue') {
    const late = Math.max(1, -daysLeft);
    return { text: `Overdue by ${late} day${late === 1 ? '' : 's'}`, color: 'red' };
  }
  if (urgency === 'due_soon')
    return {
      text: daysLeft <= 0 ? 'Due today' : `Due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`,
      color: 'amber',
    };
  if (urgency === 'on_track') return { text: `${daysLeft} days left`, color: 'gray' };
  return { text: 'Closed', color: 'gray' };
}
