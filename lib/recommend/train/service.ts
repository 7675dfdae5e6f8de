/**
 * Training as a versioned, auditable operation: every run stores a new version row with its
 * metrics and artefact; it goes live only when its validation NDCG@10 is at least the live one's,
 * and any older ready version can be made live again (rollback).
 */
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, forbidden, notFound } from '@/lib/errors';
import { runTask } from '@/lib/compute/run';
import { log } from '@/lib/log';
import { hasPermission, type TenantContext, withTenantTx } from '@/lib/tenant/context';
import { loadDataset } from '../data/load';
import { loadItemVectors } from '../data/vectors';
import { invalidateServingModel } from '../serve/registry';
import {
  getLiveModel,
  getModel,
  insertTrainingModel,
  retireOldModels,
  setLiveModel,
  updateModel,
} from './queries';

/** Versions kept with their artefact (besides the live one); older ones are retired. */
export const KEEP_VERSIONS = 5;

export type TrainPhase = 'loading' | 'fitting' | 'saving';

export interface TrainOptions {
  /** Data cutoff (default now). */
  asOf?: Date;
  progress?: (phase: TrainPhase, message: string) => void;
}

export interface TrainResult {
  versionId: string;
  version: number;
  status: 'ready' | 'failed';
  live: boolean;
  /** Why it is not live, or why it failed. */
  note: string | null;
  validationNdcg: number | null;
  artefactBytes: number;
  trainingMs: number;
}

/**
 * Trains the tenant's model on everything before `asOf` and stores it as a new version.
 * An empty workspace yields a `failed` version with a note, not an exception.
 * @throws whatever loading or fitting throws (the version is marked failed first).
 */
export async function trainWorkspaceModel(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
  opts: TrainOptions = {},
): Promise<TrainResult> {
  const asOf = opts.asOf ?? new Date();
  const row = await insertTrainingModel(db, ctx, asOf);
  const fail = async (note: string): Promise<TrainResult> => {
    await updateModel(db, ctx, row.id, { status: 'failed', error: note, trainedAt: new Date() });
    return {
      versionId: row.id,
      version: row.version,
      status: 'failed',
      live: false,
      note,
      validationNdcg: null,
      artefactBytes: 0,
      trainingMs: 0,
    };
  };
  try {
    opts.progress?.('loading', 'Loading orders and events');
    // Serving answers with products only: order lines without a catalog product are left out.
    const data = await loadDataset(db, ctx, { asOf, unlinkedLines: false });
    const n = data.time.length;
    if (n === 0) return await fail('No orders or events to learn from yet.');
    const vectors = await loadItemVectors(db, ctx, data.itemIds);
    opts.progress?.('fitting', `Fitting on ${n} interactions of ${data.shopperIds.length} shoppers`);
    // Fit as of the end of the data when it ends before `asOf` (an imported history, a shop that
    // paused): the validation window and the recency decay must look at the last weeks that have
    // data, not at an empty month before today.
    const fitAsOf = Math.min(asOf.getTime(), data.time[n - 1]! + 1);
    const fitted = await runTask('recommend.fit', { data, asOf: fitAsOf, vectors: vectors ?? undefined });
    opts.progress?.('saving', 'Saving the model');
    return await withTenantTx(db, ctx, async (tx) => {
      const live = await getLiveModel(tx, ctx);
      const liveNdcg = live && 'validationNdcg' in live.metrics ? live.metrics.validationNdcg : null;
      const wins = liveNdcg === null || fitted.metrics.validationNdcg >= liveNdcg;
      const note = wins
        ? null
        : `Validation NDCG@10 ${fitted.metrics.validationNdcg.toFixed(4)} is below the live version ${live!.version} (${liveNdcg!.toFixed(4)}).`;
      await updateModel(tx, ctx, row.id, {
        status: 'ready',
        trainedAt: new Date(),
        dataFrom: new Date(data.time[0]!),
        dataTo: new Date(data.time[n - 1]!),
        shoppers: data.shopperIds.length,
        items: data.itemIds.length,
        interactions: n,
        metrics: fitted.metrics,
        weights: fitted.weights,
        artefact: fitted.bytes,
        artefactBytes: fitted.bytes.byteLength,
        error: note,
      });
      if (wins) await setLiveModel(tx, ctx, row.id);
      await retireOldModels(tx, ctx, KEEP_VERSIONS);
      if (wins) invalidateServingModel(ctx.tenantId);
      return {
        versionId: row.id,
        version: row.version,
        status: 'ready' as const,
        live: wins,
        note,
        validationNdcg: fitted.metrics.validationNdcg,
        artefactBytes: fitted.bytes.byteLength,
        trainingMs: fitted.metrics.trainingMs,
      };
    });
  } catch (error) {
    log('error', 'recommend.train_failed', { tenantId: ctx.tenantId, version: row.version, error });
    await updateModel(db, ctx, row.id, {
      status: 'failed',
      error: 'Training failed.',
      trainedAt: new Date(),
    });
    throw error;
  }
}

/**
 * Makes an older ready version live again, with an audit entry. Needs `settings.update`: which
 * model answers the storefront is a workspace setting.
 * @throws AppError forbidden, not_found (another tenant's id too), conflict (not ready: failed, retired …).
 */
export async function rollbackModel(db: Db, ctx: TenantContext, versionId: string): Promise<void> {
  if (!hasPermission(ctx, 'settings.update')) throw forbidden();
  await withTenantTx(db, ctx, async (tx) => {
    const target = await getModel(tx, ctx, versionId);
    if (!target) throw notFound('Model version not found.');
    if (target.live) return;
    if (target.status !== 'ready')
      throw new AppError('conflict', `Version ${target.version} is ${target.status} and cannot go live.`);
    const previous = await getLiveModel(tx, ctx);
    await setLiveModel(tx, ctx, target.id);
    await updateModel(tx, ctx, target.id, { error: null });
    await recordAudit(tx, ctx, {
      action: 'recommend.model_rolled_back',
      targetType: 'recommend_model',
      targetId: target.id,
      details: { version: target.version, previousVersion: previous?.version ?? null },
    });
  });
  invalidateServingModel(ctx.tenantId);
}
