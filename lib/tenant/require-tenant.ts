import type { Db } from '@/db/client';
import { apiKeyKindOf } from '@/lib/apikeys/service';
import { findLiveKeyByHash, touchApiKey } from '@/lib/apikeys/queries';
import { SECRET_KEY_PERMISSIONS, type Permission, isRole } from '@/lib/auth/permissions';
import { sha256 } from '@/lib/crypto';
import { AppError, notFound } from '@/lib/errors';
import { getMembership, getTenantBySlug } from '@/lib/workspace/queries';
import type { TenantContext } from './context';

export type TenantSource =
  | { kind: 'session'; slug: string; userId: string; email: string; ip?: string }
  | { kind: 'apiKey'; key: string; ip?: string; expect?: 'secret' | 'publishable' };

const PUBLISHABLE_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['workspace.read']);

/**
 * The only code that turns a URL slug + session, or an API key, into a TenantContext.
 * - session: the slug's workspace must exist and the user must be a member, else `not_found`
 *   (another workspace is indistinguishable from a missing one).
 * - apiKey: unknown, malformed or revoked keys → `unauthenticated`.
 */
export async function requireTenant(
  db: Db,
  source: TenantSource,
): Promise<TenantContext & { allowedOrigins?: string[] }> {
  if (source.kind === 'session') {
    const tenant = await getTenantBySlug(db, source.slug);
    if (!tenant) throw notFound('Workspace not found');
    const membership = await getMembership(db, tenant.id, source.userId);
    if (!membership || !isRole(membership.role)) throw notFound('Workspace not found');
    return {
      tenantId: tenant.id,
      slug: tenant.slug,
      role: membership.role,
      userId: source.userId,
      actorLabel: source.email,
      ip: source.ip,
    };
  }
  const kind = apiKeyKindOf(source.key);
  if (!kind || source.key.length > 100 || (source.expect && kind !== source.expect)) {
    throw new AppError('unauthenticated', 'Invalid API key.');
  }
  const row = await findLiveKeyByHash(db, sha256(source.key));
  if (!row || row.revokedAt) throw new AppError('unauthenticated', 'Invalid or revoked API key.');
  void touchApiKey(db, row.tenantId, row.id).catch(() => undefined); // best effort, off the hot path
  return {
    tenantId: row.tenantId,
    slug: row.slug,
    role: 'viewer',
    apiKeyId: row.id,
    actorLabel: `API key ${row.prefix}`,
    ip: source.ip,
    permissions: kind === 'secret' ? SECRET_KEY_PERMISSIONS : PUBLISHABLE_PERMISSIONS,
    allowedOrigins: row.allowedOrigins,
  };
}
