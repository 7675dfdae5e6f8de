import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { nonceOf } from './csp';

describe('proxy (security headers before Next routes a request)', () => {
  it('gives a page a nonce CSP, and hands the same policy to Next to stamp its scripts', () => {
    const res = proxy(new NextRequest('http://app.test/acme/segments'));
    const csp = res.headers.get('content-security-policy');
    const nonce = nonceOf(csp);
    expect(nonce).toBeTruthy();
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // NextResponse.next({ request: { headers } }) travels as x-middleware-request-* headers.
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(res.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    const again = proxy(new NextRequest('http://app.test/acme/segments'));
    expect(nonceOf(again.headers.get('content-security-policy'))).not.toBe(nonce);
  });

  it('leaves storefront endpoints and snippet files without page-only headers', () => {
    for (const path of ['/api/v1/events', '/t.js', '/tailor.js', '/api/webhooks/shopify/x']) {
      const res = proxy(new NextRequest(`http://app.test${path}`));
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('content-security-policy'), path).toBeNull();
      expect(res.headers.get('x-frame-options'), path).toBeNull();
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull(); // CORS is the route's
    }
  });
});
