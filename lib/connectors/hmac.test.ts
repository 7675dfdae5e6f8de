import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256Base64, verifyHmacBase64 } from './hmac';

describe('webhook signatures', () => {
  const body = new TextEncoder().encode('{"id":1,"title":"Ünïcode"}');
  const secret = 'whsec_test';

  it('is the base64 HMAC-SHA256 of the raw bytes', () => {
    const expected = crypto.createHmac('sha256', secret).update(body).digest('base64');
    expect(hmacSha256Base64(secret, body)).toBe(expected);
    expect(verifyHmacBase64(secret, body, expected)).toBe(true);
  });

  it('rejects wrong, missing, truncated and malformed signatures', () => {
    const good = hmacSha256Base64(secret, body);
    expect(verifyHmacBase64('other', body, good)).toBe(false);
    expect(verifyHmacBase64(secret, body, null)).toBe(false);
    expect(verifyHmacBase64(secret, body, '')).toBe(false);
    expect(verifyHmacBase64(secret, body, good.slice(0, 20))).toBe(false);
    expect(verifyHmacBase64(secret, body, 'not base64 at all!')).toBe(false);
    expect(verifyHmacBase64('', body, good)).toBe(false);
    const changed = new TextEncoder().encode('{"id":1,"title":"Unicode"}');
    expect(verifyHmacBase64(secret, changed, good)).toBe(false);
  });
});
