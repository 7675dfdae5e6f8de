/**
 * The predictions of a workspace as the dashboard, the profiles and the CLI read them: model
 * versions, the live model per kind, a shopper's scores and their explanation, score lists and
 * histograms; plus queuing training and making an older version live (with rescoring).
 * Every function takes the tenant context; another workspace's model or shopper is not found.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import { PREDICTION_KINDS, type PredictionKind } from '@/db/schema/shoppers';
import { recordAudit } from '@/lib/audit/service';
import { AppError, forbidden, notFound } from '@/lib/errors';
import { hasPermission, type TenantContext, withTenantTx } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getHistorySpan, loadHistoryReport } from './data';
import {
  countScoreBins,
  getModelRow,
  getScoreRows,
  listLiveRows,
  listModelRows,
  listTopScores,
  maxScore,
  type PredictionModelRow,
  replaceScores,
  setLiveRow,
  shopperExists,
} from './queries';
import { type AnyModel, explainOne, restoreModel, scoreAll } from './scoring';
import type { Explanation } from './types';

export type { PredictionModelRow };
export { startPredictionTraining } from './service-start';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** A shopper's live score of one kind (shapes of `detail` per kind: see lib/predict/scoring.ts). */
export interface ShopperScore {
  kind: PredictionKind;
  /** Probability (churn, propensity, preference's top category) or expected 12-month spend in minor units (clv). */
  score: number;
  detail: Record<string, unknown>;
  modelId: string;
  method: string;
  /** The instant the score describes: the end of the data it was computed from. */
  scoredAt: Date;
}

/** Model versions of the workspace (or of one kind), newest first, at most 50. */
export function listPredictionModels(
  db: Db,
  ctx: Tenant,
  kind?: PredictionKind,
): Promise<PredictionModelRow[]> {
  return listModelRows(db, ctx, kind);
}

/** The live model of each kind; kinds never trained are absent. */
export async function getLivePredictionModels(
  db: Db,
  ctx: Tenant,
): Promise<Partial<Record<PredictionKind, PredictionModelRow>>> {
  return Object.fromEntries((await listLiveRows(db, ctx)).map((r) => [r.kind, r]));
}

/** A shopper's scores by kind (empty for a shopper of another workspace or without scores). */
export async function getShopperScores(
  db: Db,
  ctx: Tenant,
  shopperId: string,
): Promise<Partial<Record<PredictionKind, ShopperScore>>> {
  if (!isUuid(shopperId)) return {};
  const [rows, live] = await Promise.all([getScoreRows(db, ctx, shopperId), listLiveRows(db, ctx)]);
  const method = new Map(live.map((m) => [m.id, m.method]));
  const out: Partial<Record<PredictionKind, ShopperScore>> = {};
  for (const r of rows) {
    out[r.kind] = {
      kind: r.kind,
      score: r.score,
      detail: r.detail,
      modelId: r.modelId,
      method: method.get(r.modelId) ?? 'unknown',
      scoredAt: r.scoredAt,
    };
  }
  return out;
}

// Restored models by id: artefacts never change once written, so an entry never goes stale.
const g = globalThis as unknown as { __tailorPredictModels?: Map<string, AnyModel> };
g.__tailorPredictModels ??= new Map();
const modelCache = g.__tailorPredictModels;
const CACHE_MAX = 64;

function cachedModel(row: PredictionModelRow): AnyModel | null {
  const key = `${row.tenantId}:${row.id}`;
  let m = modelCache.get(key);
  if (!m) {
    if (!row.artefact) return null;
    m = restoreModel(row.kind, row.artefact);
    if (modelCache.size >= CACHE_MAX) modelCache.delete(modelCache.keys().next().value as string);
    modelCache.set(key, m);
  }
  return m;
}

/**
 * Why the live model of `kind` gives the shopper their score, from the shopper's history as of
 * the score's instant (or the end of the data when unscored). Null when the shopper or a live
 * model is not found in this workspace, or the shopper is not scored by this kind.
 */
