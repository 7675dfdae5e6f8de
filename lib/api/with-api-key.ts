import { getDb, type Db } from '@/db/client';
import { getApiKeyScopes } from '@/lib/apikeys/queries';
import { type ApiScope, hasScope, isApiScope, scopePermissions } from '@/lib/apikeys/scopes';
import type { Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/http';
import { apiKeyLimiter } from '@/lib/ratelimit/api-limits';
import { retryAfterSeconds } from '@/lib/ratelimit/token-bucket';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { apiError, errorResponse } from './respond';

export type ApiHandler<P> = (req: Request, ctx: TenantContext, db: Db, params: P) => Promise<Response>;

function bearer(req: Request): string | null {
  const h = req.headers.get('authorization');
  if (h?.toLowerCase().startsWith('bearer ')) return h.slice(7).trim();
  return req.headers.get('x-api-key');
}

/**
 * Server-to-server routes: a secret key (`Authorization: Bearer sk_…`) scoped to one workspace.
 * `need` is the scope the route requires (`'data:read'`, …; lib/apikeys/scopes.ts): a key without
 * it gets 403 `insufficient_scope` naming it, and the request runs with the permissions that scope
 * implies. A bare permission (older routes) is checked against the key's fixed permissions.
 * Each key spends from its own token bucket (429 with Retry-After when empty).
 * Framework-agnostic (Web Request → Response) so the fast path can mount it outside Next.
 */
export function withApiKey<P = Record<string, string>>(need: ApiScope | Permission, handler: ApiHandler<P>) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    let tenantId: string | undefined;
    try {
      const key = bearer(req);
      if (!key) return apiError('unauthenticated', 'Missing API key: send Authorization: Bearer sk_…', 401);
      const db = await getDb();
      let ctx = await requireTenant(db, {
        kind: 'apiKey',
        key,
        ip: clientIp(req.headers),
        expect: 'secret',
      });
      tenantId = ctx.tenantId;
      const limit = await apiKeyLimiter().take(ctx.apiKeyId ?? ctx.tenantId);
      if (!limit.allowed) {
        throw new AppError(
          'rate_limited',
          'Too many requests for this key: slow down and retry.',
          undefined,
          retryAfterSeconds(limit.retryAfterMs),
        );
      }
      if (isApiScope(need)) {
        if (!hasScope(await getApiKeyScopes(db, ctx), need)) {
          return apiError('insufficient_scope', `This key lacks the ${need} scope this route needs.`, 403);
        }
        ctx = { ...ctx, permissions: new Set([...(ctx.permissions ?? []), ...scopePermissions(need)]) };
      } else if (!hasPermission(ctx, need)) {
        throw new AppError('forbidden', 'This key may not do that.');
      }
      const params = route ? await route.params : ({} as P);
      return await handler(req, ctx, db, params);
    } catch (error) {
      return errorResponse(error, tenantId);
    }
  };
}

/**
 * Storefront routes: a publishable key (`pk_…`, from `?key=` or `X-Tailor-Key`) whose
 * allow-list contains the request's Origin. CORS headers are built per request, never shared.
 */
export function withPublishableKey<P = Record<string, string>>(handler: ApiHandler<P>) {
  return async (req: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const origin = req.headers.get('origin');
    const cors = (allowed: boolean): Headers => {
      const h = new Headers({ Vary: 'Origin' });
      if (allowed && origin) {
        h.set('Access-Control-Allow-Origin', origin);
        h.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        h.set('Access-Control-Allow-Headers', 'Content-Type, X-Tailor-Key');
        h.set('Access-Control-Max-Age', '600');
      }
      return h;
    };
    let tenantId: string | undefined;
    try {
      const key = new URL(req.url).searchParams.get('key') ?? req.headers.get('x-tailor-key');
      if (!key) return apiError('unauthenticated', 'Missing publishable key.', 401);
      const db = await getDb();
      const ctx = await requireTenant(db, {
        kind: 'apiKey',
        key,
        ip: clientIp(req.headers),
        expect: 'publishable',
      });
      tenantId = ctx.tenantId;
      const allowed = !!origin && (ctx.allowedOrigins ?? []).includes(origin);
      if (!allowed)
        return apiError('forbidden', 'Origin not allowed for this key.', 403, { headers: cors(false) });
      if (req.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors(true) });
      const params = route ? await route.params : ({} as P);
      const res = await handler(req, ctx, db, params);
      for (const [k, v] of cors(true)) res.headers.set(k, v);
      return res;
    } catch (error) {
      return errorResponse(error, tenantId, cors(false));
    }
  };
}
