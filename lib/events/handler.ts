import { type Db, getDb } from '@/db/client';
import { type ApiKeyCache, apiKeyCache } from '@/lib/api/key-cache';
import { apiError, errorResponse } from '@/lib/api/respond';
import { apiKeyKindOf } from '@/lib/apikeys/service';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/http';
import { TokenBucketLimiter, type TokenBucketOptions, retryAfterSeconds } from '@/lib/ratelimit/token-bucket';
import { hasPermission } from '@/lib/tenant/context';
import { readJsonBody } from './body';
import type { CounterBuffer } from './counters';
import type { ProductIdCache } from './products';
import { MAX_BODY_BYTES } from './schemas';
import { ingestEvents } from './service';
import { eventsOf } from './validate';

/** Default rate limits, in batches (requests) per second. */
export const EVENTS_RATE_LIMITS = {
  /** Per API key, secret or publishable. */
  perKey: { ratePerSecond: 200, burst: 400 },
  /** Per publishable key and client IP: one abusive browser cannot use up a shop's allowance. */
  perClient: { ratePerSecond: 20, burst: 60 },
} as const satisfies Record<string, TokenBucketOptions>;

export interface EventsHandlerOptions {
  keys?: ApiKeyCache;
  keyLimiter?: TokenBucketLimiter;
  clientLimiter?: TokenBucketLimiter;
  products?: ProductIdCache;
  /** Buffer the daily counters (long-lived servers only; see CounterBuffer). */
  counters?: CounterBuffer;
  maxBytes?: number;
  db?: () => Promise<Db>;
}

type Credentials = { key: string; via: 'header' | 'url' };

function credentialsOf(req: Request, url: URL): Credentials | null {
  const auth = req.headers.get('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return { key: auth.slice(7).trim(), via: 'header' };
  const header = req.headers.get('x-api-key') ?? req.headers.get('x-tailor-key');
  if (header) return { key: header.trim(), via: 'header' };
  const inUrl = url.searchParams.get('key');
  return inUrl ? { key: inUrl, via: 'url' } : null;
}

/** CORS headers for one allowed origin, built per request (never a shared mutable object). */
function corsHeaders(origin: string): Headers {
  return new Headers({
    Vary: 'Origin',
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, X-Tailor-Key',
    'Access-Control-Max-Age': '600',
  });
}

const rateLimited = (ms: number) =>
  new AppError(
    'rate_limited',
    'Too many requests for this key: slow down and retry.',
    undefined,
    retryAfterSeconds(ms),
  );

/**
 * `POST /api/v1/events` (and its CORS preflight) as a framework-agnostic Web handler, mounted
 * both on the custom server's fast path and as a Next route handler.
 * Auth: a secret key (`Authorization: Bearer sk_…`, needs `data.write`), or a publishable key
 * (`?key=pk_…`, `X-Tailor-Key`, or the Authorization header) whose allow-list holds the Origin.
 * Answers 202 with the batch's counts; 400/413 for a malformed body; 401/403/429 as usual.
 */
export function createEventsHandler(opts: EventsHandlerOptions = {}): (req: Request) => Promise<Response> {
  const keys = opts.keys ?? apiKeyCache;
  const keyLimiter = opts.keyLimiter ?? sharedLimiters().perKey;
  const clientLimiter = opts.clientLimiter ?? sharedLimiters().perClient;
  const maxBytes = opts.maxBytes ?? MAX_BODY_BYTES;
  const database = opts.db ?? getDb;

  return async (req) => {
    const origin = req.headers.get('origin');
    let cors: Headers | undefined;
    let tenantId: string | undefined;
    try {
      const url = new URL(req.url);
      const cred = credentialsOf(req, url);
      if (req.method === 'OPTIONS') {
        if (!origin) return new Response(null, { status: 204, headers: { Allow: 'POST, OPTIONS' } });
        // A key in the URL is checked now; a key in a header arrives only with the real request,
        // which is checked then (a preflight alone writes nothing).
        if (cred?.via === 'url') {
          const { allowedOrigins } = await keys.resolve(await database(), cred.key, 'publishable');
          if (!allowedOrigins.includes(origin)) return forbiddenOrigin();
        }
        return new Response(null, { status: 204, headers: corsHeaders(origin) });
      }
      if (req.method !== 'POST') {
        return apiError('bad_request', 'Use POST to send events.', 405, {
          headers: { Allow: 'POST, OPTIONS' },
        });
      }
      if (!cred) {
        return apiError(
          'unauthenticated',
          'Missing API key: send Authorization: Bearer sk_… (servers) or ?key=pk_… (storefronts).',
          401,
        );
      }
      const kind = apiKeyKindOf(cred.key);
      if (kind === 'secret' && cred.via === 'url') {
        return apiError(
          'unauthenticated',
          'Secret keys go in the Authorization header, never in a URL.',
          401,
        );
      }
      const db = await database();
      const { ctx, allowedOrigins } = await keys.resolve(
        db,
        cred.key,
        kind === 'publishable' ? 'publishable' : 'secret',
      );
      tenantId = ctx.tenantId;
      const keyId = ctx.apiKeyId ?? ctx.tenantId;
      if (kind === 'publishable') {
        if (!origin || !allowedOrigins.includes(origin)) return forbiddenOrigin();
        cors = corsHeaders(origin);
        const client = clientLimiter.take(`${keyId}:${clientIp(req.headers)}`);
        if (!client.allowed) throw rateLimited(client.retryAfterMs);
      } else if (!hasPermission(ctx, 'data.write')) {
        throw new AppError('forbidden', 'This key may not send events.');
      }
      const limit = keyLimiter.take(keyId);
      if (!limit.allowed) throw rateLimited(limit.retryAfterMs);

      const list = eventsOf(await readJsonBody(req, maxBytes));
      const result = await ingestEvents(db, ctx, list, {
        source: kind === 'publishable' ? 'snippet' : 'api',
        requestUserAgent: req.headers.get('user-agent'),
        products: opts.products,
        counters: opts.counters,
      });
      const headers = new Headers(cors);
      headers.set('Cache-Control', 'no-store');
      return Response.json(result, { status: 202, headers });
    } catch (error) {
      return errorResponse(error, tenantId, cors);
    }
  };
}

function forbiddenOrigin(): Response {
  return apiError('forbidden', 'Origin not allowed for this key: add it to the key’s allowed origins.', 403, {
    headers: { Vary: 'Origin' },
  });
}

const g = globalThis as unknown as {
  __tailorEventLimiters?: { perKey: TokenBucketLimiter; perClient: TokenBucketLimiter };
};

/** The process-wide limiters (shared by the fast path and Next's bundle). */
function sharedLimiters() {
  g.__tailorEventLimiters ??= {
    perKey: new TokenBucketLimiter(EVENTS_RATE_LIMITS.perKey),
    perClient: new TokenBucketLimiter(EVENTS_RATE_LIMITS.perClient),
  };
  return g.__tailorEventLimiters;
}

/**
 * The events endpoint with the process-wide caches and limits, counting each batch in its own
 * insert (exact; right for serverless, where nothing runs after the response).
 */
export const handleEventsRequest: (req: Request) => Promise<Response> = createEventsHandler();
