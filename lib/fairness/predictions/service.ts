/**
 * Prediction fairness (issue 8): for churn and propensity, a temporal held-out evaluation
 * (trained as of end − 2·horizon, scored as of end − horizon from facts strictly before it,
 * labels in the last horizon of the data) grouped by country, tenure and each declared sensitive
 * attribute; per-group thresholds with their accuracy cost; and the thresholds the At risk /
 * Ready to buy lists apply when the merchant switched them on.
 */
import { LIST_THRESHOLDS } from '@/lib/predict/service-constants';
import { runTask } from '@/lib/compute/run';
import type { Db, Executor } from '@/db/client';
import type { PredictionKind } from '@/db/schema/shoppers';
import { getFairnessSettings } from '@/lib/fairness/settings';
import type { BinaryKind } from '@/lib/predict/binary';
import { loadHistoryReport } from '@/lib/predict/data';
import { type PackedHistories, packHistories } from '@/lib/predict/packed';
import { listLiveRows } from '@/lib/predict/queries';
import { DEFAULT_HORIZON } from '@/lib/predict/service-evaluate';
import type { ShopperHistory } from '@/lib/predict/types';
import { hasPermission, type TenantContext } from '@/lib/tenant/context';
import { attributeGrouping, countryGrouping, type Grouping, tenureGrouping } from './groups';
import { expandHeldOut } from './held-out';
import {
  finishPredictionReport,
  insertPredictionReport,
  loadAttributeValues,
  listPredictionReports,
} from './queries';
import { buildPredictionReport, type PredictionFairnessReport } from './report';

type Tenant = Pick<TenantContext, 'tenantId'>;
const DAY_MS = 86_400_000;
export const FAIRNESS_KINDS: readonly BinaryKind[] = ['churn', 'propensity'];

export interface KindOutcome {
  kind: BinaryKind;
  reportId: string;
  status: 'ready' | 'failed';
  error?: string;
}

/** The groupings of a report: country, tenure at `asOf`, then each sensitive attribute. */
async function groupingsFor(
  exec: Executor,
  ctx: Tenant,
  histories: readonly ShopperHistory[],
  asOf: number,
  sensitive: readonly string[],
): Promise<Grouping[]> {
  const out = [countryGrouping(histories), tenureGrouping(asOf)];
  for (const key of sensitive)
    out.push(attributeGrouping(key, await loadAttributeValues(exec, ctx, key), histories));
  return out;
}

/**
 * Computes and stores one report row per kind (running → ready | failed); a kind without
 * enough data gets a failed row whose error says why. `onStep(done, total, message)` reports
 * progress (1 + kinds steps).
 */
export async function runPredictionFairness(
  db: Db,
  ctx: Tenant,
  opts: {
    kinds?: readonly BinaryKind[];
    jobId?: string | null;
    onStep?: (done: number, total: number, message: string) => void;
  } = {},
): Promise<KindOutcome[]> {
  const kinds = opts.kinds?.length ? opts.kinds : FAIRNESS_KINDS;
  const total = 1 + kinds.length;
  opts.onStep?.(0, total, 'Loading shopper histories');
  const [settings, load, live] = await Promise.all([
    getFairnessSettings(db, ctx),
    loadHistoryReport(db, ctx),
    listLiveRows(db, ctx),
  ]);
  const end = load.last === null ? null : load.last + 1;
  const out: KindOutcome[] = [];
  // Packed once for both kinds: what crosses to the worker (lib/predict/packed.ts).
  let packed: PackedHistories | undefined;
  for (const [i, kind] of kinds.entries()) {
    opts.onStep?.(1 + i, total, `Measuring ${kind} parity`);
    const horizonDays = live.find((r) => r.kind === kind)?.horizonDays ?? DEFAULT_HORIZON[kind];
    const reportId = await insertPredictionReport(
      db,
      ctx,
      kind,
      { ...settings.predictions, horizonDays },
      opts.jobId ?? null,
    );
    try {
      if (end === null) throw new Error('No orders or events yet: import data and train predictions first.');
      const asOf = end - horizonDays * DAY_MS;
      // The fits run on a worker thread in the server (lib/compute): in embedded mode the job
      // shares the event loop with every page and storefront request.
      packed ??= await packHistories(load.histories);
      const held = expandHeldOut(
        await runTask('fairness.held-out', { kind, histories: packed, asOf, horizonDays }),
        load.histories,
      );
      const groupings = await groupingsFor(db, ctx, load.histories, asOf, settings.sensitiveAttributes);
      const report = buildPredictionReport(kind, held, {
        groupings,
        listThreshold: LIST_THRESHOLDS[kind],
        settings: settings.predictions,
      });
      await finishPredictionReport(db, ctx, reportId, {
        report: report as unknown as Record<string, unknown>,
      });
      out.push({ kind, reportId, status: 'ready' });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The report could not be computed.';
      await finishPredictionReport(db, ctx, reportId, { error: message });
      out.push({ kind, reportId, status: 'failed', error: message });
    }
  }
  opts.onStep?.(
    total,
    total,
    `${out.filter((o) => o.status === 'ready').length} of ${kinds.length} reports ready`,
  );
  return out;
}

/** What a member sees of one kind: the newest row (maybe running/failed) and the newest ready report. */
export interface KindView {
  kind: BinaryKind;
  latest: { status: 'running' | 'ready' | 'failed'; error: string | null; createdAt: Date } | null;
  report: PredictionFairnessReport | null;
  computedAt: Date | null;
  /** True when sensitive groupings exist but this role may not see them. */
  sensitiveHidden: boolean;
}

/** Strips the sensitive groupings (and thresholds by a sensitive attribute) for roles without `shoppers.sensitive`. */
export function viewFor(
  ctx: TenantContext,
  report: PredictionFairnessReport,
): {
  report: PredictionFairnessReport;
  hidden: boolean;
} {
  if (hasPermission(ctx, 'shoppers.sensitive')) return { report, hidden: false };
  const hidden = report.sensitive.length > 0 || report.applied?.sensitive === true;
  return {
    report: { ...report, sensitive: [], applied: report.applied?.sensitive ? null : report.applied },
    hidden,
  };
}

/** The prediction fairness of each kind for the dashboard and API (needs `data.read`). */
export async function getPredictionFairness(db: Db, ctx: TenantContext): Promise<KindView[]> {
  const rows = await listPredictionReports(db, ctx, 20);
  return FAIRNESS_KINDS.map((kind) => {
    const mine = rows.filter((r) => r.modelKind === kind);
    const latest = mine[0];
    const ready = mine.find((r) => r.status === 'ready' && r.report);
    const view = ready ? viewFor(ctx, ready.report as unknown as PredictionFairnessReport) : null;
    return {
      kind,
      latest: latest ? { status: latest.status, error: latest.error, createdAt: latest.createdAt } : null,
      report: view?.report ?? null,
      computedAt: ready?.computedAt ?? null,
      sensitiveHidden: view?.hidden ?? false,
    };
  });
}

export type { PredictionFairnessReport, PredictionKind };
