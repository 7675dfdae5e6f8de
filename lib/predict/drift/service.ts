/**
 * Drift monitoring of the live prediction models: today's shoppers (features and scores as of the
 * end of the data) against the training population recorded in each model's card. Run by the
 * `predict.drift` job (daily, after training, on demand); the dashboard shows an alert for the
 * newest unacknowledged moderate or major measurement of a live model.
 */
import type { Db } from '@/db/client';
import type { PredictionKind } from '@/db/schema/shoppers';
import { runTask } from '@/lib/compute/run';
import { cardOf } from '@/lib/predict/card/types';
import { getHistorySpan, loadHistoryReport } from '@/lib/predict/data';
import { packHistories } from '@/lib/predict/packed';
import { listLiveRows } from '@/lib/predict/queries';
import type { TenantContext } from '@/lib/tenant/context';
import type { FeatureDrift } from './compare';
import type { DriftStatus } from './psi';
import { type DriftRow, insertDriftRow, latestDriftRows } from './queries';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** The kinds drift is measured for (preference is re-estimated at every training). */
export const DRIFT_KINDS: readonly PredictionKind[] = ['churn', 'propensity', 'clv'];

export interface DriftCheckResult {
  /** The instant today's features were computed as of (ISO), null without data. */
  asOf: string | null;
  checked: { kind: PredictionKind; modelId: string; status: DriftStatus; population: number }[];
  /** Live models skipped, with why (no card: trained before cards; nobody scored today). */
  skipped: { kind: PredictionKind; reason: string }[];
}

/**
 * Measures every live churn / propensity / clv model that has a card and writes one `model_drift`
 * row each. @throws on database errors; a model whose artefact cannot be restored is skipped.
 */
export async function checkDrift(
  db: Db,
  ctx: Tenant,
  onStep?: (done: number, total: number, message: string) => void,
): Promise<DriftCheckResult> {
  const live = (await listLiveRows(db, ctx)).filter(
    (r) => DRIFT_KINDS.includes(r.kind) && r.status === 'ready' && r.artefact,
  );
  const result: DriftCheckResult = { asOf: null, checked: [], skipped: [] };
  const withCard = live.flatMap((row) => {
    const reference = cardOf(row.card)?.reference;
    if (reference) return [{ row, reference }];
    result.skipped.push({ kind: row.kind, reason: 'trained before model cards: retrain to monitor drift' });
    return [];
  });
  if (withCard.length === 0) return result;
  onStep?.(0, 2, 'Loading orders and events');
  const span = await getHistorySpan(db, ctx);
  if (span.last === null) return result;
  const end = span.last + 1;
  const { histories } = await loadHistoryReport(db, ctx, { until: new Date(end) });
  result.asOf = new Date(end).toISOString();
  onStep?.(1, 2, `Checking ${withCard.map((m) => m.row.kind).join(', ')}`);
  // Scoring every shopper runs on a worker thread in the server (lib/compute): in embedded mode
  // the job shares the event loop with every page and storefront request.
  const measured = await runTask('predict.drift', {
    histories: await packHistories(histories),
    end,
    models: withCard.map(({ row, reference }) => ({ kind: row.kind, artefact: row.artefact, reference })),
  });
  for (const [i, { row }] of withCard.entries()) {
    const m = measured[i]!;
    if ('skipped' in m) {
      result.skipped.push({ kind: row.kind, reason: m.skipped });
      continue;
    }
    await insertDriftRow(db, ctx, { modelId: row.id, kind: row.kind, asOf: new Date(end), report: m.report });
    result.checked.push({
      kind: row.kind,
      modelId: row.id,
      status: m.report.status,
      population: m.report.population,
    });
  }
  return result;
}

/** A drift alert the dashboard shows. */
export interface DriftAlert {
  driftId: string;
  kind: PredictionKind;
  modelId: string;
  version: number;
  status: Exclude<DriftStatus, 'stable'>;
  computedAt: Date;
  scorePsi: number;
  /** The feature that moved most (null when none was measured). */
  top: Pick<FeatureDrift, 'feature' | 'label' | 'psi'> | null;
}

/** The stored `features` jsonb as FeatureDrift[] (entries of another shape are dropped). */
export function featureDriftsOf(row: Pick<DriftRow, 'features'>): FeatureDrift[] {
  return row.features.filter(
    (f): f is FeatureDrift & Record<string, unknown> =>
      typeof f.feature === 'string' && typeof f.label === 'string' && typeof f.psi === 'number',
  );
}

/**
 * Alerts of the live models: the newest measurement of each, when moderate or major and not
 * dismissed. A retrained model has no measurement yet, so its predecessor's alert disappears.
 */
export async function listDriftAlerts(db: Db, ctx: Tenant): Promise<DriftAlert[]> {
  const live = (await listLiveRows(db, ctx)).filter((r) => DRIFT_KINDS.includes(r.kind));
  const latest = await latestDriftRows(
    db,
    ctx,
    live.map((r) => r.id),
  );
  const out: DriftAlert[] = [];
  for (const row of live) {
    const d = latest.get(row.id);
    if (!d || d.acknowledged || d.status === 'stable') continue;
    const top = featureDriftsOf(d)[0];
    out.push({
      driftId: d.id,
      kind: row.kind,
      modelId: row.id,
      version: row.version,
      status: d.status,
      computedAt: d.computedAt,
      scorePsi: d.scorePsi,
      top: top ? { feature: top.feature, label: top.label, psi: top.psi } : null,
    });
  }
  return out.sort((a, b) => DRIFT_KINDS.indexOf(a.kind) - DRIFT_KINDS.indexOf(b.kind));
}
