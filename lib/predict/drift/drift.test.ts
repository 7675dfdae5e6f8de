import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelDrift } from '@/db/schema';
import { runJobHere } from '@/lib/jobs/run-here';
import { getRecommendationCard } from '@/lib/predict/card/recommendation';
import { cardOf } from '@/lib/predict/card/types';
import { seedPredictionFixture } from '@/lib/predict/data-fixture';
import { getModelRow, listLiveRows } from '@/lib/predict/queries';
import { trainPredictions } from '@/lib/predict/service-train';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import type { TenantContext } from '@/lib/tenant/context';
import { dismissDriftAlert, startDriftCheck } from './actions-service';
import type { DriftReport } from './compare';
import { PREDICT_DRIFT_JOB_TYPE } from './job';
import { acknowledgeDriftRow, insertDriftRow, latestDriftRows, listDriftRows } from './queries';
import { checkDrift, listDriftAlerts } from './service';

const END = new Date('2025-06-01T00:00:00Z');

const majorReport = (population: number): DriftReport => ({
  population,
  scorePsi: 0.05,
  maxFeaturePsi: 0.31,
  status: 'major',
  features: [
    {
      feature: 'recencyDays',
      label: 'Days since last order',
      psi: 0.31,
      status: 'major',
      meanThen: 40,
      meanNow: 80,
      undefinedThen: 0,
      undefinedNow: 0,
    },
  ],
  scores: { psi: 0.05, meanThen: 0.3, meanNow: 0.35, edges: [0.5], training: [0.5, 0.5], now: [0.4, 0.6] },
});

describe.each(testDrivers())('model cards and drift (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let shop: TenantContext;
  let other: TenantContext;

  beforeAll(async () => {
    const db = h().db;
    shop = (await createTestTenant(db, 'drift')).ctx;
    other = (await createTestTenant(db, 'drift-other')).ctx;
    await seedPredictionFixture(db, shop.tenantId, { customers: 400, visitors: 20, days: 400, end: END });
    await trainPredictions(db, shop, { kinds: ['churn', 'propensity', 'clv'] });
  }, 180_000);

  it('stores a card with every training', async () => {
    const db = h().db;
    const live = await listLiveRows(db, shop);
    expect(live.map((r) => r.kind).sort()).toEqual(['churn', 'clv', 'propensity']);
    for (const row of live) {
      const card = cardOf(row.card);
      expect(card, row.kind).not.toBeNull();
      expect(card!.kind).toBe(row.kind);
      expect(card!.reference!.features.length, row.kind).toBeGreaterThan(0);
      expect(card!.population.shoppers, row.kind).toBeGreaterThan(0);
    }
    const churn = cardOf(live.find((r) => r.kind === 'churn')!.card)!;
    expect(churn.method).toBe('logistic-gam');
    expect(churn.partialDependence.length).toBeGreaterThan(0);
    const clv = cardOf(live.find((r) => r.kind === 'clv')!.card)!;
    expect(clv.reference!.features.map((f) => f.key)).toEqual([
      'frequency',
      'recency',
      'tenure',
      'orderValue',
    ]);
    // Another tenant does not see the row, card included.
    expect(await getModelRow(db, other, live[0]!.id)).toBeNull();
    // No recommendation model was trained here: its brief card is absent, not an error.
    expect(await getRecommendationCard(db, shop)).toBeNull();
  });

  it('the drift job writes one row per live model with a card', { timeout: 120_000 }, async () => {
    const db = h().db;
    const started = await startDriftCheck(db, shop);
    expect(started.created).toBe(true);
    const job = await runJobHere(
      db,
      PREDICT_DRIFT_JOB_TYPE,
      { tenantId: shop.tenantId, id: started.jobId },
      () => {},
    );
    expect(job.status, job.error ?? '').toBe('succeeded');
    const live = await listLiveRows(db, shop);
    for (const row of live) {
      const [drift] = await listDriftRows(db, shop, row.id);
      expect(drift, row.kind).toBeDefined();
      expect(drift!.kind).toBe(row.kind);
      expect(drift!.population).toBeGreaterThan(0);
      // No data arrived since training: today's shoppers are the reference population exactly.
      expect(drift!.status, row.kind).toBe('stable');
      expect(drift!.maxFeaturePsi).toBeCloseTo(0, 6);
      expect(drift!.scorePsi).toBeCloseTo(0, 9);
      const psis = drift!.features.map((f) => f.psi as number);
      expect(psis).toEqual([...psis].sort((a, b) => b - a));
      expect(drift!.asOf.getTime()).toBeLessThanOrEqual(END.getTime() + 1);
    }
    // Another workspace has no live model: the check writes nothing.
    expect((await checkDrift(db, other)).checked).toEqual([]);
  });

  it('alerts on the newest unacknowledged moderate/major measurement, and dismissing is tenant-scoped', async () => {
    const db = h().db;
    const churn = (await listLiveRows(db, shop)).find((r) => r.kind === 'churn')!;
    const row = await insertDriftRow(db, shop, {
      modelId: churn.id,
      kind: 'churn',
      asOf: END,
      report: majorReport(123),
    });
    const alerts = await listDriftAlerts(db, shop);
    const alert = alerts.find((a) => a.kind === 'churn');
    expect(alert).toMatchObject({
      driftId: row.id,
      status: 'major',
      top: { label: 'Days since last order', psi: 0.31 },
    });
    expect(await listDriftAlerts(db, other)).toEqual([]);

    // Another tenant cannot read or acknowledge it.
    expect(await listDriftRows(db, other, churn.id)).toEqual([]);
    expect((await latestDriftRows(db, other, [churn.id])).size).toBe(0);
    expect(await acknowledgeDriftRow(db, other, row.id)).toBe(false);
    await expect(dismissDriftAlert(db, other, { id: row.id })).rejects.toMatchObject({ code: 'not_found' });
    const viewer = await createTestMember(db, shop, 'viewer');
    await expect(dismissDriftAlert(db, viewer, { id: row.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dismissDriftAlert(db, shop, { id: 'nope' })).rejects.toMatchObject({
      code: 'validation_failed',
    });

    await dismissDriftAlert(db, shop, { id: row.id });
    const [stored] = await db
      .select()
      .from(modelDrift)
      .where(and(eq(modelDrift.tenantId, shop.tenantId), eq(modelDrift.id, row.id)));
    expect(stored!.acknowledged).toBe(true);
    expect((await listDriftAlerts(db, shop)).some((a) => a.driftId === row.id)).toBe(false);
  });
});
