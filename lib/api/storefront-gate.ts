/**
 * The authentication, CORS and rate-limit gate shared by the storefront-facing hot endpoints
 * (`POST /api/v1/events`, `GET /api/v1/recommendations`): a secret key in a header, or a
 * publishable key (header or `?key=`) whose allow-list holds the request's Origin, with per-key
 * and per-client token buckets. Framework-agnostic (a Web Request or the fast path's lighter
 * RequestLike → Response) like its callers.
 */
import type { Db } from '@/db/client';
import type { ApiKeyCache, CachedKey } from '@/lib/api/key-cache';
import { apiError, errorResponse } from '@/lib/api/respond';
import { type ApiScope, hasScope } from '@/lib/apikeys/scopes';
import { apiKeyKindOf } from '@/lib/apikeys/service';
import type { Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { clientIp, type RequestLike } from '@/lib/http';
import { retryAfterSeconds, type TokenBucketLimiter } from '@/lib/ratelimit/token-bucket';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';

export interface StorefrontGateOptions {
  method: 'GET' | 'POST';
  /** Request headers a storefront may send cross-origin (Access-Control-Allow-Headers). */
  allowHeaders: string;
  /** What a secret key needs. */
  permission: Permission;
  /**
   * The scope a secret key needs (lib/apikeys/scopes.ts). Default: `events:write` for POST,
   * `recommend:read` for GET — the two storefront endpoints.
   */
  scope?: ApiScope;
  /** The 403 message for a secret key without `permission`. */
  forbidden: string;
  /** The 405 message for another method. */
  wrongMethod: string;
  keys: ApiKeyCache;
  keyLimiter: TokenBucketLimiter;
  clientLimiter: TokenBucketLimiter;
  /** The database: synchronously once open (getDbNow), which keeps a cached request free of awaits. */
  db: () => Db | Promise<Db>;
}

/** A request that passed the gate. `cors` goes on every answer to a publishable key. */
export interface GatePass {
  db: Db;
  ctx: TenantContext;
  kind: 'secret' | 'publishable';
  /** Plain header pairs: a Web Headers object per storefront request was measurable on the hot path. */
  cors: Readonly<Record<string, string>> | undefined;
}

type Credentials = { key: string; via: 'header' | 'url' };

function credentialsOf(req: RequestLike, url: URL): Credentials | null {
  const auth = req.headers.get('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) return { key: auth.slice(7).trim(), via: 'header' };
  const header = req.headers.get('x-api-key') ?? req.headers.get('x-tailor-key');
  if (header) return { key: header.trim(), via: 'header' };
  const inUrl = url.searchParams.get('key');
  return inUrl ? { key: inUrl, via: 'url' } : null;
}

const forbiddenOrigin = () =>
  apiError('forbidden', 'Origin not allowed for this key: add it to the key’s allowed origins.', 403, {
    headers: { Vary: 'Origin' },
  });

const rateLimited = (ms: number) =>
  new AppError(
    'rate_limited',
    'Too many requests for this key: slow down and retry.',
    undefined,
    retryAfterSeconds(ms),
  );

/**
 * Builds the gate: `(req, url)` answers preflights, wrong methods, missing or misplaced keys,
 * foreign origins and exhausted limits with a Response (the API's error shape, CORS headers where
 * the origin is allowed), and otherwise returns the tenant context to serve the request with.
 */
export function createStorefrontGate(opts: StorefrontGateOptions) {
  const allow = `${opts.method}, OPTIONS`;
  const scope: ApiScope = opts.scope ?? (opts.method === 'POST' ? 'events:write' : 'recommend:read');
  // Built per request: a shared mutable object would leak one origin into another answer.
  const corsHeaders = (origin: string): Record<string, string> => ({
    Vary: 'Origin',
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': allow,
    'Access-Control-Allow-Headers': opts.allowHeaders,
    'Access-Control-Max-Age': '600',
  });

  /** A resolved key against the request: origin, permission, scope and limits (synchronous). */
  const admit = (
    req: RequestLike,
    db: Db,
    kind: 'secret' | 'publishable',
    key: CachedKey,
    origin: string | null,
  ): Response | GatePass => {
    const { ctx, allowedOrigins, scopes } = key;
    let cors: Record<string, string> | undefined;
    try {
      const keyId = ctx.apiKeyId ?? ctx.tenantId;
      if (kind === 'publishable') {
        if (!origin || !allowedOrigins.includes(origin)) return forbiddenOrigin();
        cors = corsHeaders(origin);
        const client = opts.clientLimiter.take(`${keyId}:${clientIp(req.headers)}`);
        if (!client.allowed) throw rateLimited(client.retryAfterMs);
      } else if (!hasPermission(ctx, opts.permission)) {
        throw new AppError('forbidden', opts.forbidden);
      } else if (scopes && !hasScope(scopes, scope)) {
        return apiError('insufficient_scope', `This key lacks the ${scope} scope this route needs.`, 403);
      }
      const limit = opts.keyLimiter.take(keyId);
      if (!limit.allowed) throw rateLimited(limit.retryAfterMs);
      return { db, ctx, kind, cors };
    } catch (error) {
      return errorResponse(error, ctx.tenantId, cors);
    }
  };

  /** The preflight: a key in the URL is checked now, a key in a header with the real request. */
  const preflight = async (cred: Credentials | null, origin: string | null): Promise<Response> => {
    if (!origin) return new Response(null, { status: 204, headers: { Allow: allow } });
    if (cred?.via === 'url') {
      const { allowedOrigins } = await opts.keys.resolve(await opts.db(), cred.key, 'publishable');
      if (!allowedOrigins.includes(origin)) return forbiddenOrigin();
    }
    return new Response(null, { status: 204, headers: corsHeaders(origin) });
  };

  // Synchronous while the database is open and the key cached (every request but a key's first
  // in a while): a promise only when something has to be read.
  return (req: RequestLike, url: URL): Response | GatePass | Promise<Response | GatePass> => {
    const origin = req.headers.get('origin');
    const refused = (error: unknown) => errorResponse(error, undefined, undefined);
    try {
      const cred = credentialsOf(req, url);
      if (req.method === 'OPTIONS') return preflight(cred, origin).catch(refused);
      if (req.method !== opts.method) {
        return apiError('bad_request', opts.wrongMethod, 405, { headers: { Allow: allow } });
      }
      if (!cred) {
        return apiError(
          'unauthenticated',
          'Missing API key: send Authorization: Bearer sk_… (servers) or ?key=pk_… (storefronts).',
          401,
        );
      }
      const named = apiKeyKindOf(cred.key);
      if (named === 'secret' && cred.via === 'url') {
        return apiError(
          'unauthenticated',
          'Secret keys go in the Authorization header, never in a URL.',
          401,
        );
      }
      // An unknown prefix is resolved as a secret key, which answers "invalid key".
      const kind = named === 'publishable' ? 'publishable' : 'secret';
      const db = opts.db();
      if (!(db instanceof Promise)) {
        const key = opts.keys.resolve(db, cred.key, kind);
        if (!(key instanceof Promise)) return admit(req, db, kind, key, origin);
        return key.then((k) => admit(req, db, kind, k, origin), refused);
      }
      return db
        .then(async (open) => admit(req, open, kind, await opts.keys.resolve(open, cred.key, kind), origin))
        .catch(refused);
    } catch (error) {
      return refused(error);
    }
  };
}
