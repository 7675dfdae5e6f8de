import crypto from 'node:crypto';

/** Base64 HMAC-SHA256 of the raw bytes, as Shopify and WooCommerce sign webhooks. */
export function hmacSha256Base64(secret: string, body: Uint8Array | string): string {
  return crypto.createHmac('sha256', secret).update(body).digest('base64');
}

/**
 * Checks a webhook signature header against the raw body in constant time. A missing,
 * malformed or wrong signature is false; nothing here throws.
 */
export function verifyHmacBase64(secret: string, body: Uint8Array, header: string | null): boolean {
  if (!secret || !header) return false;
  const expected = crypto.createHmac('sha256', secret).update(body).digest();
  const given = /^[A-Za-z0-9+/]+={0,2}$/.test(header.trim()) ? Buffer.from(header.trim(), 'base64') : null;
  if (!given || given.length !== expected.length) {
    crypto.timingSafeEqual(expected, expected); // same work either way
    return false;
  }
  return crypto.timingSafeEqual(given, expected);
}
