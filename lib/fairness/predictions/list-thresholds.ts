/**
 * Per-group thresholds in the At risk / Ready to buy lists (issue 8): when the merchant switched
 * them on (fairness settings, predictions.enabled) and the newest report of the kind stored
 * thresholds for the configured grouping, a shopper is listed when their score reaches their
 * group's threshold instead of the list's single one.
 */
import type { Db } from '@/db/client';
import { getCachedFairnessSettings } from '@/lib/fairness/settings';
import { getHistorySpan } from '@/lib/predict/data';
import type { ShopperHistory } from '@/lib/predict/types';
import type { TenantContext } from '@/lib/tenant/context';
import { OTHER, tenureOf, UNKNOWN } from './groups';
import { thresholdOf } from './metrics';
import { getLatestReadyReport, type GroupFacts, loadGroupFacts } from './queries';
import type { AppliedThresholds, PredictionFairnessReport } from './report';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** The group a shopper falls in under `applied` (tenure as of `asOf`, epoch ms). */
export function groupOfFacts(applied: AppliedThresholds, f: GroupFacts, asOf: number): string {
  if (applied.groupBy === 'tenure') {
    const h: ShopperHistory = {
      shopperId: f.shopperId,
      country: f.country,
      firstSeenAt: null,
      orders:
        f.firstOrderAt === null
          ? []
          : [{ at: f.firstOrderAt, totalMinor: 0, status: 'paid', items: 0, products: 0 }],
      events: [],
    };
    return tenureOf(h, asOf);
  }
  const value = applied.groupBy === 'country' ? f.country : f.attribute;
  if (value === null || value === '') return UNKNOWN;
  return applied.groups.includes(value) ? value : OTHER;
}

/** The thresholds the lists of `kind` apply now, or null (off, no report, or another grouping). */
export async function getAppliedThresholds(
  db: Db,
  ctx: Tenant,
  kind: 'churn' | 'propensity',
): Promise<AppliedThresholds | null> {
  const settings = await getCachedFairnessSettings(db, ctx);
  if (!settings.predictions.enabled) return null;
  const row = await getLatestReadyReport(db, ctx, kind);
  const applied = (row?.report as unknown as PredictionFairnessReport | undefined)?.applied ?? null;
  if (!applied || applied.groupBy !== settings.predictions.groupBy) return null;
  return applied;
}

/**
 * Filters scored rows by their group's threshold; null when per-group thresholds are off (the
 * caller keeps its single threshold). Rows of shoppers not in this workspace are dropped.
 */
export async function selectByGroupThresholds<R extends { id: string; score: number }>(
  db: Db,
  ctx: Tenant,
  kind: 'churn' | 'propensity',
  rows: readonly R[],
): Promise<{ rows: R[]; applied: AppliedThresholds } | null> {
  const applied = await getAppliedThresholds(db, ctx, kind);
  if (!applied) return null;
  const attributeKey = applied.groupBy === 'country' || applied.groupBy === 'tenure' ? null : applied.groupBy;
  const [facts, span] = await Promise.all([
    loadGroupFacts(
      db,
      ctx,
      rows.map((r) => r.id),
      attributeKey,
    ),
    getHistorySpan(db, ctx),
  ]);
  const asOf = span.last === null ? Date.now() : span.last + 1;
  const byId = new Map(facts.map((f) => [f.shopperId, f]));
  const thresholds = { byGroup: applied.byGroup, fallback: applied.fallback };
  return {
    applied,
    rows: rows.filter((r) => {
      const f = byId.get(r.id);
      return f !== undefined && r.score >= thresholdOf(thresholds, groupOfFacts(applied, f, asOf));
    }),
  };
}
