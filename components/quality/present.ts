import { REJECT_REASONS, type RejectReason } from '@/lib/events/schemas';

const SOURCE_LABELS: Record<string, string> = {
  api: 'Events API (secret key)',
  snippet: 'Storefront (publishable key)',
  import: 'File import',
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  webhook: 'Webhooks',
};

/** A source's name for people. */
export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source;
}

const REASON_LABELS: Record<RejectReason, string> = {
  not_an_object: 'Event is not a JSON object',
  missing_event_id: 'No eventId',
  invalid_event_id: 'Malformed eventId',
  invalid_type: 'Unknown event type',
  missing_identity: 'Neither anonymousId nor customerId',
  invalid_anonymous_id: 'Malformed anonymousId',
  invalid_customer_id: 'Malformed customerId',
  missing_product: 'Product event without productId',
  invalid_product_id: 'Malformed productId',
  unknown_product: 'Product not in the catalog',
  invalid_quantity: 'Invalid quantity',
  invalid_price: 'Invalid or negative price',
  missing_price: 'Purchase without price',
  invalid_currency: 'Missing or unknown currency',
  missing_query: 'Search without query',
  invalid_query: 'Malformed query',
  invalid_timestamp: 'Malformed timestamp',
  timestamp_in_future: 'Timestamp in the future',
  timestamp_too_old: 'Timestamp older than 90 days',
  invalid_context: 'Malformed context',
  invalid_consent: 'Malformed consent',
};

/** A rejection reason for people: event API codes are translated, other sources' texts kept. */
export function reasonLabel(reason: string): string {
  return (REJECT_REASONS as readonly string[]).includes(reason)
    ? REASON_LABELS[reason as RejectReason]
    : reason;
}

/** 0.1234 → "12.3 %" in the locale; null → "—". */
export function percent(share: number | null, locale = 'en'): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** The share `part / whole`, or null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The curl command shown to merchants, with this workspace's URL. */
export function curlExample(appUrl: string): string {
  const body = JSON.stringify({
    events: [
      {
        type: 'page_view',
        eventId: 'evt-0001',
        anonymousId: 'visitor-42',
        context: { url: 'https://shop.example/', locale: 'en-GB' },
      },
    ],
  });
  return [
    `curl -X POST ${appUrl}/api/v1/events \\`,
    '  -H "Authorization: Bearer sk_…" \\',
    '  -H "Content-Type: application/json" \\',
    `  -d '${body}'`,
  ].join('\n');
}
