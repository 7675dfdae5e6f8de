/**
 * Tenant-scoped SQL of ad serving: what cache.ts loads (live banner campaigns, their approved
 * creatives, counters, LinUCB state, running experiments, the products the creatives link to) and
 * what stats-buffer.ts writes (counter additions, LinUCB state). Every statement filters by the
 * tenant: another workspace's campaign or creative is simply not found.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { adArmStats, adCampaigns, adCreatives, adExperiments, adLinucbState, products } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** Active campaigns with a banner placement; their dates are checked per request (cache.ts). */
export function listLiveBannerCampaigns(exec: Executor, ctx: Tenant) {
  return exec
    .select({
      id: adCampaigns.id,
      placementKey: adCampaigns.placementKey,
      segmentIds: adCampaigns.segmentIds,
      locales: adCampaigns.locales,
      startsOn: adCampaigns.startsOn,
      endsOn: adCampaigns.endsOn,
      optimization: adCampaigns.optimization,
      createdAt: adCampaigns.createdAt,
    })
    .from(adCampaigns)
    .where(
      and(
        tenantFilter(ctx, adCampaigns),
        eq(adCampaigns.status, 'active'),
        isNotNull(adCampaigns.placementKey),
        sql`'banner' = any(${adCampaigns.channels})`,
      ),
    );
}

/** Approved banner creatives of the given campaigns. */
export function listServableCreatives(exec: Executor, ctx: Tenant, campaignIds: string[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return exec
    .select({
      id: adCreatives.id,
      campaignId: adCreatives.campaignId,
      segmentId: adCreatives.segmentId,
      locale: adCreatives.locale,
      fields: adCreatives.fields,
      productIds: adCreatives.productIds,
    })
    .from(adCreatives)
    .where(
      and(
        tenantFilter(ctx, adCreatives),
        inArray(adCreatives.campaignId, campaignIds),
        eq(adCreatives.status, 'approved'),
        eq(adCreatives.channel, 'banner'),
      ),
    );
}

/** Every counter row of the given campaigns. */
export function listArmStats(exec: Executor, ctx: Tenant, campaignIds: string[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return exec
    .select({
      creativeId: adArmStats.creativeId,
      contextKey: adArmStats.contextKey,
      impressions: adArmStats.impressions,
      clicks: adArmStats.clicks,
      conversions: adArmStats.conversions,
    })
    .from(adArmStats)
    .where(and(tenantFilter(ctx, adArmStats), inArray(adArmStats.campaignId, campaignIds)));
}

/** Stored LinUCB state of the given campaigns' creatives. */
export function listLinUcbStates(exec: Executor, ctx: Tenant, campaignIds: string[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return exec
    .select({
      creativeId: adLinucbState.creativeId,
      dimensions: adLinucbState.dimensions,
      a: adLinucbState.a,
      b: adLinucbState.b,
    })
    .from(adLinucbState)
    .where(and(tenantFilter(ctx, adLinucbState), inArray(adLinucbState.campaignId, campaignIds)));
}

/** Running experiments of the given campaigns. */
export function listRunningExperiments(exec: Executor, ctx: Tenant, campaignIds: string[]) {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return exec
    .select({
      id: adExperiments.id,
      campaignId: adExperiments.campaignId,
      creativeIds: adExperiments.creativeIds,
      salt: adExperiments.salt,
    })
    .from(adExperiments)
    .where(
      and(
        tenantFilter(ctx, adExperiments),
        inArray(adExperiments.campaignId, campaignIds),
        eq(adExperiments.status, 'running'),
      ),
    );
}

/** The link fields and first image of products (active ones only: an archived one gets no link). */
export function listLinkedProducts(exec: Executor, ctx: Tenant, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return exec
    .select({
      id: products.id,
      externalId: products.externalId,
      attributes: products.attributes,
      imageUrl: sql<string | null>`${products.imageUrls}[1]`,
    })
    .from(products)
    .where(and(tenantFilter(ctx, products), inArray(products.id, ids), eq(products.status, 'active')));
}

export interface ArmDelta {
  campaignId: string;
  creativeId: string;
  contextKey: string;
  impressions: number;
  clicks: number;
  conversions: number;
}

/** Adds counters (insert, or add to the existing row): one statement for a whole flush. */
export async function addArmStats(exec: Executor, ctx: Tenant, deltas: ArmDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await exec
    .insert(adArmStats)
    .values(deltas.map((d) => ({ tenantId: ctx.tenantId, ...d })))
    .onConflictDoUpdate({
      target: [adArmStats.tenantId, adArmStats.creativeId, adArmStats.contextKey],
      set: {
        impressions: sql`${adArmStats.impressions} + excluded.impressions`,
        clicks: sql`${adArmStats.clicks} + excluded.clicks`,
        conversions: sql`${adArmStats.conversions} + excluded.conversions`,
        updatedAt: sql`now()`,
      },
    });
}

export interface LinUcbDelta {
  campaignId: string;
  creativeId: string;
  dimensions: number;
  /** Σ x xᵀ (d×d row-major) and Σ r x of the observations since the last flush. */
  dA: Float64Array;
  dB: Float64Array;
}

/**
 * Adds observations to an arm's stored LinUCB state (A = I + Σ x xᵀ, b = Σ r x) in a transaction
 * that locks the row, so two processes adding at once both count. A stored state of another
 * dimension (the campaign's segments or locales changed) is replaced by I + ΔA.
 */
export async function addLinUcbDelta(exec: Executor, ctx: Tenant, delta: LinUcbDelta): Promise<void> {
  const d = delta.dimensions;
  await exec.transaction(async (tx) => {
    const [row] = await tx
      .select({ dimensions: adLinucbState.dimensions, a: adLinucbState.a, b: adLinucbState.b })
      .from(adLinucbState)
      .where(and(tenantFilter(ctx, adLinucbState), eq(adLinucbState.creativeId, delta.creativeId)))
      .for('update');
    const same = row && row.dimensions === d && row.a.length === d * d && row.b.length === d;
    const a = Array.from(delta.dA, (v, i) => v + (same ? row.a[i]! : i % (d + 1) === 0 ? 1 : 0));
    const b = Array.from(delta.dB, (v, i) => v + (same ? row.b[i]! : 0));
    await tx
      .insert(adLinucbState)
      .values({
        tenantId: ctx.tenantId,
        creativeId: delta.creativeId,
        campaignId: delta.campaignId,
        dimensions: d,
        a,
        b,
      })
      .onConflictDoUpdate({
        target: [adLinucbState.tenantId, adLinucbState.creativeId],
        set: { dimensions: d, a, b, campaignId: delta.campaignId, updatedAt: sql`now()` },
      });
  });
}

/** Pauses approved creatives (auto-pause), recording why; returns how many changed. */
export async function pauseCreatives(
  exec: Executor,
  ctx: Tenant,
  verdicts: { id: string; reason: string }[],
): Promise<number> {
  let n = 0;
  for (const v of verdicts) {
    const rows = await exec
      .update(adCreatives)
      .set({ status: 'paused', pausedReason: v.reason, updatedAt: sql`now()` })
      .where(
        and(tenantFilter(ctx, adCreatives), eq(adCreatives.id, v.id), eq(adCreatives.status, 'approved')),
      )
      .returning({ id: adCreatives.id });
    n += rows.length;
  }
  return n;
}
