/**
 * Fairness settings (issue 8): the mitigations a merchant switched on and the shopper attributes
 * the store declares sensitive. Recommendation serving reads them on every request, so they are
 * cached per workspace like the privacy settings (30 s; dropped at once on save in this process).
 */
import type { MaybePromise } from '@/lib/sync-first';
import type { Db, Executor } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import {
  type FairnessSettingsPatch,
  getFairnessSettingsRow,
  upsertFairnessSettings,
} from './settings-queries';
import {
  FAIRNESS_DEFAULTS,
  type FairnessSettings,
  predictionMitigationSchema,
  recommendationMitigationSchema,
  sensitiveAttributesSchema,
} from './settings-schemas';

export type { FairnessSettings };
type Tenant = Pick<TenantContext, 'tenantId'>;

const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; value: FairnessSettings }>();

/** The workspace's fairness settings, defaults filled in (read from the database). */
export async function getFairnessSettings(exec: Executor, ctx: Tenant): Promise<FairnessSettings> {
  const row = await getFairnessSettingsRow(exec, ctx);
  if (!row) return structuredClone(FAIRNESS_DEFAULTS);
  return {
    recommendations: { ...FAIRNESS_DEFAULTS.recommendations, ...row.recommendations },
    predictions: { ...FAIRNESS_DEFAULTS.predictions, ...row.predictions },
    sensitiveAttributes: row.sensitiveAttributes,
  };
}

/** The settings for hot paths (recommendation serving): cached per workspace for 30 s. */
export function getCachedFairnessSettings(exec: Executor, ctx: Tenant): MaybePromise<FairnessSettings> {
  const hit = cache.get(ctx.tenantId);
  const now = Date.now();
  // Synchronous on a hit: every recommendation request reads this.
  if (hit && now - hit.at < CACHE_MS) return hit.value;
  return getFairnessSettings(exec, ctx).then((value) => {
    cache.set(ctx.tenantId, { at: now, value });
    return value;
  });
}

export function invalidateFairnessSettings(tenantId: string): void {
  cache.delete(tenantId);
}

/** Which part of the settings a form saves. */
export type FairnessSettingsPart = 'recommendations' | 'predictions' | 'sensitiveAttributes';

/**
 * Saves one part of the settings from form or JSON input (percentages 0..50 for floors, 0..100
 * for calibration). Audited as `fairness.settings_updated` with the new values.
 * @throws AppError forbidden without settings.update; validation_failed with field errors.
 */
export async function updateFairnessSettings(
  db: Db,
  ctx: TenantContext,
  part: FairnessSettingsPart,
  input: unknown,
): Promise<FairnessSettings> {
  if (!hasPermission(ctx, 'settings.update'))
    throw forbidden('Your role does not allow changing fairness settings.');
  const patch: FairnessSettingsPatch =
    part === 'recommendations'
      ? { recommendations: parseOrThrow(recommendationMitigationSchema, input) }
      : part === 'predictions'
        ? { predictions: parseOrThrow(predictionMitigationSchema, input) }
        : {
            sensitiveAttributes: parseOrThrow(
              sensitiveAttributesSchema,
              (input as { sensitiveAttributes?: unknown } | null)?.sensitiveAttributes,
            ),
          };
  return db.transaction(async (tx) => {
    await upsertFairnessSettings(tx, ctx, patch);
    await recordAudit(tx, ctx, {
      action: 'fairness.settings_updated',
      targetType: 'fairness',
      details: patch,
    });
    invalidateFairnessSettings(ctx.tenantId);
    return getFairnessSettings(tx, ctx);
  });
}
