import { describe, expect, it } from 'vitest';
import { buildCsp, newNonce, nonceOf } from './csp';
import { assertSameOrigin, crossSiteReason } from './csrf';
import { baseSecurityHeaders, isNonPagePath, pageSecurityHeaders, requestIsHttps } from './headers';

const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

describe('CSRF guard', () => {
  const host = { host: 'app.example:3000' };

  it('lets same-origin writes and every read through', () => {
    expect(crossSiteReason(req('POST', { ...host, 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(crossSiteReason(req('POST', { ...host, origin: 'http://app.example:3000' }))).toBeNull();
    expect(crossSiteReason(req('GET', { ...host, 'sec-fetch-site': 'cross-site' }))).toBeNull();
    expect(crossSiteReason(req('DELETE', host))).toBeNull(); // no browser headers: not a browser
  });

  it('refuses cross-site and same-site writes, foreign and opaque origins', () => {
    expect(crossSiteReason(req('POST', { ...host, 'sec-fetch-site': 'cross-site' }))).toContain('cross-site');
    expect(crossSiteReason(req('PUT', { ...host, 'sec-fetch-site': 'same-site' }))).toContain('same-site');
    expect(crossSiteReason(req('POST', { ...host, origin: 'https://evil.example' }))).toContain('evil');
    expect(crossSiteReason(req('POST', { ...host, origin: 'null' }))).toBe('opaque Origin');
    expect(crossSiteReason(req('POST', { ...host, origin: 'not a url' }))).toBe('malformed Origin');
    expect(() => assertSameOrigin(req('DELETE', { ...host, origin: 'https://evil.example' }))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
  });

  it('believes X-Forwarded-Host only behind a trusted proxy', () => {
    const r = req('POST', {
      host: 'internal:3000',
      'x-forwarded-host': 'app.example',
      origin: 'https://app.example',
    });
    expect(crossSiteReason(r)).not.toBeNull();
    expect(crossSiteReason(r, { trustProxy: true })).toBeNull();
    const forged = req('POST', {
      ...host,
      'x-forwarded-host': 'evil.example',
      origin: 'https://evil.example',
    });
    expect(crossSiteReason(forged)).not.toBeNull();
  });
});

describe('Content-Security-Policy', () => {
  it('allows scripts only with the nonce, never inline, and forbids framing', () => {
    const nonce = newNonce();
    const csp = buildCsp({ nonce });
    const script = csp.split('; ').find((d) => d.startsWith('script-src')) ?? '';
    expect(script).toContain(`'nonce-${nonce}'`);
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain('unsafe-inline');
    expect(script).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(buildCsp({ nonce, https: true })).toContain('upgrade-insecure-requests');
    expect(buildCsp({ nonce, dev: true })).toContain("'unsafe-eval'");
    expect(nonceOf(csp)).toBe(nonce);
  });

  it('draws a fresh, unguessable nonce every time', () => {
    const seen = new Set(Array.from({ length: 200 }, newNonce));
    expect(seen.size).toBe(200);
    for (const n of seen) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('security headers', () => {
  it('sends HSTS only over https and the framing/CSP headers only on pages', () => {
    expect(baseSecurityHeaders(false)).not.toHaveProperty('Strict-Transport-Security');
    expect(baseSecurityHeaders(true)['Strict-Transport-Security']).toContain('max-age=63072000');
    const base = baseSecurityHeaders(false);
    expect(base['X-Content-Type-Options']).toBe('nosniff');
    expect(base).not.toHaveProperty('X-Frame-Options');
    const page = pageSecurityHeaders(false, "default-src 'self'");
    expect(page).toMatchObject({
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Content-Security-Policy': "default-src 'self'",
    });
  });

  it('tells pages from storefront endpoints, snippet files and assets', () => {
    for (const p of ['/', '/acme', '/acme/api-keys', '/sign-in', '/invite/abc'])
      expect(isNonPagePath(p)).toBe(false);
    for (const p of [
      '/api/v1/events',
      '/t.js',
      '/tailor.js',
      '/_next/static/x.js',
      '/acme/import/1/errors.csv',
    ])
      expect(isNonPagePath(p)).toBe(true);
  });

  it('trusts X-Forwarded-Proto only behind a trusted proxy', () => {
    const h = new Headers({ 'x-forwarded-proto': 'https' });
    expect(requestIsHttps(new URL('http://a/'), h, false)).toBe(false);
    expect(requestIsHttps(new URL('http://a/'), h, true)).toBe(true);
    expect(requestIsHttps(new URL('https://a/'), new Headers(), false)).toBe(true);
  });
});