export async function explainShopperPrediction(
  db: Db,
  ctx: Tenant,
  shopperId: string,
  kind: PredictionKind,
): Promise<Explanation | null> {
  if (!isUuid(shopperId) || !PREDICTION_KINDS.includes(kind)) return null;
  const live = (await listLiveRows(db, ctx)).find((r) => r.kind === kind);
  if (!live || !(await shopperExists(db, ctx, shopperId))) return null;
  const model = cachedModel(live);
  if (!model) return null;
  const score = (await getScoreRows(db, ctx, shopperId)).find(
    (r) => r.kind === kind && r.modelId === live.id,
  );
  const asOf = score?.scoredAt.getTime() ?? (await dataEnd(db, ctx));
  if (asOf === null) return null;
  const { histories } = await loadHistoryReport(db, ctx, { until: new Date(asOf), shopperIds: [shopperId] });
  const h = histories[0];
  return h ? explainOne(model, h, asOf) : null;
}

/** The highest (`desc`) or lowest (`asc`) scores of a kind, `limit` 1..500. */
export function listScoredShoppers(
  db: Db,
  ctx: Tenant,
  kind: PredictionKind,
  opts: { order: 'desc' | 'asc'; limit: number },
) {
  const limit = Math.min(500, Math.max(1, Math.floor(opts.limit) || 1));
  return listTopScores(db, ctx, kind, opts.order === 'asc' ? 'asc' : 'desc', limit);
}

/**
 * Counts of scores in `bins` equal-width bins (1..100): over [0, 1] for probabilities, over
 * [0, highest] for clv. Empty bins are included; no scores: every count 0.
 */
export async function scoreHistogram(
  db: Db,
  ctx: Tenant,
  kind: PredictionKind,
  bins = 10,
): Promise<{ from: number; to: number; count: number }[]> {
  const n = Math.min(100, Math.max(1, Math.floor(bins) || 10));
  const hi = kind === 'clv' ? Math.max((await maxScore(db, ctx, kind)) ?? 0, 1) : 1;
  const counts = await countScoreBins(db, ctx, kind, 0, hi, n);
  const width = hi / n;
  return Array.from({ length: n }, (_, i) => ({
    from: i * width,
    to: i === n - 1 ? hi : (i + 1) * width,
    count: counts.get(i) ?? 0,
  }));
}

const makeLiveInput = z.object({ id: z.string().trim().uuid('Unknown model version.') });

/**
 * Makes a ready version live again (rollback) and rescores every shopper with it as of the end
 * of the data; audited. Needs `data.write`. Input: `{ id }`.
 * @throws AppError forbidden, validation_failed, not_found (another workspace's id too), conflict (not ready).
 */
export async function makePredictionLive(
  db: Db,
  ctx: TenantContext,
  input: unknown,
): Promise<{ id: string }> {
  if (!hasPermission(ctx, 'data.write')) throw forbidden();
  const { id } = parseOrThrow(makeLiveInput, input);
  const target = await getModelRow(db, ctx, id);
  if (!target) throw notFound('Model version not found.');
  if (target.status !== 'ready') {
    throw new AppError('conflict', `Version ${target.version} is ${target.status} and cannot go live.`);
  }
  if (target.live) return { id };
  const model = cachedModel(target);
  if (!model) throw new AppError('conflict', `Version ${target.version} has no stored model.`);
  const end = (await dataEnd(db, ctx)) ?? Date.now();
  const { histories } = await loadHistoryReport(db, ctx, { until: new Date(end) });
  const scores = scoreAll(model, histories, end);
  await withTenantTx(db, ctx, async (tx) => {
    const previous = (await listLiveRows(tx, ctx)).find((r) => r.kind === target.kind);
    await setLiveRow(tx, ctx, target.kind, target.id);
    await replaceScores(tx, ctx, target.kind, target.id, new Date(end), scores);
    await recordAudit(tx, ctx, {
      action: 'predict.model_made_live',
      targetType: 'prediction_model',
      targetId: target.id,
      details: { kind: target.kind, version: target.version, previousVersion: previous?.version ?? null },
    });
  });
  return { id };
}

/** Just after the latest order or event (epoch ms), or null without data. */
async function dataEnd(db: Db, ctx: Tenant): Promise<number | null> {
  const { last } = await getHistorySpan(db, ctx);
  return last === null ? null : last + 1;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isUuid(s: string): boolean {
  return UUID.test(s);
}
