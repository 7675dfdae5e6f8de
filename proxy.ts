/**
 * Next's request proxy (the file Next 16 runs before routing; it replaces middleware.ts):
 * security headers on every response Next serves, and on HTML pages a Content-Security-Policy
 * with a fresh nonce, which Next reads from the request's CSP header and puts on its own scripts.
 * Policies live in lib/security; the self-hosted fast path adds the same base headers itself.
 */
import { type NextRequest, NextResponse } from 'next/server';
import { getEnv } from '@/lib/env';
import { buildCsp, newNonce } from '@/lib/security/csp';
import {
  applyHeaders,
  baseSecurityHeaders,
  isNonPagePath,
  pageSecurityHeaders,
  requestIsHttps,
} from '@/lib/security/headers';

export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  const https = requestIsHttps(request.nextUrl, request.headers, env.TRUST_PROXY ?? false);
  if (isNonPagePath(request.nextUrl.pathname)) {
    const res = NextResponse.next();
    applyHeaders(res.headers, baseSecurityHeaders(https));
    return res;
  }
  const nonce = newNonce();
  const csp = buildCsp({ nonce, dev: env.NODE_ENV === 'development', https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  applyHeaders(res.headers, pageSecurityHeaders(https, csp));
  return res;
}

export const config = {
  // Everything, static files included: "every response" carries the base headers.
  matcher: '/:path*',
};
