import type { Executor } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import {
  type DailyCounterRow,
  connectionStates,
  customerGaps,
  eventStats,
  hasAnyData,
  importRejectionReasons,
  listDailyCounters,
  productGaps,
  recentImports,
  stitching,
} from './queries';

/** Ingestion sources in display order (others, if any, follow alphabetically). */
export const SOURCES = ['api', 'snippet', 'import', 'shopify', 'woocommerce', 'webhook'] as const;

export interface Counts {
  accepted: number;
  duplicates: number;
  rejected: number;
  bots: number;
}

export interface SourceSummary extends Counts {
  source: string;
  /** The last UTC day with anything from this source in the window, or null. */
  lastDay: string | null;
  /** One entry per day of the window, oldest first. */
  days: { day: string; accepted: number; rejected: number }[];
}

export type QualityReport = Awaited<ReturnType<typeof getQualityReport>>;

/** The UTC days from `days - 1` days before `now` to `now`, oldest first (YYYY-MM-DD). */
export function windowDays(now: Date, days: number): string[] {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) =>
    new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

function sourceOrder(a: string, b: string): number {
  const ia = (SOURCES as readonly string[]).indexOf(a);
  const ib = (SOURCES as readonly string[]).indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a.localeCompare(b);
}

/** Per-source totals and daily series over `days`, and the most frequent rejection reasons. */
export function summarizeCounters(rows: readonly DailyCounterRow[], days: readonly string[]) {
  const bySource = new Map<string, SourceSummary>();
  const reasons = new Map<string, { source: string; reason: string; count: number }>();
  for (const r of rows) {
    let s = bySource.get(r.source);
    if (!s) {
      s = { source: r.source, accepted: 0, duplicates: 0, rejected: 0, bots: 0, lastDay: null, days: [] };
      bySource.set(r.source, s);
    }
    s.accepted += r.accepted;
    s.duplicates += r.duplicates;
    s.rejected += r.rejected;
    s.bots += r.bots;
    if (r.accepted + r.duplicates + r.rejected + r.bots > 0 && (!s.lastDay || r.day > s.lastDay))
      s.lastDay = r.day;
    for (const [reason, n] of Object.entries(r.reasons)) {
      const key = `${r.source}\u0000${reason}`;
      const e = reasons.get(key) ?? { source: r.source, reason, count: 0 };
      e.count += Number(n) || 0;
      reasons.set(key, e);
    }
  }
  const sources = [...bySource.values()].sort((a, b) => sourceOrder(a.source, b.source));
  for (const s of sources) {
    const perDay = new Map(rows.filter((r) => r.source === s.source).map((r) => [r.day, r]));
    s.days = days.map((day) => ({
      day,
      accepted: perDay.get(day)?.accepted ?? 0,
      rejected: perDay.get(day)?.rejected ?? 0,
    }));
  }
  const totals: Counts = { accepted: 0, duplicates: 0, rejected: 0, bots: 0 };
  for (const s of sources) {
    totals.accepted += s.accepted;
    totals.duplicates += s.duplicates;
    totals.rejected += s.rejected;
    totals.bots += s.bots;
  }
  const topReasons = [...reasons.values()].filter((r) => r.count > 0).sort((a, b) => b.count - a.count);
  return { sources, totals, topReasons: topReasons.slice(0, 12) };
}

/**
 * Everything the Data → Quality page shows for one tenant, over the last `days` UTC days
 * (default 30, including today): per-source volumes, duplicates, rejections and reasons,
 * freshness (last event, imports, connection syncs), missing-field rates and identity stitching.
 */
export async function getQualityReport(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  opts: { now?: Date; days?: number } = {},
) {
  const now = opts.now ?? new Date();
  const days = windowDays(now, opts.days ?? 30);
  const from = new Date(`${days[0]}T00:00:00Z`);
  const [hasData, counters, events, products, customers, ids, imports, importReasons, connections] =
    await Promise.all([
      hasAnyData(exec, ctx),
      listDailyCounters(exec, ctx, days[0]!),
      eventStats(exec, ctx, from),
      productGaps(exec, ctx),
      customerGaps(exec, ctx),
      stitching(exec, ctx),
      recentImports(exec, ctx),
      importRejectionReasons(exec, ctx, from),
      connectionStates(exec, ctx),
    ]);
  return {
    hasData,
    now,
    days,
    ...summarizeCounters(counters, days),
    events,
    products,
    customers,
    stitching: { ...ids, rate: ids.anonymous ? ids.linked / ids.anonymous : null },
    imports,
    importReasons,
    connections,
  };
}
