import type { Db } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { recordAudit } from '@/lib/audit/service';
import { randomToken, sha256 } from '@/lib/crypto';
import { AppError, forbidden, notFound } from '@/lib/errors';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { forgetCachedKeys } from '@/lib/api/key-cache';
import { revokeApiKeyRow } from './queries';
import { createApiKeySchema, revokeApiKeySchema } from './schemas';
import { PUBLISHABLE_SCOPES } from './scopes';

export type ApiKeyKind = 'secret' | 'publishable';
const PREFIX: Record<ApiKeyKind, string> = { secret: 'sk_', publishable: 'pk_' };

/** `sk_…` / `pk_…` followed by 32 random URL-safe characters (192 bits). */
export function generateApiKey(kind: ApiKeyKind): string {
  return `${PREFIX[kind]}${randomToken(24)}`;
}

export function apiKeyKindOf(key: string): ApiKeyKind | null {
  if (key.startsWith('sk_')) return 'secret';
  if (key.startsWith('pk_')) return 'publishable';
  return null;
}

/** The part shown in lists: enough to recognise a key, useless to use it. */
export const displayPrefix = (key: string) => `${key.slice(0, 10)}…`;

/**
 * Creates a key and returns its full value once; only its SHA-256 is stored.
 * Throws `forbidden` without `apikeys.create`, `validation_failed` on bad input.
 */
export async function createApiKey(db: Db, ctx: TenantContext, input: unknown) {
  if (!hasPermission(ctx, 'apikeys.create')) throw forbidden();
  const data = parseOrThrow(createApiKeySchema, input);
  const key = generateApiKey(data.kind);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        tenantId: ctx.tenantId,
        kind: data.kind,
        name: data.name,
        prefix: displayPrefix(key),
        keyHash: sha256(key),
        allowedOrigins: data.kind === 'publishable' ? data.allowedOrigins : [],
        // A publishable key's powers are fixed by its kind (lib/api/storefront-gate.ts).
        scopes: data.kind === 'secret' ? data.scopes : [...PUBLISHABLE_SCOPES],
        createdBy: ctx.userId ?? null,
      })
      .returning({
        id: apiKeys.id,
        prefix: apiKeys.prefix,
        kind: apiKeys.kind,
        name: apiKeys.name,
        scopes: apiKeys.scopes,
      });
    if (!row) throw new AppError('internal', 'Could not create the key.');
    await recordAudit(tx, ctx, {
      action: 'apikey.created',
      targetType: 'api_key',
      targetId: row.id,
      details: {
        name: row.name,
        kind: row.kind,
        prefix: row.prefix,
        allowedOrigins: data.allowedOrigins,
        scopes: row.scopes,
      },
    });
    return { ...row, key };
  });
}

/** Revokes a key of this tenant. Another tenant's key id is simply not found. */
export async function revokeApiKey(db: Db, ctx: TenantContext, input: unknown) {
  if (!hasPermission(ctx, 'apikeys.revoke')) throw forbidden();
  const { id } = parseOrThrow(revokeApiKeySchema, input);
  const revoked = await db.transaction(async (tx) => {
    const row = await revokeApiKeyRow(tx, ctx, id);
    if (!row) throw notFound('API key not found (it may already be revoked).');
    await recordAudit(tx, ctx, {
      action: 'apikey.revoked',
      targetType: 'api_key',
      targetId: id,
      details: { name: row.name, prefix: row.prefix },
    });
    return row;
  });
  // Hot endpoints cache resolved keys; a revoked key must stop working here at once.
  forgetCachedKeys(ctx.tenantId);
  return revoked;
}
