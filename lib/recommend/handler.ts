import { type Db, getDbNow } from '@/db/client';
import { type ApiKeyCache, apiKeyCache } from '@/lib/api/key-cache';
import { errorResponse } from '@/lib/api/respond';
import { createStorefrontGate, type GatePass } from '@/lib/api/storefront-gate';
import { AppError } from '@/lib/errors';
import { type PlainResponse, type RequestLike, toWebResponse } from '@/lib/http';
import type { MaybePromise } from '@/lib/sync-first';
import { TokenBucketLimiter, type TokenBucketOptions } from '@/lib/ratelimit/token-bucket';
import { queryParamsOf, recommendationQuerySchema } from './schemas';
import { getRecommendations, type RecommendationResult } from './service';

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
  db?: () => Db | Promise<Db>;
}

/**
 * `GET /api/v1/recommendations` (and its CORS preflight) as a framework-agnostic Web handler,
 * mounted as a Next route handler (the custom server's fast path uses the plain variant below).
 * Auth: a secret key (`Authorization: Bearer sk_…`, needs `data.read`) or a publishable key
 * (`?key=pk_…` or `X-Tailor-Key`) whose allow-list holds the Origin. With a publishable key the
 * answer is personal only through `visitor=` (the browser's anonymous id; `shopper=` is ignored),
 * and explanations keep only reasons about what the request itself named. 200 with the result;
 * 404 for an unknown placement or product; 422 for bad parameters; 401/403/429 as usual.
 */
export function createRecommendHandler(
  opts: RecommendHandlerOptions = {},
): (req: Request) => Promise<Response> {
  const plain = createPlainRecommendHandler(opts);
  return async (req) => {
    const answer = await plain(req);
    return answer instanceof Response ? answer : toWebResponse(answer);
  };
}

/**
 * The same endpoint for the custom server's fast path: it reads only the method, URL and
 * headers, and a successful answer is a plain JSON string, written without a web stream. Gate
 * refusals and errors stay Responses (rare, and shaped by lib/api/respond.ts). The answer is
 * synchronous while the key and every lookup are cached, a promise otherwise.
 */
export function createPlainRecommendHandler(
  opts: RecommendHandlerOptions = {},
): (req: RequestLike) => MaybePromise<Response | PlainResponse> {
  const keys = opts.keys ?? apiKeyCache;
  const keyLimiter = opts.keyLimiter ?? sharedLimiters().perKey;
  const clientLimiter = opts.clientLimiter ?? sharedLimiters().perClient;
  const database = opts.db ?? getDbNow;

  const gate = createStorefrontGate({
    method: 'GET',
    allowHeaders: 'X-Tailor-Key',
    permission: 'data.read',
    forbidden: 'This key may not read recommendations.',
    wrongMethod: 'Use GET for recommendations.',
    keys,
    keyLimiter,
    clientLimiter,
    db: database,
  });

  const answer = (pass: Response | GatePass, url: URL): MaybePromise<Response | PlainResponse> => {
    if (pass instanceof Response) return pass;
    const { db, ctx, kind, cors } = pass;
    const failed = (error: unknown) => errorResponse(error, ctx.tenantId, cors);
    const ok = (result: RecommendationResult): PlainResponse => {
      const headers = { ...cors, 'content-type': 'application/json', 'cache-control': 'no-store' };
      return { status: 200, headers, body: JSON.stringify(result) };
    };
    try {
      const parsed = recommendationQuerySchema.safeParse(queryParamsOf(url.searchParams));
      if (!parsed.success) {
        const fields: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'query');
          fields[field] = [...(fields[field] ?? []), issue.message];
        }
        throw new AppError('validation_failed', 'Some parameters are not valid.', fields);
      }
      const result = getRecommendations(db, ctx, { ...parsed.data, nonPersonal: kind === 'publishable' });
      return result instanceof Promise ? result.then(ok, failed) : ok(result);
    } catch (error) {
      return failed(error);
    }
  };

  // Synchronous end to end while the key, model, catalog and lookups are cached (lib/sync-first.ts).
  return (req) => {
    const url = new URL(req.url);
    const pass = gate(req, url);
    return pass instanceof Promise ? pass.then((p) => answer(p, url)) : answer(pass, url);
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

/** The recommendations endpoint with the process-wide caches and limits (Next route handler). */
export const handleRecommendRequest: (req: Request) => Promise<Response> = createRecommendHandler();

/** The same, for the custom server's fast path. */
export const handlePlainRecommendRequest = createPlainRecommendHandler();
