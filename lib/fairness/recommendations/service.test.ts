// The recommendation fairness report against a real database, on the synthetic store: the service
// with the settings in force or the proposal, tenant scoping of the stored rows, and the job.
import { beforeAll, describe, expect, it } from 'vitest';
import { recommendModels } from '@/db/schema';
import { runJobHere } from '@/lib/jobs/run-here';
import { seedSyntheticStore } from '@/lib/recommend/serve/test-seed';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { updateFairnessSettings } from '../settings';
import { FAIRNESS_REPORT_JOB_TYPE } from './constants';
import { getLatestReadyReport, getLatestReport } from './queries';
import { readReport } from './report';
import { runRecommendationFairness } from './service';
import { startRecommendationFairness } from './start';

describe.each(testDrivers())('recommendation fairness report (%s)', { timeout: 300_000 }, (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  let shop: TenantContext;
  let other: TenantContext;

  beforeAll(async () => {
    shop = (await createTestTenant(db(), 'fair')).ctx;
    other = (await createTestTenant(db(), 'fair-other')).ctx;
    await seedSyntheticStore(db(), shop);
    await db().insert(recommendModels).values({
      tenantId: shop.tenantId,
      version: 1,
      status: 'ready',
      live: true,
      asOf: new Date(),
      trainedAt: new Date(),
    });
  });

  it('measures the proposal when no mitigation is on, and keeps the report to its workspace', async () => {
    const row = await runRecommendationFairness(db(), shop);
    expect(row.status, row.error ?? '').toBe('ready');
    const report = readReport(row.report)!;
    expect(report.proposal).toBe(true);
    expect(report.mitigation).toMatchObject({ newItemFloor: 0.2, smallBrandFloor: 0.2, calibration: 0.5 });
    expect(report.model).toBe('hybrid');
    expect(report.shoppers).toBeGreaterThan(100);
    const brands = report.groups.find((g) => g.dimension === 'brand')!.rows.map((r) => r.label);
    expect(brands).toContain('Small brands');
    const small = report.table.find((r) => r.metric === 'smallBrandSlotShare')!;
    expect(small.after).toBeGreaterThanOrEqual(0.2);
    expect(
      report.segments
        .find((s) => s.dimension === 'country')!
        .rows.map((r) => r.label)
        .sort(),
    ).toEqual(['DE', 'FR']);
    expect((await getLatestReadyReport(db(), shop))?.id).toBe(row.id);
    expect(await getLatestReport(db(), other)).toBeNull();
  });

  it('measures the mitigation the merchant saved', async () => {
    await updateFairnessSettings(db(), shop, 'recommendations', {
      newItemFloor: '0',
      newItemDays: '30',
      smallBrandFloor: '40',
      calibration: '0',
    });
    const report = readReport((await runRecommendationFairness(db(), shop)).report)!;
    expect(report.proposal).toBe(false);
    expect(report.mitigation).toEqual({
      newItemFloor: 0,
      newItemDays: 30,
      smallBrandFloor: 0.4,
      calibration: 0,
    });
    expect(report.table.find((r) => r.metric === 'smallBrandSlotShare')!.after).toBeGreaterThanOrEqual(0.4);
  });

  it('refuses a workspace without a trained model, with a clear message', async () => {
    await expect(runRecommendationFairness(db(), other)).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/^Train a recommendation model first/),
    });
  });

  it('runs as a job: queued once for two clicks, progress to Done', async () => {
    const first = await startRecommendationFairness(db(), shop);
    expect((await startRecommendationFairness(db(), shop)).jobId).toBe(first.jobId);
    const job = await runJobHere(
      db(),
      FAIRNESS_REPORT_JOB_TYPE,
      { tenantId: shop.tenantId, id: first.jobId },
      () => {},
    );
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.progressMessage).toBe('Done');
    expect((await getLatestReport(db(), shop))?.jobId).toBe(first.jobId);
    const failed = await startRecommendationFairness(db(), other);
    const otherJob = await runJobHere(
      db(),
      FAIRNESS_REPORT_JOB_TYPE,
      { tenantId: other.tenantId, id: failed.jobId },
      () => {},
    );
    expect(otherJob.status).toBe('failed');
    expect(otherJob.attempts).toBe(1);
  });

  it('lets only members with jobs.run start a report', async () => {
    await expect(startRecommendationFairness(db(), { ...shop, role: 'viewer' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
