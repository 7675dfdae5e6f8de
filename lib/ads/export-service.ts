/**
 * A campaign's approved (and paused) creatives as an ad platform import file: Google Ads Editor
 * for google-rsa creatives, Meta bulk import for meta creatives (lib/ads/export, H2). Links go to
 * each creative's first product; a relative product link is made absolute with the store's
 * address (its connection, else a publishable key's allowed origin).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { apiKeys, connections, products } from '@/db/schema';
import type { CampaignObjective } from '@/db/schema/ads';
import { AppError, notFound } from '@/lib/errors';
import { listSegmentRows } from '@/lib/segments/queries';
import { isUuid } from '@/lib/segments/inputs';
import { getStorefrontSettings, productUrl } from '@/lib/storefront/service';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import {
  ExportError,
  type GoogleAdsEditorRow,
  type MetaBulkRow,
  toGoogleAdsEditorCsv,
  toMetaBulkCsv,
} from './export';
import { type CreativeRow, getCampaignRow, listCreativeRows } from './queries';
import { requireAdsRead } from './settings';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type ExportFormat = 'google-ads-editor' | 'meta';

const OBJECTIVES: Record<CampaignObjective, string> = {
  sales: 'Outcome Sales',
  reengagement: 'Outcome Engagement',
  launch: 'Outcome Awareness',
};

/** The store's web address: its first connection's URL, else a publishable key's first allowed origin. */
async function storeOrigin(exec: Executor, ctx: Tenant): Promise<string | null> {
  const [conn] = await exec
    .select({ baseUrl: connections.baseUrl })
    .from(connections)
    .where(tenantFilter(ctx, connections))
    .orderBy(asc(connections.createdAt))
    .limit(1);
  const raw = conn?.baseUrl ?? null;
  if (raw) return /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
  const keys = await exec
    .select({ origins: apiKeys.allowedOrigins })
    .from(apiKeys)
    .where(and(tenantFilter(ctx, apiKeys), eq(apiKeys.kind, 'publishable'), isNull(apiKeys.revokedAt)))
    .orderBy(asc(apiKeys.createdAt));
  return keys.flatMap((k) => k.origins).find((o) => /^https?:\/\//i.test(o)) ?? null;
}

/** Link of each creative: its first product's storefront URL, absolute. */
async function linksOf(exec: Executor, ctx: Tenant, rows: CreativeRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => r.productIds.slice(0, 1)))];
  const found =
    ids.length === 0
      ? []
      : await exec
          .select({ id: products.id, externalId: products.externalId, attributes: products.attributes })
          .from(products)
          .where(and(tenantFilter(ctx, products), inArray(products.id, ids)));
  const template = (await getStorefrontSettings(exec, ctx)).productUrlTemplate;
  const origin = await storeOrigin(exec, ctx);
  const byId = new Map(found.map((p) => [p.id, productUrl(template, p)]));
  const out = new Map<string, string>();
  for (const r of rows) {
    const url = (r.productIds[0] && byId.get(r.productIds[0])) || '/';
    if (/^https?:\/\//i.test(url)) out.set(r.id, url);
    else if (origin) out.set(r.id, new URL(url, origin).toString());
    else {
      // Ads platforms need absolute landing pages: say where the store's address comes from.
      throw new AppError(
        'validation_failed',
        "Tailor does not know your store's web address, so the ads cannot link to product pages. Connect your store (Connections) or add your shop's address as an allowed origin of a publishable key (API keys), then export again.",
      );
    }
  }
  return out;
}

function fileName(campaign: string, format: ExportFormat): string {
  const base =
    campaign
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'campaign';
  return `${base}-${format}.csv`;
}

/**
 * The import file of a campaign (`google-ads-editor`: its google-rsa creatives; `meta`: its meta
 * creatives), approved ones enabled and paused ones paused. Needs `data.read`. Throws not_found,
 * validation_failed naming every creative that would break the format (nothing is written then,
 * e.g. a product link that is relative while the store's address is unknown).
 */
export async function exportCampaignCsv(
  db: Db,
  ctx: TenantContext,
  campaignId: string,
  format: ExportFormat,
): Promise<{ filename: string; csv: string }> {
  requireAdsRead(ctx);
  if (!isUuid(campaignId)) throw notFound('Campaign not found.');
  const campaign = await getCampaignRow(db, ctx, campaignId);
  if (!campaign) throw notFound('Campaign not found.');
  const channel = format === 'meta' ? 'meta' : 'google-rsa';
  const rows = (await listCreativeRows(db, ctx, campaignId, { channel })).filter(
    (r) => r.status === 'approved' || r.status === 'paused',
  );
  const names = new Map((await listSegmentRows(db, ctx)).map((s) => [s.id, s.name]));
  const links = await linksOf(db, ctx, rows);
  const group = (r: CreativeRow) =>
    `${r.segmentId ? (names.get(r.segmentId) ?? 'Segment') : 'All shoppers'} · ${r.locale}`;
  const label = (r: CreativeRow) => `${group(r)} · ${r.id.slice(0, 8)}`;
  try {
    if (format === 'meta') {
      const counter = new Map<string, number>();
      const metaRows: MetaBulkRow[] = rows.map((r) => {
        const n = (counter.get(group(r)) ?? 0) + 1;
        counter.set(group(r), n);
        return {
          label: label(r),
          campaign: campaign.name,
          objective: OBJECTIVES[campaign.objective],
          adSet: group(r),
          adName: `${group(r)} · Ad ${n}`,
          fields: r.fields,
          link: links.get(r.id) ?? '',
          status: r.status === 'approved' ? 'active' : 'paused',
        };
      });
      return { filename: fileName(campaign.name, format), csv: toMetaBulkCsv(metaRows) };
    }
    const googleRows: GoogleAdsEditorRow[] = rows.map((r) => ({
      label: label(r),
      campaign: campaign.name,
      adGroup: group(r),
      fields: r.fields,
      finalUrl: links.get(r.id) ?? '',
      status: r.status === 'approved' ? 'enabled' : 'paused',
    }));
    return { filename: fileName(campaign.name, format), csv: toGoogleAdsEditorCsv(googleRows) };
  } catch (error) {
    if (error instanceof ExportError) throw new AppError('validation_failed', error.message);
    throw error;
  }
}
