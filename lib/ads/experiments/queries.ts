/**
 * Tenant-scoped SQL of A/B experiments: their rows, the creatives they compare and their
 * counters (ad_arm_stats with context 'exp:<id>'). Every statement filters by the tenant; status
 * changes are conditional updates (one statement), so a concurrent start/stop cannot race.
 */
import { and, desc, eq, inArray, like } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { adArmStats, adCampaigns, adCreatives, adExperiments, type ExperimentStatus } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type ExperimentRow = typeof adExperiments.$inferSelect;
type Insert = typeof adExperiments.$inferInsert;

const byId = (ctx: Tenant, id: string) => and(tenantFilter(ctx, adExperiments), eq(adExperiments.id, id));

/** The campaign's experiments, newest first. */
export function listExperimentRows(
  exec: Executor,
  ctx: Tenant,
  campaignId: string,
): Promise<ExperimentRow[]> {
  return exec
    .select()
    .from(adExperiments)
    .where(and(tenantFilter(ctx, adExperiments), eq(adExperiments.campaignId, campaignId)))
    .orderBy(desc(adExperiments.createdAt));
}

/** One experiment, or null (also another tenant's). */
export async function getExperimentRow(
  exec: Executor,
  ctx: Tenant,
  id: string,
): Promise<ExperimentRow | null> {
  const [row] = await exec.select().from(adExperiments).where(byId(ctx, id));
  return row ?? null;
}

export async function insertExperiment(exec: Executor, values: Insert): Promise<ExperimentRow> {
  const [row] = await exec.insert(adExperiments).values(values).returning();
  if (!row) throw new Error('experiment insert returned nothing');
  return row;
}

/** Moves an experiment from one of `from` to `to`; null when it is not in such a state (or not found). */
export async function transitionExperiment(
  exec: Executor,
  ctx: Tenant,
  id: string,
  from: ExperimentStatus[],
  patch: Pick<Insert, 'status' | 'startedAt' | 'stoppedAt'>,
): Promise<ExperimentRow | null> {
  const [row] = await exec
    .update(adExperiments)
    .set(patch)
    .where(and(byId(ctx, id), inArray(adExperiments.status, from)))
    .returning();
  return row ?? null;
}

/** Whether the tenant has this campaign. */
export async function campaignExists(exec: Executor, ctx: Tenant, campaignId: string): Promise<boolean> {
  const [row] = await exec
    .select({ id: adCampaigns.id })
    .from(adCampaigns)
    .where(and(tenantFilter(ctx, adCampaigns), eq(adCampaigns.id, campaignId)));
  return Boolean(row);
}

/** The campaign's creatives among `ids` (others, and other tenants', are absent). */
export function listCampaignCreatives(exec: Executor, ctx: Tenant, campaignId: string, ids: string[]) {
  return exec
    .select({
      id: adCreatives.id,
      status: adCreatives.status,
      channel: adCreatives.channel,
      segmentId: adCreatives.segmentId,
      locale: adCreatives.locale,
      fields: adCreatives.fields,
    })
    .from(adCreatives)
    .where(
      and(
        tenantFilter(ctx, adCreatives),
        eq(adCreatives.campaignId, campaignId),
        inArray(adCreatives.id, ids),
      ),
    );
}

/** Counters of the experiment's arms ('exp:<id>' context). */
export function listExperimentCounters(exec: Executor, ctx: Tenant, experimentId: string) {
  return exec
    .select({
      creativeId: adArmStats.creativeId,
      impressions: adArmStats.impressions,
      clicks: adArmStats.clicks,
      conversions: adArmStats.conversions,
    })
    .from(adArmStats)
    .where(and(tenantFilter(ctx, adArmStats), eq(adArmStats.contextKey, `exp:${experimentId}`)));
}

/** Running experiments of the campaign (to refuse a second one over the same creatives). */
export function listRunningExperimentRows(
  exec: Executor,
  ctx: Tenant,
  campaignId: string,
): Promise<ExperimentRow[]> {
  return exec
    .select()
    .from(adExperiments)
    .where(
      and(
        tenantFilter(ctx, adExperiments),
        eq(adExperiments.campaignId, campaignId),
        eq(adExperiments.status, 'running'),
      ),
    );
}

/** Counters of every experiment of the campaign ('exp:<id>' contexts), for the list's progress. */
export function listCampaignExperimentCounters(exec: Executor, ctx: Tenant, campaignId: string) {
  return exec
    .select({
      contextKey: adArmStats.contextKey,
      creativeId: adArmStats.creativeId,
      impressions: adArmStats.impressions,
    })
    .from(adArmStats)
    .where(
      and(
        tenantFilter(ctx, adArmStats),
        eq(adArmStats.campaignId, campaignId),
        like(adArmStats.contextKey, 'exp:%'),
      ),
    );
}
