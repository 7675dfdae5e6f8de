import type { Executor } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { type FiledStoreRequest, fileStorePrivacyRequest } from '@/lib/privacy/requests/store-webhooks';
import { arr, numericId, obj } from './json';
import type { Mapped } from './mapped';
import { anonymizeShopper, archiveProduct, cancelOrder } from './queries';
import { mapRestCustomer, mapRestOrder, mapRestProduct } from './shopify/map-rest';
import { connectorContext } from './sync';
import type { Platform, StoreInfo } from './types';
import { mapWooCustomer, mapWooOrder, mapWooProduct } from './woocommerce/map';
import type { SyncWriters } from './writers';

/** What applying one delivery did. */
export type TopicOutcome =
  | { result: 'applied'; accepted: number; privacyRequest?: FiledStoreRequest }
  | { result: 'ignored' }
  | { result: 'skipped'; reason: string };

export interface TopicInput {
  tx: Executor;
  tenantId: string;
  connectionId: string;
  /** For the audit log: "Shopify webhook (acme.myshopify.com)". */
  actorLabel: string;
  platform: Platform;
  topic: string;
  payload: unknown;
  store: StoreInfo | null;
  writers: SyncWriters;
}

/** Mandatory Shopify privacy topics: recorded in the audit log and listed on the Connections page. */
export const PRIVACY_TOPICS = ['customers/data_request', 'customers/redact', 'shop/redact'] as const;

type Kind = 'product' | 'order' | 'customer';
type Action = 'upsert' | 'delete';

/** `products/update` / `product.updated` → what it is about and whether it removes. */
function classify(platform: Platform, topic: string): { kind: Kind; action: Action } | null {
  const [noun = '', verb = ''] = platform === 'shopify' ? topic.split('/') : topic.split('.');
  const kinds: Record<string, Kind> =
    platform === 'shopify'
      ? { products: 'product', orders: 'order', customers: 'customer' }
      : { product: 'product', order: 'order', customer: 'customer' };
  const kind = kinds[noun];
  if (!kind || !verb) return null;
  if (verb === 'delete' || verb === 'deleted') return { kind, action: 'delete' };
  return { kind, action: 'upsert' };
}

async function upsertOne<T>(
  mapped: Mapped<T>,
  write: (records: T[]) => Promise<unknown>,
): Promise<TopicOutcome> {
  if (!mapped.ok) return { result: 'skipped', reason: mapped.reason };
  await write([mapped.record]);
  return { result: 'applied', accepted: 1 };
}

/**
 * Applies one verified webhook delivery inside the caller's transaction: upserts for create and
 * update topics, archive (products), cancel (orders) or anonymize (customers) for deletions, and
 * the Shopify privacy topics. Unknown topics are ignored.
 */
export async function applyTopic(input: TopicInput): Promise<TopicOutcome> {
  const { tx, tenantId, platform, topic, payload, writers } = input;
  const tenant = { tenantId };
  if (platform === 'shopify' && (PRIVACY_TOPICS as readonly string[]).includes(topic)) {
    return applyPrivacyTopic(input);
  }
  const c = classify(platform, topic);
  if (!c) return { result: 'ignored' };
  const id = numericId(obj(payload)?.id);
  if (c.action === 'delete') {
    if (!id) return { result: 'skipped', reason: `${c.kind} deletion without an id` };
    if (c.kind === 'product') await archiveProduct(tx, tenant, id);
    else if (c.kind === 'order') await cancelOrder(tx, tenant, id);
    else await anonymizeShopper(tx, tenant, id);
    return { result: 'applied', accepted: 1 };
  }
  if (c.kind === 'customer') {
    const mapped = platform === 'shopify' ? mapRestCustomer(payload) : mapWooCustomer(payload);
    return upsertOne(mapped, (r) => writers.customers(tx, tenant, r));
  }
  const store = input.store;
  if (!store) return { result: 'skipped', reason: 'store details missing (run a sync first)' };
  if (c.kind === 'product') {
    const mapped = platform === 'shopify' ? mapRestProduct(payload, store) : mapWooProduct(payload, store);
    return upsertOne(mapped, (r) => writers.products(tx, tenant, r));
  }
  const mapped = platform === 'shopify' ? mapRestOrder(payload, store) : mapWooOrder(payload, store);
  return upsertOne(mapped, (r) => writers.orders(tx, tenant, r, { source: platform }));
}

/**
 * customers/data_request, customers/redact, shop/redact: each files a data subject request in the
 * privacy center (lib/privacy/requests) and gets an audit entry naming it (counts only, never the
 * customer's id or email: the post-erasure scan must find nothing that points at them).
 * Erasures come back with `processNow`; the webhook handler runs them once this delivery commits.
 */
async function applyPrivacyTopic(input: TopicInput): Promise<TopicOutcome> {
  const { tx, tenantId, topic, payload } = input;
  const body = obj(payload);
  const ctx = connectorContext(tenantId, input.actorLabel);
  const topicName = topic as (typeof PRIVACY_TOPICS)[number];
  const filed = await fileStorePrivacyRequest(tx, ctx, topicName, payload);
  if (!filed) return { result: 'skipped', reason: `${topic} without a customer id or email` };
  const orders = topic === 'customers/redact' ? arr(body?.orders_to_redact) : arr(body?.orders_requested);
  await recordAudit(tx, ctx, {
    action: 'connection.privacy_request',
    targetType: 'connection',
    targetId: input.connectionId,
    details: {
      topic,
      request: filed.requestId,
      ...(topic === 'shop/redact' ? {} : { orders: orders.length }),
    },
  });
  return { result: 'applied', accepted: 1, privacyRequest: filed };
}
