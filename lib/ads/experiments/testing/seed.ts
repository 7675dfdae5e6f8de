/**
 * Test rows for the experiment and bandit-report tests: a campaign and creatives inserted
 * directly (the campaign service is another module's), plus counters as the serving path writes them.
 */
import type { Executor } from '@/db/client';
import { adArmStats, adCampaigns, adCreatives, type AdChannel, type CreativeStatus } from '@/db/schema';

type Tenant = { tenantId: string };

export async function insertTestCampaign(db: Executor, ctx: Tenant, name = 'Spring sale'): Promise<string> {
  const [row] = await db
    .insert(adCampaigns)
    .values({
      tenantId: ctx.tenantId,
      name,
      objective: 'sales',
      status: 'active',
      locales: ['en', 'de'],
      channels: ['banner', 'google-rsa'],
      placementKey: 'home-hero',
    })
    .returning({ id: adCampaigns.id });
  return row!.id;
}

export async function insertTestCreative(
  db: Executor,
  ctx: Tenant,
  campaignId: string,
  opts: {
    headline: string;
    status?: CreativeStatus;
    channel?: AdChannel;
    locale?: string;
    segmentId?: string | null;
    pausedReason?: string;
  },
): Promise<string> {
  const [row] = await db
    .insert(adCreatives)
    .values({
      tenantId: ctx.tenantId,
      campaignId,
      segmentId: opts.segmentId ?? null,
      locale: opts.locale ?? 'en',
      channel: opts.channel ?? 'banner',
      fields: { headline: [opts.headline], cta: ['Shop now'] },
      status: opts.status ?? 'approved',
      pausedReason: opts.pausedReason ?? null,
      generation: { provider: 'template', model: 'template:v1', attempt: 1, seed: 1, dropped: [] },
    })
    .returning({ id: adCreatives.id });
  return row!.id;
}

export async function insertTestCounters(
  db: Executor,
  ctx: Tenant,
  campaignId: string,
  creativeId: string,
  contextKey: string,
  counts: { impressions: number; clicks: number; conversions?: number },
): Promise<void> {
  await db
    .insert(adArmStats)
    .values({ tenantId: ctx.tenantId, campaignId, creativeId, contextKey, conversions: 0, ...counts });
}
