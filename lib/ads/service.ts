/**
 * Ad campaigns: create, edit, list with creative counts, status and delete. Creatives, settings,
 * generation and exports live in their own modules and are re-exported here, so the dashboard,
 * the API and the CLI import one service. Reads need `data.read`; every write `ads.manage`.
 */
import type { Db } from '@/db/client';
import type { AdChannel, CampaignStatus } from '@/db/schema/ads';
import { recordAudit } from '@/lib/audit/service';
import { AppError, notFound } from '@/lib/errors';
import { isUuid } from '@/lib/segments/inputs';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import {
  type CampaignRow,
  countCreatives,
  deleteCampaignRow,
  emptyCounts,
  getCampaignRow,
  insertCampaign,
  listCampaignRows,
  updateCampaignRow,
} from './queries';
import { checkReferences, segmentNames, stored } from './campaign-input';
import { campaignInputSchema, campaignStatusSchema } from './schemas';
import { invalidateAdServing } from './serve/cache';
import { requireAdsManage, requireAdsRead } from './settings';
import type { AdLocale } from './types';
import type { Campaign, CampaignSummary, CreativeCounts } from './views';

export * from './creatives';
export * from './export-service';
export { getAdSettingsView, loadGeneratorSettings, updateAdSettings } from './settings';
export { startGeneration, testGenerator } from './start';

/** A stored campaign with its segment names and creative counts. */
async function viewOf(db: Db, ctx: TenantContext, row: CampaignRow): Promise<Campaign> {
  const counts = await countCreatives(db, ctx, [row.id]);
  return toCampaign(row, await segmentNames(db, ctx), counts.get(row.id) ?? emptyCounts());
}

/** A stored campaign as the views show it. */
export function toCampaign(row: CampaignRow, names: Map<string, string>, counts: CreativeCounts): Campaign {
  return {
    id: row.id,
    name: row.name,
    objective: row.objective,
    status: row.status,
    segmentIds: row.segmentIds,
    segments: row.segmentIds.flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name }];
    }),
    productMode: row.productMode,
    productIds: row.productIds,
    locales: row.locales as AdLocale[],
    channels: row.channels as AdChannel[],
    budgetMinor: row.budgetMinor,
    currency: row.currency,
    budgetSplit: row.budgetSplit,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    placementKey: row.placementKey,
    optimization: row.optimization,
    counts,
    lastGeneratedAt: row.lastGeneratedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The workspace's campaigns, newest first, with creative counts per status. Needs `data.read`. */
export async function listCampaigns(db: Db, ctx: TenantContext): Promise<CampaignSummary[]> {
  requireAdsRead(ctx);
  const [rows, names, counts] = [
    await listCampaignRows(db, ctx),
    await segmentNames(db, ctx),
    await countCreatives(db, ctx),
  ];
  return rows.map((row) => {
    const c = toCampaign(row, names, counts.get(row.id) ?? emptyCounts());
    return {
      id: c.id,
      name: c.name,
      objective: c.objective,
      status: c.status,
      channels: c.channels,
      locales: c.locales,
      segmentNames: c.segments.map((s) => s.name),
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      counts: c.counts,
      lastGeneratedAt: c.lastGeneratedAt,
      updatedAt: c.updatedAt,
    };
  });
}

/** One campaign, or null (another workspace's id and a malformed id too). Needs `data.read`. */
export async function getCampaign(db: Db, ctx: TenantContext, id: string): Promise<Campaign | null> {
  requireAdsRead(ctx);
  if (!isUuid(id)) return null;
  const row = await getCampaignRow(db, ctx, id);
  if (!row) return null;
  return viewOf(db, ctx, row);
}

/**
 * Creates a draft campaign. Input: name, objective, segmentIds, productMode, productIds, locales,
 * channels, budgetMinor, currency, budgetSplit, startsOn, endsOn, placementKey, optimization
 * (lib/ads/schemas.ts). Throws forbidden without `ads.manage`, validation_failed with field errors.
 */
