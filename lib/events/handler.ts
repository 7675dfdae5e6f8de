import { type Db, getDbNow } from '@/db/client';
import { type ApiKeyCache, apiKeyCache } from '@/lib/api/key-cache';
import { errorResponse } from '@/lib/api/respond';
import { createStorefrontGate } from '@/lib/api/storefront-gate';
import { TokenBucketLimiter, type TokenBucketOptions } from '@/lib/ratelimit/token-bucket';
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
  db?: () => Db | Promise<Db>;
}

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
  const database = opts.db ?? getDbNow;

  const gate = createStorefrontGate({
    method: 'POST',
    allowHeaders: 'Content-Type, X-Tailor-Key',
    permission: 'data.write',
    forbidden: 'This key may not send events.',
    wrongMethod: 'Use POST to send events.',
    keys,
    keyLimiter,
    clientLimiter,
    db: database,
  });

  return async (req) => {
    const pass = await gate(req, new URL(req.url));
    if (pass instanceof Response) return pass;
    const { db, ctx, kind, cors } = pass;
    try {
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
      return errorResponse(error, ctx.tenantId, cors);
    }
  };
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
