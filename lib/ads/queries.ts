/**
 * Tenant-scoped SQL of ad campaigns, creatives and settings. Every statement filters by the
 * tenant (tenantFilter) in SELECT, UPDATE and DELETE alike: another tenant's id finds nothing.
 */
import { type SQL, and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  type CreativeStatus,
  adArmStats,
  adCampaigns,
  adCreatives,
  adExperiments,
  adLinucbState,
  adSettings,
} from '@/db/schema/ads';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { CreativeCounts, CreativeFilter, GenerationSlot } from './views';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type CampaignRow = typeof adCampaigns.$inferSelect;
export type CampaignInsert = typeof adCampaigns.$inferInsert;
export type CreativeRow = typeof adCreatives.$inferSelect;
export type CreativeInsert = typeof adCreatives.$inferInsert;
export type SettingsRow = typeof adSettings.$inferSelect;
export type SettingsInsert = typeof adSettings.$inferInsert;

const campaignById = (ctx: Tenant, id: string) => and(tenantFilter(ctx, adCampaigns), eq(adCampaigns.id, id));
const creativeById = (ctx: Tenant, id: string) => and(tenantFilter(ctx, adCreatives), eq(adCreatives.id, id));

/** The tenant's campaigns, newest first. */
export async function listCampaignRows(exec: Executor, ctx: Tenant): Promise<CampaignRow[]> {
  return exec
    .select()
    .from(adCampaigns)
    .where(tenantFilter(ctx, adCampaigns))
    .orderBy(desc(adCampaigns.createdAt), asc(adCampaigns.id));
}

/** One campaign of the tenant, or null. `id` must be a uuid. */
export async function getCampaignRow(exec: Executor, ctx: Tenant, id: string): Promise<CampaignRow | null> {
  const [row] = await exec.select().from(adCampaigns).where(campaignById(ctx, id));
  return row ?? null;
}

export async function insertCampaign(exec: Executor, values: CampaignInsert): Promise<CampaignRow | null> {
  const [row] = await exec.insert(adCampaigns).values(values).returning();
  return row ?? null;
}

/** Updates one campaign of the tenant in one statement; null when there is none. */
export async function updateCampaignRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
  patch: Partial<Omit<CampaignInsert, 'tenantId' | 'id'>>,
): Promise<CampaignRow | null> {
  const [row] = await exec
    .update(adCampaigns)
    .set({ ...patch, updatedAt: new Date() })
    .where(campaignById(ctx, id))
    .returning();
  return row ?? null;
}

/** Deletes a campaign with its creatives, counters, LinUCB state and experiments; null when none. */
export async function deleteCampaignRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
): Promise<CampaignRow | null> {
  const [row] = await exec.delete(adCampaigns).where(campaignById(ctx, id)).returning();
  if (!row) return null;
  await exec.delete(adArmStats).where(and(tenantFilter(ctx, adArmStats), eq(adArmStats.campaignId, id)));
  await exec
    .delete(adLinucbState)
    .where(and(tenantFilter(ctx, adLinucbState), eq(adLinucbState.campaignId, id)));
  await exec
    .delete(adExperiments)
    .where(and(tenantFilter(ctx, adExperiments), eq(adExperiments.campaignId, id)));
  await exec.delete(adCreatives).where(and(tenantFilter(ctx, adCreatives), eq(adCreatives.campaignId, id)));
  return row;
}

const emptyCounts = (): CreativeCounts => ({ candidate: 0, approved: 0, rejected: 0, paused: 0 });

/** Creatives per status of each campaign (all of the tenant's, or `campaignIds`). */
export async function countCreatives(
  exec: Executor,
  ctx: Tenant,
  campaignIds?: readonly string[],
): Promise<Map<string, CreativeCounts>> {
  if (campaignIds && campaignIds.length === 0) return new Map();
  const rows = await exec
    .select({ campaignId: adCreatives.campaignId, status: adCreatives.status, n: sql<number>`count(*)::int` })
    .from(adCreatives)
    .where(
      and(
        tenantFilter(ctx, adCreatives),
        campaignIds ? inArray(adCreatives.campaignId, [...campaignIds]) : undefined,
      ),
    )
    .groupBy(adCreatives.campaignId, adCreatives.status);
  const out = new Map<string, CreativeCounts>();
  for (const r of rows) {
    const counts = out.get(r.campaignId) ?? emptyCounts();
    counts[r.status] = Number(r.n);
    out.set(r.campaignId, counts);
  }
  return out;
}

