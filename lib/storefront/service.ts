import type { Db, Executor } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { forbidden } from '@/lib/errors';
import { invalidateRecommendLookups } from '@/lib/recommend/serve/lookups';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getStorefrontSettingsRow, upsertStorefrontSettings } from './queries';
import { STOREFRONT_DEFAULTS, type StorefrontSettings, storefrontSettingsInputSchema } from './schemas';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** The workspace's storefront settings, defaults filled in. */
export async function getStorefrontSettings(exec: Executor, ctx: Tenant): Promise<StorefrontSettings> {
  const row = await getStorefrontSettingsRow(exec, ctx);
  if (!row) return { ...STOREFRONT_DEFAULTS, theme: {} };
  return {
    attributionWindowDays: row.attributionWindowDays,
    holdoutShare: row.holdoutShare,
    theme: row.theme,
    defaultTitle: row.defaultTitle,
    productUrlTemplate: row.productUrlTemplate,
  };
}

/**
 * Saves the fields present in `input` (form strings are coerced; `holdoutPercent` is 0–50 %).
 * A theme replaces the whole theme, blank fields dropped. Audited as `storefront.updated`.
 * @throws AppError forbidden without data.write; validation_failed with dotted field paths
 *   such as `theme.accent`.
 */
export async function updateStorefrontSettings(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<StorefrontSettings> {
  if (!hasPermission(ctx, 'data.write')) throw forbidden('Your role does not allow changing the storefront.');
  const d = parseOrThrow(storefrontSettingsInputSchema, input);
  const patch: Parameters<typeof upsertStorefrontSettings>[2] = {};
  if (d.attributionWindowDays !== undefined) patch.attributionWindowDays = d.attributionWindowDays;
  if (d.holdoutPercent !== undefined) patch.holdoutShare = Math.round(d.holdoutPercent * 10) / 1000;
  if (d.theme !== undefined) {
    patch.theme = Object.fromEntries(Object.entries(d.theme).filter(([, v]) => v !== undefined));
  }
  if (d.defaultTitle !== undefined) patch.defaultTitle = d.defaultTitle;
  if (d.productUrlTemplate !== undefined) patch.productUrlTemplate = d.productUrlTemplate;
  return db.transaction(async (tx) => {
    await upsertStorefrontSettings(tx, ctx, patch);
    await recordAudit(tx, ctx, {
      action: 'storefront.updated',
      targetType: 'storefront',
      details: { changed: Object.keys(patch) },
    });
    invalidateRecommendLookups(ctx.tenantId); // widgets pick up the new theme, titles and holdout at once
    return getStorefrontSettings(tx, ctx);
  });
}

/**
 * A product's storefront link: its own attributes.url when set, else the template with {id}
 * (the store's product id) and {handle} (attributes.handle, else the id) URL-encoded.
 */
export function productUrl(
  template: string,
  product: { externalId: string; attributes: Record<string, string | number | boolean> },
): string {
  const own = product.attributes.url;
  if (typeof own === 'string' && /^(https?:\/\/|\/(?!\/))/i.test(own)) return own;
  const handle = product.attributes.handle;
  return template
    .replaceAll('{id}', encodeURIComponent(product.externalId))
    .replaceAll('{handle}', encodeURIComponent(typeof handle === 'string' ? handle : product.externalId));
}
