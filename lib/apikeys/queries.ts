import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiKeys, tenants } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

export async function listApiKeys(exec: Executor, ctx: TenantContext) {
  return exec
    .select({
      id: apiKeys.id,
      kind: apiKeys.kind,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      allowedOrigins: apiKeys.allowedOrigins,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(tenantFilter(ctx, apiKeys))
    .orderBy(desc(apiKeys.createdAt));
}

/** Marks a key revoked; returns the row or null when it is not this tenant's live key. */
export async function revokeApiKeyRow(exec: Executor, ctx: TenantContext, id: string) {
  const [row] = await exec
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(tenantFilter(ctx, apiKeys), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, kind: apiKeys.kind });
  return row ?? null;
}

/**
 * Looks a presented key up by its hash. This is the one cross-tenant lookup: the key itself
 * names its tenant, which is what `requireTenant()` then scopes everything to.
 */
export async function findLiveKeyByHash(exec: Executor, keyHash: string) {
  const [row] = await exec
    .select({
      id: apiKeys.id,
      tenantId: apiKeys.tenantId,
      kind: apiKeys.kind,
      prefix: apiKeys.prefix,
      allowedOrigins: apiKeys.allowedOrigins,
      revokedAt: apiKeys.revokedAt,
      slug: tenants.slug,
    })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return row ?? null;
}

export async function touchApiKey(exec: Executor, tenantId: string, id: string) {
  await exec
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)));
}

/** The scopes of this tenant's key `ctx.apiKeyId` ([] for a session context or an unknown key). */
export async function getApiKeyScopes(exec: Executor, ctx: TenantContext): Promise<string[]> {
  if (!ctx.apiKeyId) return [];
  const [row] = await exec
    .select({ scopes: apiKeys.scopes })
    .from(apiKeys)
    .where(and(tenantFilter(ctx, apiKeys), eq(apiKeys.id, ctx.apiKeyId)))
    .limit(1);
  return row?.scopes ?? [];
}
