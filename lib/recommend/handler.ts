import { type Db, getDb } from '@/db/client';
import { type ApiKeyCache, apiKeyCache } from '@/lib/api/key-cache';
import { apiError, errorResponse } from '@/lib/api/respond';
import { apiKeyKindOf } from '@/lib/apikeys/service';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/http';
import { retryAfterSeconds, TokenBucketLimiter, type TokenBucketOptions } from '@/lib/ratelimit/token-bucket';
import { hasPermission } from '@/lib/tenant/context';
import { queryParamsOf, recommendationQuerySchema } from './schemas';
import { getRecommendations } from './service';

/** Default rate limits, in requests per second (a storefront calls once per widget per page view). */
export const RECOMMEND_RATE_LIMITS = {
  /** Per API key, secret or publishable: a large shop's peak with headroom. */
  perKey: { ratePerSecond: 2_000, burst: 4_000 },
  /** Per publishable key and client IP: one browser cannot use up the shop's allowance. */
  perClient: { ratePerSecond: 20, burst: 60 },
} as const satisfies Record<string, TokenBucketOptions>;

export interface RecommendHandlerOptions {
  keys?: ApiKeyCache;
  keyLimiter?: TokenBucketLimiter;
  clientLimiter?: TokenBucketLimiter;
  db?: () => Promise<Db>;
}

function keyOf(req: Request, url: URL): { key: string; via: 'header' | 'url' } | null {
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
    'Access-Control-Allow-Methods': 'GET, OPTIONS',
    'Access-Control-Allow-Headers': 'X-Tailor-Key',
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

const forbiddenOrigin = () =>
  apiError('forbidden', 'Origin not allowed for this key: add it to the key’s allowed origins.', 403, {
    headers: { Vary: 'Origin' },
  });

/**
 * `GET /api/v1/recommendations` (and its CORS preflight) as a framework-agnostic Web handler,
 * mounted on the custom server's fast path and as a Next route handler.
 * Auth: a secret key (`Authorization: Bearer sk_…`, needs `data.read`) or a publishable key
 * (`?key=pk_…` or `X-Tailor-Key`) whose allow-list holds the Origin. With a publishable key the
 * answer is personal only through `visitor=` (the browser's anonymous id; `shopper=` is ignored),
 * and explanations keep only reasons about what the request itself named. 200 with the result; 404 for an unknown placement or product;
 * 422 for bad parameters; 401/403/429 as usual.
 */
export function createRecommendHandler(
  opts: RecommendHandlerOptions = {},
): (req: Request) => Promise<Response> {
  const keys = opts.keys ?? apiKeyCache;
  const keyLimiter = opts.keyLimiter ?? sharedLimiters().perKey;
  const clientLimiter = opts.clientLimiter ?? sharedLimiters().perClient;
  const database = opts.db ?? getDb;

  return async (req) => {
    const origin = req.headers.get('origin');
    let cors: Headers | undefined;
    let tenantId: string | undefined;
    try {
      const url = new URL(req.url);
      const cred = keyOf(req, url);
      if (req.method === 'OPTIONS') {
        if (!origin) return new Response(null, { status: 204, headers: { Allow: 'GET, OPTIONS' } });
        if (cred?.via === 'url') {
          const { allowedOrigins } = await keys.resolve(await database(), cred.key, 'publishable');
          if (!allowedOrigins.includes(origin)) return forbiddenOrigin();
        }
        return new Response(null, { status: 204, headers: corsHeaders(origin) });
      }
      if (req.method !== 'GET') {
        return apiError('bad_request', 'Use GET for recommendations.', 405, {
          headers: { Allow: 'GET, OPTIONS' },
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
      } else if (!hasPermission(ctx, 'data.read')) {
        throw new AppError('forbidden', 'This key may not read recommendations.');
      }
      const limit = keyLimiter.take(keyId);
      if (!limit.allowed) throw rateLimited(limit.retryAfterMs);

      const parsed = recommendationQuerySchema.safeParse(queryParamsOf(url.searchParams));
      if (!parsed.success) {
        const fields: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'query');
          fields[field] = [...(fields[field] ?? []), issue.message];
        }
        throw new AppError('validation_failed', 'Some parameters are not valid.', fields);
      }
      const result = await getRecommendations(db, ctx, {
        ...parsed.data,
        nonPersonal: kind === 'publishable',
      });
      const headers = new Headers(cors);
      headers.set('Cache-Control', 'no-store');
      return Response.json(result, { headers });
    } catch (error) {
      return errorResponse(error, tenantId, cors);
    }
  };
}

const g = globalThis as unknown as {
  __tailorRecommendLimiters?: { perKey: TokenBucketLimiter; perClient: TokenBucketLimiter };
};

/** The process-wide limiters (shared by the fast path and Next's bundle). */
function sharedLimiters() {
  g.__tailorRecommendLimiters ??= {
    perKey: new TokenBucketLimiter(RECOMMEND_RATE_LIMITS.perKey),
    perClient: new TokenBucketLimiter(RECOMMEND_RATE_LIMITS.perClient),
  };
  return g.__tailorRecommendLimiters;
}

/** The recommendations endpoint with the process-wide caches and limits. */
export const handleRecommendRequest: (req: Request) => Promise<Response> = createRecommendHandler();
