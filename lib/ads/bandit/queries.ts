/**
 * Tenant-scoped SQL of the bandit report: the campaign's optimization settings, its banner
 * creatives (the on-site arms), their counters and the names of the segments they were counted
 * in. Every statement filters by the tenant, so another workspace's campaign is simply not found.
 */
import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { adArmStats, adCampaigns, adCreatives, segments } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** The campaign's id, name and optimization settings, or null (also for another tenant's id). */
export async function getCampaignOptimization(exec: Executor, ctx: Tenant, campaignId: string) {
  const [row] = await exec
    .select({ id: adCampaigns.id, name: adCampaigns.name, optimization: adCampaigns.optimization })
    .from(adCampaigns)
    .where(and(tenantFilter(ctx, adCampaigns), eq(adCampaigns.id, campaignId)));
  return row ?? null;
}

/** The campaign's banner creatives (every status; the report decides which to show). */
export function listBannerCreatives(exec: Executor, ctx: Tenant, campaignId: string) {
  return exec
    .select({
      id: adCreatives.id,
      segmentId: adCreatives.segmentId,
      locale: adCreatives.locale,
      fields: adCreatives.fields,
      status: adCreatives.status,
      pausedReason: adCreatives.pausedReason,
    })
    .from(adCreatives)
    .where(
      and(
        tenantFilter(ctx, adCreatives),
        eq(adCreatives.campaignId, campaignId),
        eq(adCreatives.channel, 'banner'),
      ),
    );
}

/** Counters of the campaign for all traffic ('') and per segment ('segment:<id>'); not experiments. */
export function listBanditCounters(exec: Executor, ctx: Tenant, campaignId: string) {
  return exec
    .select({
      creativeId: adArmStats.creativeId,
      contextKey: adArmStats.contextKey,
      impressions: adArmStats.impressions,
      clicks: adArmStats.clicks,
      conversions: adArmStats.conversions,
    })
    .from(adArmStats)
    .where(
      and(
        tenantFilter(ctx, adArmStats),
        eq(adArmStats.campaignId, campaignId),
        or(eq(adArmStats.contextKey, ''), like(adArmStats.contextKey, 'segment:%')),
      ),
    );
}

/** Names of the tenant's segments among `ids` (ids of other tenants or deleted segments are absent). */
export async function segmentNames(exec: Executor, ctx: Tenant, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await exec
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(and(tenantFilter(ctx, segments), inArray(segments.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
