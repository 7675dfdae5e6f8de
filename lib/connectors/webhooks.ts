import { type Db, getDb } from '@/db/client';
import { embedChangedProducts } from '@/lib/embeddings/job';
import { apiError, errorResponse } from '@/lib/api/respond';
import { log } from '@/lib/log';
import { completeRequest } from '@/lib/privacy/requests/process';
import { invalidateRecommendServing } from '@/lib/recommend/serve/lookups';
import { withTenantTx } from '@/lib/tenant/context';
import { addIngestCounts } from './counters';
import { openCredentials } from './credentials';
import { hmacSha256Base64, verifyHmacBase64 } from './hmac';
import { findConnectionForWebhook, recordDelivery } from './queries';
import { readState } from './state';
import { connectorContext } from './sync';
import { type TopicOutcome, applyTopic } from './webhook-topics';
import { PLATFORM_LABELS, type Platform } from './types';
import { type SyncWriters, defaultWriters } from './writers';

/** Largest webhook body accepted (Shopify's largest payloads are well under this). */
export const MAX_WEBHOOK_BYTES = 5 * 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The headers each platform sends with a delivery. */
const HEADERS: Record<Platform, { signature: string; delivery: string; topic: string }> = {
  shopify: { signature: 'x-shopify-hmac-sha256', delivery: 'x-shopify-webhook-id', topic: 'x-shopify-topic' },
  woocommerce: {
    signature: 'x-wc-webhook-signature',
    delivery: 'x-wc-webhook-delivery-id',
    topic: 'x-wc-webhook-topic',
  },
};

export interface WebhookDeps {
  db?: Db;
  writers?: SyncWriters;
}

const json = (body: Record<string, unknown>, status = 200) => Response.json(body, { status });

/** The raw body, read in chunks and abandoned past the size cap (null then). */
async function readRaw(req: Request): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_WEBHOOK_BYTES) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WEBHOOK_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Receives one webhook delivery for a connection: checks the HMAC-SHA256 signature of the raw
 * body against the connection's webhook secret (constant time; a wrong or missing signature is
 * 401 and changes nothing), ignores a delivery id already processed, and applies the topic and
 * records the delivery in one transaction. A malformed payload is acknowledged and counted as
 * rejected (the platform would only resend it). WooCommerce's unsigned activation ping gets 200.
 */
export async function handleWebhook(
  platform: Platform,
  connectionId: string,
  req: Request,
  deps: WebhookDeps = {},
): Promise<Response> {
  try {
    return await receive(platform, connectionId, req, deps);
  } catch (error) {
    // Nothing was recorded (the transaction rolled back): the platform will deliver it again.
    return errorResponse(error);
  }
}

async function receive(
  platform: Platform,
  connectionId: string,
  req: Request,
  deps: WebhookDeps,
): Promise<Response> {
  if (!UUID.test(connectionId)) return apiError('not_found', 'Unknown connection.', 404);
  const raw = await readRaw(req);
  if (!raw) return apiError('payload_too_large', `Body larger than ${MAX_WEBHOOK_BYTES} bytes.`, 413);
  const db = deps.db ?? (await getDb());
  const row = await findConnectionForWebhook(db, connectionId.toLowerCase(), platform);
  if (!row) return apiError('not_found', 'Unknown connection.', 404);

  const h = HEADERS[platform];
  const signature = req.headers.get(h.signature);
  const text = new TextDecoder().decode(raw);
  if (platform === 'woocommerce' && !signature && /^webhook_id=\d+$/.test(text.trim())) {
    return json({ ok: true, result: 'ping' });
  }
  let secret: string | null;
  try {
    secret = openCredentials(row).webhookSecret;
  } catch (error) {
    log('error', 'connectors.webhook_credentials_unreadable', {
      tenantId: row.tenantId,
      connectionId,
      error,
    });
    return apiError('internal', 'The connection cannot verify webhooks right now.', 503, {
      headers: { 'Retry-After': '300' },
    });
  }
  if (!secret) {
    return apiError('unauthenticated', 'No webhook secret is saved for this connection.', 401);
  }
  if (!verifyHmacBase64(secret, raw, signature)) {
    log('warn', 'connectors.webhook_bad_signature', { tenantId: row.tenantId, connectionId, platform });
    return apiError('unauthenticated', 'Invalid webhook signature.', 401);
  }
  const deliveryId = req.headers.get(h.delivery)?.trim();
  const topic = req.headers.get(h.topic)?.trim().toLowerCase() ?? '';
  if (!deliveryId || deliveryId.length > 200)
    return apiError('bad_request', `Missing ${h.delivery} header.`, 400);
  if (!topic || topic.length > 100) return apiError('bad_request', `Missing ${h.topic} header.`, 400);

  let payload: unknown;
  let malformed = false;
  try {
    payload = JSON.parse(text);
  } catch {
    malformed = true;
  }
  const writers = deps.writers ?? (await defaultWriters());
  const tenant = { tenantId: row.tenantId };
  const outcome = await withTenantTx(db, tenant, async (tx): Promise<TopicOutcome | 'duplicate'> => {
    const fresh = await recordDelivery(tx, tenant, {
      deliveryId: `${row.id}:${deliveryId}`,
      connectionId: row.id,
      topic,
    });
    if (!fresh) return 'duplicate';
    const result: TopicOutcome = malformed
      ? { result: 'skipped', reason: 'malformed webhook payload' }
      : await applyTopic({
          tx,
          tenantId: row.tenantId,
          connectionId: row.id,
          actorLabel: `${PLATFORM_LABELS[platform]} webhook (${new URL(row.baseUrl).host})`,
          platform,
          topic,
          payload,
          store: readState(row.syncState).store ?? null,
          writers,
        });
    if (result.result !== 'ignored') {
      await addIngestCounts(tx, row.tenantId, 'webhook', {
        accepted: result.result === 'applied' ? result.accepted : 0,
        rejected: result.result === 'skipped' ? 1 : 0,
        reasons: result.result === 'skipped' ? { [result.reason]: 1 } : {},
      });
    }
    return result;
  });
  if (outcome === 'duplicate') return json({ ok: true, result: 'duplicate' });
  const { privacyRequest, ...reply } =
    outcome.result === 'applied' ? outcome : { ...outcome, privacyRequest: undefined };
  if (privacyRequest?.processNow) {
    // After the delivery committed: an erasure that fails stays open in Privacy → Requests (with
    // its due date and overdue warning) for the merchant to complete; Shopify need not resend.
    const ctx = connectorContext(
      row.tenantId,
      `${PLATFORM_LABELS[platform]} webhook (${new URL(row.baseUrl).host})`,
    );
    try {
      await completeRequest(db, ctx, { id: privacyRequest.requestId });
    } catch (error) {
      log('error', 'connectors.privacy_request_failed', { tenantId: row.tenantId, connectionId, error });
    }
  }
  if (outcome.result === 'applied' && /^products?[/.]/.test(topic)) invalidateRecommendServing(row.tenantId);
  // A product written or archived: embed it soon; a burst of deliveries within 30 s shares one run.
  await embedChangedProducts(
    db,
    tenant,
    outcome.result === 'applied' && /^products?[/.]/.test(topic) ? 1 : 0,
    { delayMs: 30_000 },
  );
  return json({ ok: true, ...reply });
}

/** Signs a body the way the platform does (tests, and the fake stores). */
export const signWebhookBody = hmacSha256Base64;
