/**
 * The bandit report of a campaign: per group of competing on-site creatives (same segment and
 * locale — the arms the serving path chooses between) each arm's counters, CTR, the posterior of
 * its reward rate (mean and exact 95 % interval), its probability to be best within the group,
 * its share of the group's traffic and its status (with the auto-pause reason). A second view
 * breaks the same arms down by the shopper segment they were served to ('segment:<id>' counters).
 */
import type { Db } from '@/db/client';
import type { CampaignOptimization, CreativeStatus } from '@/db/schema/ads';
import { forbidden } from '@/lib/errors';
import { isUuid } from '@/lib/segments/inputs';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { betaInterval } from './beta';
import { getCampaignOptimization, listBannerCreatives, listBanditCounters, segmentNames } from './queries';
import { createRng, hashString } from './rng';
import { posterior, probabilityBest } from './thompson';

export interface ArmCounts {
  impressions: number;
  clicks: number;
  conversions: number;
}

export interface BanditArmRow extends ArmCounts {
  creativeId: string;
  /** The creative's first text (its headline), to name it in tables and charts. */
  label: string;
  status: CreativeStatus;
  pausedReason: string | null;
  /** clicks / impressions, 0 without impressions. */
  ctr: number;
  /** Posterior mean of the reward rate (clicks or conversions per impression, per the campaign). */
  posteriorMean: number;
  /** 95 % credible interval of the reward rate. */
  interval: [number, number];
  /** Within the group, 0..1. */
  probabilityBest: number;
  /** Share of the group's impressions, 0..1. */
  trafficShare: number;
}

export interface BanditGroup {
  segmentId: string | null;
  /** "All shoppers" for creatives written for everyone. */
  segmentName: string;
  locale: string;
  impressions: number;
  arms: BanditArmRow[];
}

export interface BanditReport {
  campaignId: string;
  campaignName: string;
  optimization: CampaignOptimization;
  totals: ArmCounts;
  groups: BanditGroup[];
  /** The groups again, counted per segment of the shoppers served ('segment:<id>' counters). */
  bySegment: (BanditGroup & { servedSegmentId: string; servedSegmentName: string })[];
}

const ALL_SHOPPERS = 'All shoppers';
const SHOWN: CreativeStatus[] = ['approved', 'paused'];
const ZERO: ArmCounts = { impressions: 0, clicks: 0, conversions: 0 };

interface ArmInput extends ArmCounts {
  creativeId: string;
  label: string;
  status: CreativeStatus;
  pausedReason: string | null;
}

/**
 * Posterior, interval, probability to be best and traffic share of competing arms (pure).
 * `seed` fixes the Monte Carlo draws, so a report does not flicker between page loads.
 */
export function scoreArms(
  arms: readonly ArmInput[],
  reward: CampaignOptimization['reward'],
  seed: number,
): BanditArmRow[] {
  const beta = arms.map((a) => ({
    id: a.creativeId,
    trials: a.impressions,
    successes: reward === 'conversion' ? a.conversions : a.clicks,
  }));
  const pBest = probabilityBest(beta, createRng(seed), 20_000);
  const total = arms.reduce((s, a) => s + a.impressions, 0);
  return arms.map((arm, i) => {
    const { alpha, beta: b } = posterior(beta[i]!);
    return {
      ...arm,
      ctr: arm.impressions > 0 ? arm.clicks / arm.impressions : 0,
      posteriorMean: alpha / (alpha + b),
      interval: betaInterval(alpha, b),
      probabilityBest: pBest[i] ?? 0,
      trafficShare: total > 0 ? arm.impressions / total : 0,
    };
  });
}

function firstText(fields: Record<string, string[]>): string {
  return fields.headline?.[0] ?? Object.values(fields)[0]?.[0] ?? '';
}

/**
 * The bandit report of one campaign, or null when the workspace has no such campaign (or the id is
 * malformed). Arms are banner creatives that are approved or paused, or that have counters.
 * @throws AppError forbidden without `data.read`.
 */
export async function getBanditReport(
  db: Db,
  ctx: TenantContext,
  campaignId: string,
): Promise<BanditReport | null> {
  if (!hasPermission(ctx, 'data.read')) throw forbidden('Your role does not allow viewing ad reports.');
  if (!isUuid(campaignId)) return null;
  const campaign = await getCampaignOptimization(db, ctx, campaignId);
  if (!campaign) return null;
  const [creatives, counters] = await Promise.all([
    listBannerCreatives(db, ctx, campaignId),
    listBanditCounters(db, ctx, campaignId),
  ]);
  const counts = new Map(counters.map((c) => [`${c.creativeId}|${c.contextKey}`, c]));
  const arms = creatives.filter((c) => SHOWN.includes(c.status) || counts.has(`${c.id}|`));
  const served = [
    ...new Set(counters.flatMap((c) => (c.contextKey.startsWith('segment:') ? [c.contextKey.slice(8)] : []))),
  ];
  const names = await segmentNames(db, ctx, [
    ...new Set([...served, ...arms.flatMap((a) => (a.segmentId ? [a.segmentId] : []))]),
  ]);
  const nameOf = (id: string | null) => (id === null ? ALL_SHOPPERS : (names.get(id) ?? 'Deleted segment'));
  const { reward } = campaign.optimization;

  const slots = new Map<string, typeof arms>();
  for (const a of arms) {
    const key = `${a.segmentId ?? ''}|${a.locale}`;
    slots.set(key, [...(slots.get(key) ?? []), a]);
  }
  const slotKeys = [...slots.keys()].sort();
  const build = (contextKey: string): BanditGroup[] =>
    slotKeys.flatMap((key) => {
      const members = slots.get(key)!;
      const inputs = members.map((a) => ({
        creativeId: a.id,
        label: firstText(a.fields),
        status: a.status,
        pausedReason: a.pausedReason,
        ...pickCounts(counts.get(`${a.id}|${contextKey}`)),
      }));
      const impressions = inputs.reduce((s, a) => s + a.impressions, 0);
      if (contextKey !== '' && impressions === 0) return [];
      const first = members[0]!;
      return [
        {
          segmentId: first.segmentId,
          segmentName: nameOf(first.segmentId),
          locale: first.locale,
          impressions,
          arms: scoreArms(inputs, reward, hashString(`${campaignId}|${contextKey}|${key}`)),
        },
      ];
    });

  const groups = build('');
  const totals = groups.reduce(
    (t, g) =>
      g.arms.reduce(
        (u, a) => ({
          impressions: u.impressions + a.impressions,
          clicks: u.clicks + a.clicks,
          conversions: u.conversions + a.conversions,
        }),
        t,
      ),
    ZERO,
  );
  const bySegment = served
    .sort((x, y) => nameOf(x).localeCompare(nameOf(y)))
    .flatMap((s) =>
      build(`segment:${s}`).map((g) => ({ ...g, servedSegmentId: s, servedSegmentName: nameOf(s) })),
    );
  return {
    campaignId,
    campaignName: campaign.name,
    optimization: campaign.optimization,
    totals,
    groups,
    bySegment,
  };
}

function pickCounts(c: ArmCounts | undefined): ArmCounts {
  return c ? { impressions: c.impressions, clicks: c.clicks, conversions: c.conversions } : ZERO;
}
