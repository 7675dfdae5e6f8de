import type { Executor } from '@/db/client';
import { SCENARIOS, type ScenarioId } from '@/lib/recommend/scenarios';
import { getStorefrontSettings } from '@/lib/storefront/service';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant } from '@/lib/workspace/queries';
import {
  type ArmCounts,
  type DayPoint,
  type Group,
  type Metrics,
  type Uplift,
  conversionUplift,
  countByPlacement,
  dailySeries,
  revenueUplift,
  sumGroup,
} from './aggregate';
import { hasImpressions, listAttributed, listPlacementLabels, listWidgetDays } from './queries';
import { type PeriodDays, type ReportOptions, reportOptionsSchema } from './schemas';

export type { DayPoint, Group, Metrics, Uplift };

export interface PerformanceReport {
  days: PeriodDays;
  /** Period start (inclusive) and end (exclusive). */
  from: Date;
  to: Date;
  /** Workspace currency; all money is in its minor units. */
  currency: string;
  attributionWindowDays: number;
  /** Configured holdout share, 0–0.5. */
  holdoutShare: number;
  /** False when the workspace never received a widget impression (show the install help). */
  hasImpressions: boolean;
  total: Pick<Group, 'total' | 'arms'>;
  placements: Group[];
  scenarios: Group[];
  daily: DayPoint[];
  uplift: { conversion: Uplift; revenuePerImpression: Uplift };
  /** Share of impressions without consent to identify (0–1); their purchases cannot be attributed. */
  unidentifiedShare: number;
}

/** UTC days (YYYY-MM-DD) of [from, to), oldest first. */
export function utcDays(from: Date, to: Date): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  for (; d < to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/**
 * The Performance report: widget impressions, clicks, last-click attributed add-to-carts, orders
 * and revenue per placement, scenario, variant and UTC day over the last `days` days (7, 30 or
 * 90; default 30) ending at `now`, with the personalized-vs-holdout uplift and its 95 % interval.
 * Attribution uses the workspace's window (storefront settings) and currency. Read-only.
 * @throws AppError validation_failed for malformed options.
 */
export async function getPerformanceReport(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  options: ReportOptions = {},
): Promise<PerformanceReport> {
  const opts = parseOrThrow(reportOptionsSchema, options);
  const days = opts.days as PeriodDays;
  const to = opts.now ?? new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  const [tenant, settings, labels, any] = await Promise.all([
    getTenant(exec, ctx),
    getStorefrontSettings(exec, ctx),
    listPlacementLabels(exec, ctx),
    hasImpressions(exec, ctx),
  ]);
  const currency = tenant?.currency ?? 'EUR';
  const windowDays = settings.attributionWindowDays;
  const [widgets, attributed] = await Promise.all([
    listWidgetDays(exec, ctx, from, to),
    listAttributed(exec, ctx, from, to, windowDays, currency),
  ]);

  const counts = countByPlacement(widgets, attributed);
  const label = new Map(labels.map((l) => [l.key, l]));
  const placements: Group[] = [...counts]
    .map(([key, arms]) => ({
      key,
      name: label.get(key)?.name ?? (key || 'Unknown placement'),
      scenario: label.get(key)?.scenario ?? 'unknown',
      ...sumGroup([arms]),
    }))
    .sort((a, b) => b.total.impressions - a.total.impressions || a.name.localeCompare(b.name));
  const byScenario = new Map<string, ArmCounts[]>();
  for (const [key, arms] of counts) {
    const s = label.get(key)?.scenario ?? 'unknown';
    byScenario.set(s, [...(byScenario.get(s) ?? []), arms]);
  }
  const scenarios: Group[] = [...byScenario]
    .map(([s, parts]) => ({
      key: s,
      name: SCENARIOS[s as ScenarioId]?.label ?? s,
      scenario: s,
      ...sumGroup(parts),
    }))
    .sort((a, b) => b.total.impressions - a.total.impressions || a.key.localeCompare(b.key));
  const total = sumGroup([...counts.values()]);

  return {
    days,
    from,
    to,
    currency,
    attributionWindowDays: windowDays,
    holdoutShare: settings.holdoutShare,
    hasImpressions: any,
    total,
    placements,
    scenarios,
    daily: dailySeries(utcDays(from, to), widgets, attributed),
    uplift: {
      conversion: conversionUplift(total.arms),
      revenuePerImpression: revenueUplift(total.arms, widgets, attributed),
    },
    unidentifiedShare: total.total.impressions > 0 ? 1 - total.total.identified / total.total.impressions : 0,
  };
}
