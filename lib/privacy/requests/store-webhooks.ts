import type { Executor } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import { fileRequest, type FileRequestSpec } from './service';
import type { SubjectIdentifier } from './subject';

/** Shopify's mandatory privacy topics, as data subject requests. */
export const STORE_PRIVACY_TOPICS = ['customers/data_request', 'customers/redact', 'shop/redact'] as const;
export type StorePrivacyTopic = (typeof STORE_PRIVACY_TOPICS)[number];

const obj = (v: unknown): Record<string, unknown> | null =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const idText = (v: unknown): string | null =>
  (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && /^\d{1,20}$/.test(v))
    ? String(v)
    : null;
const text = (v: unknown, max = 320): string | null =>
  typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : null;
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** What a delivery filed: the request, and whether to process it right after the delivery commits. */
export interface FiledStoreRequest {
  requestId: string;
  processNow: boolean;
}

/**
 * Files the request a privacy webhook stands for, inside the delivery's transaction:
 * customers/data_request → an access request (received; the merchant verifies and answers it);
 * customers/redact → an erasure, verified on intake (the store vouches for its customer) and
 * processed at once; shop/redact → an erasure of every shopper that came from the store.
 * Shopify sends these under GDPR, so the regulation is gdpr. The customer's email is only sealed
 * (as the contact) and hashed, never stored in clear. Returns null for a payload missing the
 * customer it is about.
 */
export async function fileStorePrivacyRequest(
  tx: Executor,
  ctx: TenantContext,
  topic: StorePrivacyTopic,
  payload: unknown,
): Promise<FiledStoreRequest | null> {
  const body = obj(payload);
  const shopDomain = text(body?.shop_domain, 255);
  const customer = obj(body?.customer);
  const customerId = idText(customer?.id);
  const email = text(customer?.email);
  const storeVouches = {
    method: 'store_webhook',
    note: `Shopify ${topic}: the store vouches for the identity.`,
  };
  const base = { regulation: 'gdpr', source: 'shopify_webhook' } as const;
  let spec: FileRequestSpec;
  if (topic === 'shop/redact') {
    spec = {
      ...base,
      kind: 'erasure',
      identifiers: [
        { type: 'external_id', value: `shop:${shopDomain ?? idText(body?.shop_id) ?? 'unknown'}` },
      ],
      noSubject: true,
      details: { topic, scope: 'shop', ...(shopDomain ? { shopDomain } : {}) },
      verification: storeVouches,
    };
  } else {
    const identifiers: SubjectIdentifier[] = [];
    if (customerId) identifiers.push({ type: 'external_id', value: customerId });
    if (email) identifiers.push({ type: 'email', value: email });
    if (!identifiers.length) return null;
    const redact = topic === 'customers/redact';
    // The customer id and email are identifiers the post-erasure scan looks for: they live only
    // as the subject hash and the sealed contact, never in clear in `details`.
    spec = {
      ...base,
      kind: redact ? 'erasure' : 'access',
      identifiers,
      ...(email ? { contact: email } : {}),
      details: {
        topic,
        ...(shopDomain ? { shopDomain } : {}),
        ...(redact
          ? { ordersToRedact: count(body?.orders_to_redact) }
          : {
              ordersRequested: count(body?.orders_requested),
              ...(idText(obj(body?.data_request)?.id)
                ? { dataRequestId: idText(obj(body?.data_request)?.id) }
                : {}),
            }),
      },
      ...(redact ? { verification: storeVouches } : {}),
    };
  }
  const row = await fileRequest(tx, ctx, spec);
  return { requestId: row.id, processNow: spec.kind === 'erasure' };
}
