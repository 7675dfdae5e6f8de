import type { Db, Executor } from '@/db/client';
import type { MaybePromise } from '@/lib/sync-first';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getPrivacySettingsRow, type PrivacySettingsPatch, upsertPrivacySettings } from './settings-queries';
import { PRIVACY_DEFAULTS, type PrivacySettings, privacySettingsInputSchema } from './settings-schemas';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** How long the hot paths (event ingestion, serving) trust a cached copy. */
const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; value: PrivacySettings }>();

/** The workspace's privacy settings, defaults filled in (read from the database). */
export async function getPrivacySettings(exec: Executor, ctx: Tenant): Promise<PrivacySettings> {
  const row = await getPrivacySettingsRow(exec, ctx);
  if (!row) return { ...PRIVACY_DEFAULTS };
  return {
    consentMode: row.consentMode,
    unconsentedEvents: row.unconsentedEvents,
    policyVersion: row.policyVersion,
    rawEventsDays: row.rawEventsDays,
    inactiveShopperMonths: row.inactiveShopperMonths,
    logsDays: row.logsDays,
  };
}

/**
 * The settings for hot paths: cached per workspace for 30 s and dropped at once when this process
 * saves new ones (another process sees a change within the 30 s).
 */
export function getCachedPrivacySettings(exec: Executor, ctx: Tenant): MaybePromise<PrivacySettings> {
  const hit = cache.get(ctx.tenantId);
  const now = Date.now();
  // Synchronous on a hit: the storefront endpoints read this on every personal request.
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  return getPrivacySettings(exec, ctx).then((value) => {
    cache.set(ctx.tenantId, { at: now, value });
    return value;
  });
}

export function invalidatePrivacySettings(tenantId: string): void {
  cache.delete(tenantId);
}

/**
 * Saves the fields present in `input` (form strings coerced; blank periods mean "keep forever").
 * Audited as `privacy.settings_updated` with the changed fields and their new values.
 * @throws AppError forbidden without privacy.manage; validation_failed with field errors.
 */
export async function updatePrivacySettings(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<PrivacySettings> {
  if (!hasPermission(ctx, 'privacy.manage'))
    throw forbidden('Your role does not allow changing privacy settings.');
  const d = parseOrThrow(privacySettingsInputSchema, input);
  const patch: PrivacySettingsPatch = {};
  for (const [k, v] of Object.entries(d)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
  return db.transaction(async (tx) => {
    await upsertPrivacySettings(tx, ctx, patch);
    await recordAudit(tx, ctx, { action: 'privacy.settings_updated', targetType: 'privacy', details: patch });
    invalidatePrivacySettings(ctx.tenantId);
    return getPrivacySettings(tx, ctx);
  });
}