export { emptyCounts };

/** The slot condition: segment (null = all shoppers), locale and channel. */
export function slotCondition(slot: GenerationSlot): SQL | undefined {
  return and(
    slot.segmentId === null ? isNull(adCreatives.segmentId) : eq(adCreatives.segmentId, slot.segmentId),
    eq(adCreatives.locale, slot.locale),
    eq(adCreatives.channel, slot.channel),
  );
}

/** A campaign's creatives, filtered, grouped by segment, locale and channel, oldest first within. */
export async function listCreativeRows(
  exec: Executor,
  ctx: Tenant,
  campaignId: string,
  filter: CreativeFilter = {},
): Promise<CreativeRow[]> {
  const segment =
    filter.segmentId === undefined
      ? undefined
      : filter.segmentId === null
        ? isNull(adCreatives.segmentId)
        : eq(adCreatives.segmentId, filter.segmentId);
  return exec
    .select()
    .from(adCreatives)
    .where(
      and(
        tenantFilter(ctx, adCreatives),
        eq(adCreatives.campaignId, campaignId),
        segment,
        filter.locale ? eq(adCreatives.locale, filter.locale) : undefined,
        filter.channel ? eq(adCreatives.channel, filter.channel) : undefined,
        filter.status ? eq(adCreatives.status, filter.status) : undefined,
      ),
    )
    .orderBy(
      sql`${adCreatives.segmentId} nulls first`,
      asc(adCreatives.locale),
      asc(adCreatives.channel),
      asc(adCreatives.createdAt),
      asc(adCreatives.id),
    );
}

export async function getCreativeRow(exec: Executor, ctx: Tenant, id: string): Promise<CreativeRow | null> {
  const [row] = await exec.select().from(adCreatives).where(creativeById(ctx, id));
  return row ?? null;
}

export async function insertCreatives(exec: Executor, values: CreativeInsert[]): Promise<CreativeRow[]> {
  if (values.length === 0) return [];
  return exec.insert(adCreatives).values(values).returning();
}

/**
 * Updates one creative of the tenant; with `onlyFrom`, only while its status is one of those
 * (so two clicks cannot, say, approve a creative that was just rejected). Null when nothing matched.
 */
export async function updateCreativeRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
  patch: Partial<Omit<CreativeInsert, 'tenantId' | 'id' | 'campaignId'>>,
  onlyFrom?: readonly CreativeStatus[],
): Promise<CreativeRow | null> {
  const [row] = await exec
    .update(adCreatives)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(creativeById(ctx, id), onlyFrom ? inArray(adCreatives.status, [...onlyFrom]) : undefined))
    .returning();
  return row ?? null;
}

/** Deletes a slot's creatives that never served (candidate, rejected); approved and paused stay. */
export async function deleteSlotCandidates(
  exec: Executor,
  ctx: Tenant,
  campaignId: string,
  slot: GenerationSlot,
): Promise<number> {
  const rows = await exec
    .delete(adCreatives)
    .where(
      and(
        tenantFilter(ctx, adCreatives),
        eq(adCreatives.campaignId, campaignId),
        slotCondition(slot),
        inArray(adCreatives.status, ['candidate', 'rejected']),
      ),
    )
    .returning({ id: adCreatives.id });
  return rows.length;
}

/** The copy of every creative of a campaign (for the duplicate check). */
export async function listCampaignFields(
  exec: Executor,
  ctx: Tenant,
  campaignId: string,
): Promise<{ id: string; channel: string; fields: CreativeRow['fields'] }[]> {
  return exec
    .select({ id: adCreatives.id, channel: adCreatives.channel, fields: adCreatives.fields })
    .from(adCreatives)
    .where(and(tenantFilter(ctx, adCreatives), eq(adCreatives.campaignId, campaignId)));
}

export async function getSettingsRow(exec: Executor, ctx: Tenant): Promise<SettingsRow | null> {
  const [row] = await exec.select().from(adSettings).where(tenantFilter(ctx, adSettings));
  return row ?? null;
}

/** Inserts or replaces the tenant's ad settings. */
export async function upsertSettingsRow(
  exec: Executor,
  ctx: Tenant,
  values: Omit<SettingsInsert, 'tenantId'>,
): Promise<SettingsRow | null> {
  const [row] = await exec
    .insert(adSettings)
    .values({ ...values, tenantId: ctx.tenantId })
    .onConflictDoUpdate({ target: adSettings.tenantId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row ?? null;
}
