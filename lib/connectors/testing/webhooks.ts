import { hmacSha256Base64 } from '../hmac';
import type { Platform } from '../types';

export interface TestDelivery {
  topic: string;
  body: unknown;
  /** The secret to sign with; null sends no signature header. */
  secret: string | null;
  deliveryId?: string;
  /** Overrides the computed signature. */
  signature?: string;
}

let n = 0;

/** A webhook request exactly as the platform sends it (raw JSON body, signature over its bytes). */
export function webhookRequest(platform: Platform, connectionId: string, d: TestDelivery): Request {
  const raw = typeof d.body === 'string' ? d.body : JSON.stringify(d.body);
  n += 1;
  const id = d.deliveryId ?? `delivery-${Date.now()}-${n}`;
  const signature = d.signature ?? (d.secret === null ? null : hmacSha256Base64(d.secret, raw));
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (platform === 'shopify') {
    headers['X-Shopify-Topic'] = d.topic;
    headers['X-Shopify-Webhook-Id'] = id;
    headers['X-Shopify-Shop-Domain'] = 'fake-outfitters.myshopify.com';
    headers['X-Shopify-API-Version'] = '2024-10';
    if (signature) headers['X-Shopify-Hmac-Sha256'] = signature;
  } else {
    headers['X-WC-Webhook-Topic'] = d.topic;
    headers['X-WC-Webhook-Delivery-ID'] = id;
    headers['X-WC-Webhook-Source'] = 'https://store.example.test/';
    if (signature) headers['X-WC-Webhook-Signature'] = signature;
  }
  return new Request(`http://127.0.0.1/api/webhooks/${platform}/${connectionId}`, {
    method: 'POST',
    headers,
    body: raw,
  });
}
