/**
 * The read side of A/B experiments: the list with each experiment's progress and the report (the
 * analysis of ./report.ts over the 'exp:<id>' counters). Needs `data.read`; another workspace's
 * campaign or experiment gives an empty list / null.
 */
import type { Db } from '@/db/client';
import type { ExperimentPlan, ExperimentStatus } from '@/db/schema/ads';
import { hashString } from '@/lib/ads/bandit/rng';
import { forbidden } from '@/lib/errors';
import { isUuid } from '@/lib/segments/inputs';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import {
  type ExperimentRow,
  getExperimentRow,
  listCampaignCreatives,
  listCampaignExperimentCounters,
  listExperimentCounters,
  listExperimentRows,
} from './queries';
import { type ExperimentAnalysis, analyzeExperiment } from './report';

export interface ExperimentSummary {
  id: string;
  campaignId: string;
  name: string;
  status: ExperimentStatus;
  /** The first is the control. */
  creativeIds: string[];
  metric: 'click' | 'conversion';
  plan: ExperimentPlan;
  startedAt: Date | null;
  stoppedAt: Date | null;
  createdAt: Date;
  /** Impressions of the smallest arm and its share of the plan, 0..1. */
  smallestArm: number;
  progress: number;
}

export interface ExperimentReport {
  experiment: ExperimentSummary;
  /** Short names of the arms' creatives (first headline), by creative id. */
  labels: Record<string, string>;
  analysis: ExperimentAnalysis;
}

function requireRead(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'data.read')) throw forbidden('Your role does not allow viewing experiments.');
}

/** The list view of a row, given the impressions per creative of its 'exp:<id>' counters. */
export function summarize(row: ExperimentRow, impressions: Map<string, number>): ExperimentSummary {
  const smallestArm = Math.min(...row.creativeIds.map((id) => impressions.get(id) ?? 0));
  return {
    id: row.id,
    campaignId: row.campaignId,
    name: row.name,
    status: row.status,
    creativeIds: row.creativeIds,
    metric: row.metric,
    plan: row.plan,
    startedAt: row.startedAt,
    stoppedAt: row.stoppedAt,
    createdAt: row.createdAt,
    smallestArm,
    progress: row.plan.perArm > 0 ? Math.min(1, smallestArm / row.plan.perArm) : 0,
  };
}

/** The campaign's experiments, newest first (empty for another workspace's campaign). */
export async function listExperiments(
  db: Db,
  ctx: TenantContext,
  campaignId: string,
): Promise<ExperimentSummary[]> {
  requireRead(ctx);
  if (!isUuid(campaignId)) return [];
  const [rows, counters] = await Promise.all([
    listExperimentRows(db, ctx, campaignId),
    listCampaignExperimentCounters(db, ctx, campaignId),
  ]);
  return rows.map((row) => {
    const mine = counters.filter((c) => c.contextKey === `exp:${row.id}`);
    return summarize(row, new Map(mine.map((c) => [c.creativeId, c.impressions])));
  });
}

/** One experiment with its analysis, or null (another workspace's id or a malformed id too). */
export async function getExperimentReport(
  db: Db,
  ctx: TenantContext,
  id: string,
): Promise<ExperimentReport | null> {
  requireRead(ctx);
  if (!isUuid(id)) return null;
  const row = await getExperimentRow(db, ctx, id);
  if (!row) return null;
  const [counters, creatives] = await Promise.all([
    listExperimentCounters(db, ctx, id),
    listCampaignCreatives(db, ctx, row.campaignId, row.creativeIds),
  ]);
  const byId = new Map(counters.map((c) => [c.creativeId, c]));
  const arms = row.creativeIds.map((creativeId) => {
    const c = byId.get(creativeId);
    return {
      creativeId,
      impressions: c?.impressions ?? 0,
      successes: (row.metric === 'click' ? c?.clicks : c?.conversions) ?? 0,
    };
  });
  const labels = Object.fromEntries(
    creatives.map((c) => [c.id, c.fields.headline?.[0] ?? Object.values(c.fields)[0]?.[0] ?? '']),
  );
  const analysis = analyzeExperiment(arms, row.plan.perArm, { seed: hashString(id) });
  return {
    experiment: summarize(row, new Map(arms.map((a) => [a.creativeId, a.impressions]))),
    labels,
    analysis,
  };
}
