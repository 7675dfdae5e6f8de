import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { fairnessReports } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { updateFairnessSettings } from '@/lib/fairness/settings';
import { runJobHere } from '@/lib/jobs/run-here';
import { seedPredictionFixture } from '@/lib/predict/data-fixture';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { PREDICTION_FAIRNESS_JOB_TYPE } from './constants';
import { selectByGroupThresholds } from './list-thresholds';
import { getPredictionFairness, runPredictionFairness } from './service';
import { startPredictionFairness } from './start';

const END = new Date('2025-06-01T00:00:00Z');

describe.each(testDrivers())('prediction fairness reports (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let shop: TenantContext;
  let other: TenantContext;
  let shopperIds: string[];

  beforeAll(async () => {
    const db = h().db;
    shop = (await createTestTenant(db, 'pfair')).ctx;
    other = (await createTestTenant(db, 'pfair-other')).ctx;
    ({ shopperIds } = await seedPredictionFixture(db, shop.tenantId, {
      customers: 500,
      visitors: 20,
      days: 400,
      end: END,
    }));
    // A store-declared sensitive attribute: two bands, alternating by creation order.
    await db.execute(sql`
      update shoppers set attributes = jsonb_build_object('age_band', case when hashtext(id::text) % 2 = 0 then '18-34' else '35+' end)
      where tenant_id = ${shop.tenantId} and external_id is not null`);
    await updateFairnessSettings(db, shop, 'sensitiveAttributes', { sensitiveAttributes: 'age_band' });
  }, 120_000);

  it('stores one ready report per kind with country, tenure and sensitive groupings', {
    timeout: 120_000,
  }, async () => {
    const db = h().db;
    const outcomes = await runPredictionFairness(db, shop);
    expect(outcomes.map((o) => [o.kind, o.status])).toEqual([
      ['churn', 'ready'],
      ['propensity', 'ready'],
    ]);
    const [view] = await getPredictionFairness(db, shop);
    const report = view!.report!;
    expect(report.kind).toBe('churn');
    expect(Date.parse(report.trainAsOf)).toBeLessThan(Date.parse(report.asOf));
    const country = report.groupings.find((g) => g.key === 'country')!;
    expect(country.groups.map((g) => g.group).sort()).toEqual(['DE', 'FR']);
    expect(country.groups.reduce((s, g) => s + g.n, 0)).toBe(report.overall.n);
    expect(report.groupings.find((g) => g.key === 'tenure')!.groups.length).toBeGreaterThan(0);
    expect(report.sensitive.map((g) => g.key)).toEqual(['age_band']);
    expect(view!.sensitiveHidden).toBe(false);
    // Aggregates only: no shopper id anywhere in the stored JSON.
    const [row] = await db.select().from(fairnessReports).where(eq(fairnessReports.tenantId, shop.tenantId));
    const text = JSON.stringify(row!.report);
    expect(shopperIds.some((id) => text.includes(id))).toBe(false);
  });

  it('hides sensitive groupings from roles without shoppers.sensitive and other workspaces see nothing', async () => {
    const db = h().db;
    const viewer = await createTestMember(db, shop, 'viewer');
    const [view] = await getPredictionFairness(db, viewer);
    expect(view!.report!.sensitive).toEqual([]);
    expect(view!.sensitiveHidden).toBe(true);
    const analyst = await createTestMember(db, shop, 'analyst');
    expect((await getPredictionFairness(db, analyst))[0]!.report!.sensitive).toHaveLength(1);
    const theirs = await getPredictionFairness(db, other);
    expect(theirs.every((v) => v.report === null && v.latest === null)).toBe(true);
    await expect(startPredictionFairness(db, viewer)).rejects.toBeInstanceOf(AppError);
  });

  it('stores per-group thresholds when enabled and the lists select by them', {
    timeout: 120_000,
  }, async () => {
    const db = h().db;
    await updateFairnessSettings(db, shop, 'predictions', {
      groupBy: 'country',
      target: 'selection_rate',
      enabled: 'on',
    });
    const { jobId } = await startPredictionFairness(db, shop);
    const job = await runJobHere(
      db,
      PREDICTION_FAIRNESS_JOB_TYPE,
      { tenantId: shop.tenantId, id: jobId },
      () => {},
    );
    expect(job.status).toBe('succeeded');
    const report = (await getPredictionFairness(db, shop))[0]!.report!;
    expect(report.applied?.groupBy).toBe('country');
    const byGroup = report.applied!.byGroup;
    expect(Object.keys(byGroup).sort()).toEqual(['DE', 'FR']);
    // Measured on the same shoppers: the two countries' selection rates meet within one shopper each.
    const m = report.groupings.find((g) => g.key === 'country')!.mitigation;
    expect(m.after.overall.n).toBe(report.overall.n);
    const sizes = report.groupings.find((g) => g.key === 'country')!.groups.map((g) => g.n);
    expect(m.after.gaps.demographicParityDifference!).toBeLessThanOrEqual(1 / Math.min(...sizes) + 1e-12);
    // The list: a DE shopper just under DE's threshold is dropped, one at it is kept.
    const facts = rowsOf<{ id: string; country: string }>(
      await db.execute(
        sql`select id::text as id, country from shoppers where tenant_id = ${shop.tenantId} and country is not null limit 2`,
      ),
    );
    const rows = facts.map((r) => ({
      id: r.id,
      score: byGroup[r.country]!,
    }));
    const picked = await selectByGroupThresholds(db, shop, 'churn', [
      ...rows,
      ...rows.map((r) => ({ ...r, score: r.score - 1e-6 })),
    ]);
    expect(picked!.rows).toHaveLength(rows.length);
    expect(picked!.rows.every((r, i) => r.score === rows[i]!.score)).toBe(true);
    // Another workspace (thresholds off there) keeps its single threshold; switched off here too.
    expect(await selectByGroupThresholds(db, other, 'churn', rows)).toBeNull();
    await updateFairnessSettings(db, shop, 'predictions', { groupBy: 'country', target: 'selection_rate' });
    expect(await selectByGroupThresholds(db, shop, 'churn', rows)).toBeNull();
    const rowsAfter = await db
      .select()
      .from(fairnessReports)
      .where(and(eq(fairnessReports.tenantId, shop.tenantId), eq(fairnessReports.status, 'ready')));
    expect(rowsAfter.length).toBe(4);
  });
});
