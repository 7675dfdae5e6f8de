import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, predictionModels, shopperScores } from '@/db/schema';
import type { PredictionKind } from '@/db/schema/shoppers';
import { AppError } from '@/lib/errors';
import { runJobHere } from '@/lib/jobs/run-here';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import type { TenantContext } from '@/lib/tenant/context';
import { seedPredictionFixture } from './data-fixture';
import { PREDICT_TRAIN_JOB_TYPE } from './job';
import {
  explainShopperPrediction,
  getLivePredictionModels,
  getShopperScores,
  listPredictionModels,
  listScoredShoppers,
  makePredictionLive,
  scoreHistogram,
  startPredictionTraining,
} from './service';
import { trainPredictions } from './service-train';
import type { BinaryEvaluation } from './types';

const END = new Date('2025-06-01T00:00:00Z');
const KINDS: PredictionKind[] = ['churn', 'propensity', 'preference', 'clv'];

describe.each(testDrivers())('prediction training and reads (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let shop: TenantContext;
  let other: TenantContext;
  let shopperIds: string[];

  beforeAll(async () => {
    const db = h().db;
    shop = (await createTestTenant(db, 'predict')).ctx;
    other = (await createTestTenant(db, 'predict-other')).ctx;
    ({ shopperIds } = await seedPredictionFixture(db, shop.tenantId, {
      customers: 500,
      visitors: 20,
      days: 400,
      end: END,
    }));
  }, 120_000);

  it('trains all four kinds, stores versions, one live per kind, and scores shoppers', {
    timeout: 120_000,
  }, async () => {
    const db = h().db;
    const result = await trainPredictions(db, shop);
    expect(result.results.map((r) => [r.kind, r.status, r.version])).toEqual(
      KINDS.map((k) => [k, 'ready', 1]),
    );
    expect(new Date(result.end!).getTime()).toBeLessThanOrEqual(END.getTime());
    const live = await getLivePredictionModels(db, shop);
    expect(Object.keys(live).sort()).toEqual([...KINDS].sort());
    const churn = live.churn!;
    expect(churn.method).toBe('logistic-gam');
    expect(churn.horizonDays).toBe(90);
    const metrics = churn.metrics as unknown as BinaryEvaluation;
    expect(metrics.model.auc).toBeGreaterThan(0.5);
    expect(metrics.baselines.recency.n).toBe(metrics.model.n);
    for (const kind of KINDS) {
      const rows = await db
        .select()
        .from(shopperScores)
        .where(and(eq(shopperScores.tenantId, shop.tenantId), eq(shopperScores.kind, kind)));
      const r = result.results.find((x) => x.kind === kind)!;
      expect(rows.length, kind).toBe(r.scored);
      expect(rows.length, kind).toBeGreaterThan(0);
      expect(rows.every((x) => x.modelId === live[kind]!.id)).toBe(true);
    }
  });

  it('explains a score exactly: the contributions add up and the score matches the stored one', async () => {
    const db = h().db;
    const [top] = await listScoredShoppers(db, shop, 'churn', { order: 'desc', limit: 1 });
    expect(top).toBeDefined();
    const scores = await getShopperScores(db, shop, top!.shopperId);
    expect(scores.churn?.method).toBe('logistic-gam');
    const e = await explainShopperPrediction(db, shop, top!.shopperId, 'churn');
    expect(e).not.toBeNull();
    const sum = e!.base + e!.contributions.reduce((acc, c) => acc + c.contribution, 0);
    expect(sum).toBeCloseTo(e!.total, 9);
    expect(e!.score).toBeCloseTo(scores.churn!.score, 9);
    const clv = await explainShopperPrediction(db, shop, top!.shopperId, 'clv');
    expect(clv?.score).toBeCloseTo(scores.clv!.score, 6);
    expect(Object.keys(scores.clv!.detail).sort()).toEqual([
      'expectedPurchases',
      'expectedSpendMinor',
      'horizonDays',
      'pAlive',
    ]);
    const pref = scores.preference!.detail.top as { category: string; probability: number }[];
    expect(pref[0]!.probability).toBe(scores.preference!.score);
  });

  it('lists the highest and lowest scores and bins them', async () => {
    const db = h().db;
    const desc = await listScoredShoppers(db, shop, 'propensity', { order: 'desc', limit: 5 });
    const asc = await listScoredShoppers(db, shop, 'propensity', { order: 'asc', limit: 5 });
    expect(desc).toHaveLength(5);
    expect(desc[0]!.score).toBeGreaterThanOrEqual(desc[4]!.score);
    expect(asc[0]!.score).toBeLessThanOrEqual(desc[4]!.score);
    expect(desc.every((r) => shopperIds.includes(r.shopperId))).toBe(true);
    const bins = await scoreHistogram(db, shop, 'propensity', 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ from: 0 });
    expect(bins[9]!.to).toBe(1);
    const live = await getLivePredictionModels(db, shop);
    const scored = (
      await db.select().from(shopperScores).where(eq(shopperScores.modelId, live.propensity!.id))
    ).length;
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(scored);
  });

  it('keeps versions, makes an older one live again with rescoring and an audit entry', {
    timeout: 60_000,
  }, async () => {
    const db = h().db;
    const second = await trainPredictions(db, shop, { kinds: ['preference'] });
    expect(second.results.map((r) => [r.kind, r.version, r.status])).toEqual([['preference', 2, 'ready']]);
    const versions = await listPredictionModels(db, shop, 'preference');
    expect(versions.map((v) => [v.version, v.live])).toEqual([
      [2, true],
      [1, false],
    ]);
    const v1 = versions[1]!;
    await expect(makePredictionLive(db, other, { id: v1.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(makePredictionLive(db, shop, { id: 'nope' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(await makePredictionLive(db, shop, { id: v1.id })).toEqual({ id: v1.id });
    expect((await getLivePredictionModels(db, shop)).preference?.id).toBe(v1.id);
    const rows = await db
      .select()
      .from(shopperScores)
      .where(and(eq(shopperScores.tenantId, shop.tenantId), eq(shopperScores.kind, 'preference')));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.modelId === v1.id)).toBe(true);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, shop.tenantId), eq(auditLog.action, 'predict.model_made_live')));
    expect(audit.map((a) => a.details)).toEqual([{ kind: 'preference', version: 1, previousVersion: 2 }]);
    const viewer = await createTestMember(db, shop, 'viewer');
    await expect(makePredictionLive(db, viewer, { id: versions[0]!.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it("never shows one workspace's models or scores to another", async () => {
    const db = h().db;
    const live = await getLivePredictionModels(db, shop);
    const someone = (await listScoredShoppers(db, shop, 'churn', { order: 'desc', limit: 1 }))[0]!.shopperId;
    expect(await listPredictionModels(db, other)).toEqual([]);
    expect(await getLivePredictionModels(db, other)).toEqual({});
    expect(await getShopperScores(db, other, someone)).toEqual({});
    for (const kind of KINDS) {
      expect(await explainShopperPrediction(db, other, someone, kind)).toBeNull();
      expect(await listScoredShoppers(db, other, kind, { order: 'desc', limit: 10 })).toEqual([]);
      expect((await scoreHistogram(db, other, kind)).every((b) => b.count === 0)).toBe(true);
    }
    await expect(makePredictionLive(db, other, { id: live.churn!.id })).rejects.toBeInstanceOf(AppError);
    expect(await explainShopperPrediction(db, shop, 'not-a-uuid', 'churn')).toBeNull();
  });

  it('gives a tiny store the labelled rule, and runs as a deduplicated, audited job', {
    timeout: 120_000,
  }, async () => {
    const db = h().db;
    const tiny = (await createTestTenant(db, 'tiny')).ctx;
    await seedPredictionFixture(db, tiny.tenantId, { customers: 25, days: 300, end: END, seed: 3 });
    const started = await startPredictionTraining(db, tiny, { kinds: 'churn' });
    expect(started).toMatchObject({ created: true, status: 'queued' });
    expect(await startPredictionTraining(db, tiny, {})).toMatchObject({
      jobId: started.jobId,
      created: false,
    });
    await expect(startPredictionTraining(db, tiny, { kinds: ['nope'] })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const viewer = await createTestMember(db, tiny, 'viewer');
    await expect(startPredictionTraining(db, viewer, {})).rejects.toMatchObject({ code: 'forbidden' });
    const job = await runJobHere(
      db,
      PREDICT_TRAIN_JOB_TYPE,
      { tenantId: tiny.tenantId, id: started.jobId },
      () => {},
    );
    expect(job.status, job.error ?? '').toBe('succeeded');
    const [churn] = await listPredictionModels(db, tiny, 'churn');
    expect(churn).toMatchObject({ status: 'ready', live: true, method: 'rule-recency', version: 1 });
    const metrics = churn!.metrics as unknown as BinaryEvaluation;
    expect(metrics.fallback?.minShoppers).toBeGreaterThan(25);
    expect(metrics.fallback?.reason).toMatch(/shoppers/);
    expect(await listPredictionModels(db, tiny, 'clv')).toEqual([]);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tiny.tenantId), eq(auditLog.action, 'job.started')));
    expect(audit).toHaveLength(1);
    const rows = await db.select().from(predictionModels).where(eq(predictionModels.tenantId, tiny.tenantId));
    expect(rows.every((r) => r.jobId === started.jobId)).toBe(true);
  });

  it('records a kind without enough data as failed with a readable reason, without failing the others', async () => {
    const db = h().db;
    const empty = (await createTestTenant(db, 'empty')).ctx;
    await seedPredictionFixture(db, empty.tenantId, { customers: 3, days: 20, end: END, seed: 5 });
    const result = await trainPredictions(db, empty);
    const clv = result.results.find((r) => r.kind === 'clv')!;
    expect(clv.status).toBe('failed');
    expect(clv.error).toMatch(/customer value needs at least/);
    const [row] = await listPredictionModels(db, empty, 'clv');
    expect(row).toMatchObject({ status: 'failed', live: false });
    expect(result.results.some((r) => r.status === 'ready')).toBe(true);
  });
});
