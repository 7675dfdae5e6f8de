// The bandit report on the database: arms grouped by segment and locale, posteriors, probability
// to be best, traffic shares, paused reasons, the per-segment view and tenant isolation.
import { beforeAll, describe, expect, it } from 'vitest';
import { segments } from '@/db/schema';
import {
  insertTestCampaign,
  insertTestCounters,
  insertTestCreative,
} from '@/lib/ads/experiments/testing/seed';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { getBanditReport, scoreArms } from './report';

describe('scoreArms', () => {
  it('scores competing arms by their reward', () => {
    const arms = [
      {
        creativeId: 'a',
        label: 'A',
        status: 'approved' as const,
        pausedReason: null,
        impressions: 1000,
        clicks: 10,
        conversions: 9,
      },
      {
        creativeId: 'b',
        label: 'B',
        status: 'approved' as const,
        pausedReason: null,
        impressions: 3000,
        clicks: 90,
        conversions: 3,
      },
    ];
    const byClick = scoreArms(arms, 'click', 1);
    expect(byClick[1]!.probabilityBest).toBeGreaterThan(0.99);
    expect(byClick.map((a) => a.trafficShare)).toEqual([0.25, 0.75]);
    expect(byClick[0]!.ctr).toBeCloseTo(0.01);
    const byConversion = scoreArms(arms, 'conversion', 1);
    expect(byConversion[0]!.probabilityBest).toBeGreaterThan(0.99);
    expect(byConversion[0]!.posteriorMean).toBeCloseTo(10 / 1002, 10);
  });
});

describe.each(testDrivers())('bandit report (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  let ctx: TenantContext;
  let other: TenantContext;
  let campaignId: string;
  let segmentId: string;
  const c: Record<string, string> = {};

  beforeAll(async () => {
    ctx = (await createTestTenant(db(), 'bandit')).ctx;
    other = (await createTestTenant(db(), 'other')).ctx;
    campaignId = await insertTestCampaign(db(), ctx);
    const [seg] = await db()
      .insert(segments)
      .values({ tenantId: ctx.tenantId, name: 'Loyal fans' })
      .returning({ id: segments.id });
    segmentId = seg!.id;
    c.good = await insertTestCreative(db(), ctx, campaignId, { headline: 'Best seller' });
    c.ok = await insertTestCreative(db(), ctx, campaignId, { headline: 'Okay one' });
    c.bad = await insertTestCreative(db(), ctx, campaignId, {
      headline: 'Loser',
      status: 'paused',
      pausedReason: 'auto: probability to be best 0.1 % after 1,200 impressions',
    });
    c.de = await insertTestCreative(db(), ctx, campaignId, { headline: 'Bestseller', locale: 'de' });
    c.candidate = await insertTestCreative(db(), ctx, campaignId, {
      headline: 'Not served',
      status: 'candidate',
    });
    c.rsa = await insertTestCreative(db(), ctx, campaignId, { headline: 'Search', channel: 'google-rsa' });
    const add = (id: string, key: string, impressions: number, clicks: number) =>
      insertTestCounters(db(), ctx, campaignId, id, key, { impressions, clicks });
    await add(c.good!, '', 4000, 200);
    await add(c.ok!, '', 3000, 90);
    await add(c.bad!, '', 1200, 12);
    await add(c.good!, `segment:${segmentId}`, 1000, 80);
    await add(c.ok!, `segment:${segmentId}`, 1000, 20);
    await add(c.good!, 'exp:00000000-0000-0000-0000-000000000000', 777, 7);
  });

  it('groups the served arms by segment and locale and scores them', async () => {
    const report = await getBanditReport(db(), ctx, campaignId);
    expect(report).not.toBeNull();
    expect(report!.optimization.policy).toBe('thompson');
    expect(report!.totals).toEqual({ impressions: 8200, clicks: 302, conversions: 0 });
    expect(report!.groups.map((g) => [g.segmentName, g.locale, g.arms.length])).toEqual([
      ['All shoppers', 'de', 1],
      ['All shoppers', 'en', 3],
    ]);
    const en = report!.groups[1]!;
    const byId = new Map(en.arms.map((a) => [a.creativeId, a]));
    expect(byId.has(c.candidate!)).toBe(false);
    const good = byId.get(c.good!)!;
    expect(good).toMatchObject({ label: 'Best seller', impressions: 4000, clicks: 200, ctr: 0.05 });
    expect(good.trafficShare).toBeCloseTo(4000 / 8200, 10);
    expect(good.probabilityBest).toBeGreaterThan(0.99);
    expect(en.arms.reduce((s, a) => s + a.probabilityBest, 0)).toBeCloseTo(1, 10);
    expect(good.interval[0]).toBeLessThan(good.posteriorMean);
    expect(good.interval[1]).toBeGreaterThan(good.posteriorMean);
    expect(byId.get(c.bad!)).toMatchObject({
      status: 'paused',
      pausedReason: expect.stringMatching(/^auto: /),
    });
    expect(report!.groups[0]!.arms[0]).toMatchObject({ impressions: 0, trafficShare: 0, probabilityBest: 1 });
  });

  it('breaks the arms down by the segment of the shoppers served', async () => {
    const report = await getBanditReport(db(), ctx, campaignId);
    expect(report!.bySegment).toHaveLength(1);
    const seg = report!.bySegment[0]!;
    expect(seg).toMatchObject({
      servedSegmentId: segmentId,
      servedSegmentName: 'Loyal fans',
      locale: 'en',
      impressions: 2000,
    });
    expect(seg.arms.find((a) => a.creativeId === c.good)).toMatchObject({ impressions: 1000, clicks: 80 });
  });

  it('is not found for another workspace or a malformed id, and needs data.read', async () => {
    expect(await getBanditReport(db(), other, campaignId)).toBeNull();
    expect(await getBanditReport(db(), ctx, 'nope')).toBeNull();
    const viewer = await createTestMember(db(), ctx, 'viewer');
    expect(await getBanditReport(db(), viewer, campaignId)).not.toBeNull();
    await expect(
      getBanditReport(db(), { ...ctx, permissions: new Set() }, campaignId),
    ).rejects.toBeInstanceOf(AppError);
  });
});
