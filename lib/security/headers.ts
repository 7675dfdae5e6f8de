/**
 * Security headers for every response. Two families:
 * - every answer (pages, API, assets): no MIME sniffing, a strict referrer policy, no powerful
 *   browser features, and HSTS when the request came over https;
 * - dashboard pages on top: no framing (X-Frame-Options and CSP frame-ancestors), an isolated
 *   browsing context group (COOP), and the nonce CSP (lib/security/csp.ts).
 * Storefront endpoints and the snippet files are loaded by shops on other origins: they get the
 * first family only, so their CORS answers and cross-origin script loading keep working.
 */
import type { HeaderReader } from '@/lib/http';

/** Two years, subdomains included: the value browsers' preload lists expect. */
export const HSTS = 'max-age=63072000; includeSubDomains';

const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'browsing-topics=()',
].join(', ');

/** Headers for any response. `https`: whether the client reached us over TLS. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/** Headers for a dashboard (or sign-in) page; `csp` from buildCsp. */
export function pageSecurityHeaders(https: boolean, csp: string): Record<string, string> {
  return {
    ...baseSecurityHeaders(https),
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Content-Security-Policy': csp,
  };
}

/**
 * True when the path is served to other origins (storefront API, snippet files, webhooks) or is
 * a static asset, i.e. not an HTML page of the app.
 */
export function isNonPagePath(pathname: string): boolean {
  if (pathname.startsWith('/api/') || pathname.startsWith('/_next/')) return true;
  // Files (t.js, tailor.js, favicon.ico, errors.csv…) have an extension in their last segment.
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return last.includes('.');
}

/**
 * Whether the client used https: the URL itself, or — behind a trusted proxy only — the proxy's
 * `X-Forwarded-Proto`.
 */
export function requestIsHttps(url: URL, headers: HeaderReader, trustProxy: boolean): boolean {
  if (url.protocol === 'https:') return true;
  if (!trustProxy) return false;
  return (headers.get('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https';
}

/** Sets `values` on `headers` (overwriting), for Response and NextResponse alike. */
export function applyHeaders(headers: Headers, values: Record<string, string>): void {
  for (const [k, v] of Object.entries(values)) headers.set(k, v);
}