export async function createCampaign(db: Db, ctx: TenantContext, input: unknown): Promise<Campaign> {
  requireAdsManage(ctx);
  const data = parseOrThrow(campaignInputSchema, input);
  await checkReferences(db, ctx, data);
  const row = await db.transaction(async (tx) => {
    const created = await insertCampaign(tx, {
      tenantId: ctx.tenantId,
      ...stored(data),
      createdBy: ctx.userId ?? null,
    });
    if (!created) throw new AppError('internal', 'Could not save the campaign.');
    await recordAudit(tx, ctx, {
      action: 'ads.campaign_created',
      targetType: 'ad_campaign',
      targetId: created.id,
      details: { name: created.name, channels: created.channels, locales: created.locales },
    });
    return created;
  });
  return toCampaign(row, await segmentNames(db, ctx), emptyCounts());
}

/** Saves a campaign (the full input, as on create). Throws not_found, forbidden, validation_failed. */
export async function updateCampaign(
  db: Db,
  ctx: TenantContext,
  id: string,
  input: unknown,
): Promise<Campaign> {
  requireAdsManage(ctx);
  if (!isUuid(id) || !(await getCampaignRow(db, ctx, id))) throw notFound('Campaign not found.');
  const data = parseOrThrow(campaignInputSchema, input);
  await checkReferences(db, ctx, data);
  const row = await db.transaction(async (tx) => {
    const before = await getCampaignRow(tx, ctx, id);
    if (!before) throw notFound('Campaign not found.');
    const next = stored(data);
    const updated = await updateCampaignRow(tx, ctx, id, next);
    if (!updated) throw notFound('Campaign not found.');
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(updated[k]),
    );
    await recordAudit(tx, ctx, {
      action: 'ads.campaign_updated',
      targetType: 'ad_campaign',
      targetId: id,
      details: { name: updated.name, changed },
    });
    return updated;
  });
  invalidateAdServing(ctx.tenantId);
  return viewOf(db, ctx, row);
}

/** Deletes a campaign with its creatives, counters and experiments. Throws not_found, forbidden. */
export async function deleteCampaign(db: Db, ctx: TenantContext, id: string): Promise<{ id: string }> {
  requireAdsManage(ctx);
  if (!isUuid(id)) throw notFound('Campaign not found.');
  await db.transaction(async (tx) => {
    const row = await deleteCampaignRow(tx, ctx, id);
    if (!row) throw notFound('Campaign not found.');
    await recordAudit(tx, ctx, {
      action: 'ads.campaign_deleted',
      targetType: 'ad_campaign',
      targetId: id,
      details: { name: row.name },
    });
  });
  invalidateAdServing(ctx.tenantId);
  return { id };
}

/**
 * Sets draft / active / paused / ended. Only an active campaign serves its approved banners.
 * Throws not_found, forbidden, validation_failed for an unknown status.
 */
export async function setCampaignStatus(
  db: Db,
  ctx: TenantContext,
  id: string,
  status: unknown,
): Promise<Campaign> {
  requireAdsManage(ctx);
  if (!isUuid(id)) throw notFound('Campaign not found.');
  const next: CampaignStatus = parseOrThrow(campaignStatusSchema, status);
  const row = await db.transaction(async (tx) => {
    const before = await getCampaignRow(tx, ctx, id);
    const updated = before ? await updateCampaignRow(tx, ctx, id, { status: next }) : null;
    if (!before || !updated) throw notFound('Campaign not found.');
    await recordAudit(tx, ctx, {
      action: 'ads.campaign_status',
      targetType: 'ad_campaign',
      targetId: id,
      details: { name: updated.name, from: before.status, to: next },
    });
    return updated;
  });
  invalidateAdServing(ctx.tenantId);
  return viewOf(db, ctx, row);
}
