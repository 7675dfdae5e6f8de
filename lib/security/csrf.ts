/**
 * Cross-site request forgery guard for route handlers that act on the session cookie (server
 * actions get Next's own Origin check; route handlers do not). A state-changing request must come
 * from a page of this app: the browser says so with `Sec-Fetch-Site: same-origin` (or `none`, a
 * request the user typed), or, for browsers without fetch metadata, an `Origin` whose host is
 * ours. A request with neither header is not from a browser that could carry a victim's cookie
 * across sites (every current browser sends Origin on POST), so it passes.
 */
import { AppError } from '@/lib/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /** Believe `X-Forwarded-Host` (behind a trusted reverse proxy only). */
  trustProxy?: boolean;
}

/** Null when the request may proceed, or the reason it may not. */
export function crossSiteReason(
  req: Pick<Request, 'method' | 'headers'>,
  opts: CsrfOptions = {},
): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = req.headers.get('origin');
  if (origin === null) return null;
  if (origin === 'null') return 'opaque Origin';
  const forwarded = opts.trustProxy ? req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const host = forwarded || req.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return 'malformed Origin';
  }
  return host && originHost === host ? null : `Origin ${origin} is not this site`;
}

/** Throws AppError `forbidden` for a cross-site state-changing request (see crossSiteReason). */
export function assertSameOrigin(req: Pick<Request, 'method' | 'headers'>, opts: CsrfOptions = {}): void {
  if (crossSiteReason(req, opts)) throw new AppError('forbidden', 'Cross-site request refused.');
}
