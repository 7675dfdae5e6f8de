/**
 * Training the workspace's prediction models as a versioned operation: per kind a new
 * `prediction_models` row (training → ready | failed), made live when ready, and every eligible
 * shopper scored into `shopper_scores` as of the end of the data. One kind failing (too little
 * data) never stops the others.
 */
import { refreshDerivedTable } from '@/db/analyze';
import type { Db } from '@/db/client';
import { PREDICTION_KINDS, type PredictionKind } from '@/db/schema/shoppers';
import { log } from '@/lib/log';
import { type TenantContext, withTenantTx } from '@/lib/tenant/context';
import { setModelCard } from './card/queries';
import { getHistorySpan, loadHistoryReport } from './data';
import { type PackedHistories, packHistories } from './packed';
import { insertTrainingRow, replaceScores, retireOldRows, setLiveRow, updateModelRow } from './queries';
import { CLV_HORIZON_DAYS } from './scoring';
import { runTask } from '@/lib/compute/run';
import { DEFAULT_HORIZON, type Protocol, TooLittleData } from './service-evaluate';

type Tenant = Pick<TenantContext, 'tenantId'>;

export interface TrainPredictionsOptions {
  /** Default: all four, in the order churn, propensity, preference, clv. */
  kinds?: readonly PredictionKind[];
  /** The end of the data ("now" for the models); default: just after the latest order or event. */
  end?: Date;
  /** Horizon override (days) for every kind trained; default per kind. */
  horizonDays?: number;
  protocol?: Protocol;
  jobId?: string;
  /** Called before each step: `done` of `total` steps (load, then fit and score per kind). */
  onStep?: (done: number, total: number, message: string) => void;
}

export interface KindResult {
  kind: PredictionKind;
  modelId: string;
  version: number;
  status: 'ready' | 'failed';
  method: string | null;
  /** Shoppers scored (0 when failed). */
  scored: number;
  /** Safe to show. */
  error: string | null;
  fitMs: number;
  scoreMs: number;
  /** Failed for a reason other than the data (a bug, the database): worth a retry. */
  unexpected?: boolean;
}

export interface TrainPredictionsResult {
  /** The as-of of the scores (ISO), or null without data. */
  end: string | null;
  shoppers: number;
  unconvertedOrders: number;
  loadMs: number;
  results: KindResult[];
}

const toJson = (x: unknown) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>;

/**
 * Trains, evaluates, makes live and scores each kind. Returns per kind what happened.
 * @throws only on database errors while loading (kinds that fail are recorded as failed rows).
 */
export async function trainPredictions(
  db: Db,
  ctx: Tenant,
  opts: TrainPredictionsOptions = {},
): Promise<TrainPredictionsResult> {
  const kinds = opts.kinds?.length ? [...new Set(opts.kinds)] : [...PREDICTION_KINDS];
  const total = 1 + 2 * kinds.length;
  opts.onStep?.(0, total, 'Loading orders and events');
  const started = Date.now();
  const span = await getHistorySpan(db, ctx);
  const end = opts.end?.getTime() ?? (span.last === null ? null : span.last + 1);
  const load = end === null ? null : await loadHistoryReport(db, ctx, { until: new Date(end) });
  const loadMs = Date.now() - started;
  const histories = load?.histories ?? [];
  // Packed once for every kind: what crosses to the worker (./packed.ts).
  const packed = await packHistories(histories);
  const results: KindResult[] = [];
  for (const [i, kind] of kinds.entries()) {
    opts.onStep?.(1 + 2 * i, total, `Training ${kind}`);
    results.push(
      await trainKind(db, ctx, kind, packed, {
        end: end ?? Date.now(),
        first: span.first,
        horizonDays: opts.horizonDays,
        protocol: opts.protocol,
        jobId: opts.jobId,
        beforeScoring: () => opts.onStep?.(2 + 2 * i, total, `Scoring ${kind}`),
      }),
    );
  }
  // The scores were replaced wholesale: fresh statistics keep score-sorted lists fast.
  if (results.some((r) => r.status === 'ready')) await refreshDerivedTable(db, 'shopper_scores');
  return {
    end: end === null ? null : new Date(end).toISOString(),
    shoppers: histories.length,
    unconvertedOrders: load?.unconvertedOrders ?? 0,
    loadMs,
    results,
  };
}

async function trainKind(
  db: Db,
  ctx: Tenant,
  kind: PredictionKind,
  histories: PackedHistories,
  o: {
    end: number;
    first: number | null;
    horizonDays?: number;
    protocol?: Protocol;
    jobId?: string;
    beforeScoring: () => void;
  },
): Promise<KindResult> {
  const row = await insertTrainingRow(db, ctx, {
    kind,
    method: 'pending',
    horizonDays: kind === 'clv' ? CLV_HORIZON_DAYS : (o.horizonDays ?? DEFAULT_HORIZON[kind]),
    asOf: new Date(o.end),
    jobId: o.jobId ?? null,
  });
  const base = { kind, modelId: row.id, version: row.version };
  let fitMs = 0;
  try {
    const request = {
      kind,
      histories,
      opts: { end: o.end, first: o.first, horizonDays: o.horizonDays, protocol: o.protocol },
    };
    const fitted = await runTask('predict.fit', request);
    fitMs = fitted.fitMs;
    o.beforeScoring();
    const scores = fitted.scores;
    await withTenantTx(db, ctx, async (tx) => {
      await updateModelRow(tx, ctx, row.id, {
        status: 'ready',
        method: fitted.method,
        horizonDays: fitted.horizonDays,
        asOf: new Date(fitted.asOf),
        trainedAt: new Date(),
        shoppers: fitted.shoppers,
        metrics: toJson(fitted.evaluation),
        artefact: toJson(fitted.artefact),
        error: null,
      });
      await setModelCard(tx, ctx, row.id, fitted.card);
      await setLiveRow(tx, ctx, kind, row.id);
      // Scores carry the instant they describe (the end of the data), which explanations reuse.
      await replaceScores(tx, ctx, kind, row.id, new Date(o.end), scores);
      await retireOldRows(tx, ctx, kind);
    });
    return {
      ...base,
      status: 'ready',
      method: fitted.method,
      scored: scores.length,
      error: null,
      fitMs,
      scoreMs: fitted.scoreMs,
    };
  } catch (error) {
    const message = safeMessage(error);
    const expected = error instanceof TooLittleData;
    if (!expected) log('error', 'predict.train_failed', { tenantId: ctx.tenantId, kind, error });
    await updateModelRow(db, ctx, row.id, { status: 'failed', error: message, trainedAt: new Date() });
    // A cancelled or timed-out job stops here; the other kinds are not trained.
    if (error instanceof Error && error.name === 'JobAbortError') throw error;
    const failed: KindResult = {
      ...base,
      status: 'failed',
      method: null,
      scored: 0,
      error: message,
      fitMs,
      scoreMs: 0,
    };
    return expected ? failed : { ...failed, unexpected: true };
  }
}

/** A failure message that is safe to show: data reasons verbatim, anything else generic. */
function safeMessage(error: unknown): string {
  if (error instanceof TooLittleData) return error.message;
  if (error instanceof Error && error.name === 'JobAbortError')
    return 'Stopped before this model was finished.';
  if (
    error instanceof Error &&
    /too (few|little)|not enough|no (shopper|order|purchase)/i.test(error.message)
  ) {
    return error.message.slice(0, 300);
  }
  return 'Training this model failed unexpectedly; see the server log.';
}
