import { getDb } from '@/db/client';
import type { Permission } from '@/lib/auth/permissions';
import { getSessionUser, requestIp } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/security/csrf';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { requireTenant } from '@/lib/tenant/require-tenant';

/**
 * The tenant of a dashboard route handler (session cookie, not an API key): the signed-in member
 * of the workspace in the URL, with a permission. Another workspace's slug is not found; a
 * cross-site write is refused (server actions get this from Next; route handlers do not).
 * Throws AppError unauthenticated / forbidden / not_found.
 */
export async function sessionTenant(
  req: Request,
  slug: string,
  permission: Permission,
): Promise<TenantContext> {
  assertSameOrigin(req, { trustProxy: getEnv().TRUST_PROXY ?? false });
  const user = await getSessionUser();
  if (!user) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
  const ctx = await requireTenant(await getDb(), {
    kind: 'session',
    slug,
    userId: user.id,
    email: user.email,
    ip: await requestIp(),
  });
  if (!hasPermission(ctx, permission)) throw new AppError('forbidden', 'Your role does not allow this.');
  return ctx;
}
