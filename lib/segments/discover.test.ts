// Discovery on a seeded workspace: RFM segments ensured once, clusters written to profiles and
// to named 'cluster' segments that a rerun replaces, sizes snapshotted; other workspaces untouched.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { RFM_SEGMENTS, segmentSizes, segments, shopperProfiles } from '@/db/schema';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { MIN_PROFILES_TO_CLUSTER, discoverSegments } from './discover';
import { clusterName, clusterTraits } from './features';
import { countSegment, listSegments, updateSegment } from './service';
import { type SeedShopper, seedShoppers } from './testing/seed';

function groups(): SeedShopper[] {
  const out: SeedShopper[] = [];
  for (let i = 0; i < 25; i++)
    out.push({
      orders: 12 + (i % 4),
      monetaryMinor: 900_000 + i * 1000,
      lastOrderDaysAgo: 3 + (i % 5),
      sessions: 40,
      views: 200,
      meanGapDays: 10,
      rfmSegment: 'champions',
    });
  for (let i = 0; i < 25; i++)
    out.push({
      orders: 0,
      monetaryMinor: 0,
      lastOrderDaysAgo: null,
      sessions: 2 + (i % 3),
      views: 30 + i,
      rfmSegment: null,
      kind: 'visitor',
    });
  for (let i = 0; i < 25; i++)
    out.push({
      orders: 1,
      monetaryMinor: 4000 + i * 10,
      lastOrderDaysAgo: 300 + i,
      sessions: 1,
      views: 2,
      meanGapDays: null,
      rfmSegment: 'hibernating',
    });
  return out;
}

describe('cluster names', () => {
  it('names a centroid by its two most distinctive features', () => {
    const c = Float64Array.from([-0.2, 1.5, 2.1, 0.3, 0, 0, 0, -0.1]);
    expect(clusterName(clusterTraits(c, 8))).toBe('High spend · frequent');
    const v = Float64Array.from([-1.2, -1.8, -0.5, 0, 0.2, 1.1, 0, 0]);
    expect(clusterName(clusterTraits(v, 0))).toBe('Recent · no orders');
  });

  it('adds the third trait on request (for clusters whose first two are the same)', () => {
    const c = Float64Array.from([-0.2, 1.5, 2.1, 0.3, 0, 0, 0, -0.9]);
    const three = clusterTraits(c, 8, 3);
    expect(three.map((t) => t.feature)).toEqual(['monetary', 'orders', 'meanGap']);
    expect(clusterName(three).split(' · ')).toHaveLength(3);
    expect(clusterName(three).startsWith('High spend · frequent · ')).toBe(true);
  });
});

describe.each(testDrivers())('segment discovery (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('ensures RFM segments and clusters profiles into named segments', async () => {
    const { ctx } = await createTestTenant(db(), 'seg-disc');
    const other = await createTestTenant(db(), 'seg-disc-other');
    await seedShoppers(db(), ctx.tenantId, groups());
    await seedShoppers(db(), other.ctx.tenantId, groups().slice(0, 10));

    const r = await discoverSegments(db(), ctx, { seed: 1 });
    expect(r.rfmCreated).toBe(RFM_SEGMENTS.length);
    expect(r.profiles).toBe(75);
    expect(r.clusters).toBe(3);
    expect(r.segments.map((s) => s.size).sort()).toEqual([25, 25, 25]);

    const list = await listSegments(db(), ctx);
    const clusters = list.filter((s) => s.kind === 'cluster');
    expect(clusters).toHaveLength(3);
    expect(clusters.every((s) => s.size === 25 && s.trend.length === 1)).toBe(true);
    expect(clusters.map((s) => s.name).some((n) => /no orders/i.test(n))).toBe(true);
    expect(list.find((s) => s.name === 'Champions')?.size).toBe(25);
    expect(list.find((s) => s.name === 'Hibernating')?.size).toBe(25);

    const labelled = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(shopperProfiles)
      .where(and(eq(shopperProfiles.tenantId, ctx.tenantId), isNotNull(shopperProfiles.cluster)));
    expect(labelled[0]?.n).toBe(75);
    const untouched = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(shopperProfiles)
      .where(and(eq(shopperProfiles.tenantId, other.ctx.tenantId), isNotNull(shopperProfiles.cluster)));
    expect(untouched[0]?.n).toBe(0);
    expect((await listSegments(db(), other.ctx)).length).toBe(0);

    // RFM rules are fixed: a rename keeps the rules; a rerun neither duplicates RFM segments nor clusters.
    const champions = list.find((s) => s.name === 'Champions')!;
    const renamed = await updateSegment(db(), ctx, champions.id, {
      name: 'Our best',
      rules: { conditions: [] },
    });
    expect(renamed.rules).toEqual(champions.rules);
    const again = await discoverSegments(db(), ctx, { seed: 1 });
    expect(again.rfmCreated).toBe(0);
    const after = await listSegments(db(), ctx);
    expect(
      after
        .filter((s) => s.kind === 'cluster')
        .map((s) => s.name)
        .sort(),
    ).toEqual(clusters.map((s) => s.name).sort());
    expect(after.filter((s) => s.kind === 'rfm')).toHaveLength(RFM_SEGMENTS.length);
    const oldIds = new Set(clusters.map((s) => s.id));
    expect(after.some((s) => oldIds.has(s.id))).toBe(false);
    const orphanSizes = await db()
      .select()
      .from(segmentSizes)
      .where(and(eq(segmentSizes.tenantId, ctx.tenantId), eq(segmentSizes.segmentId, clusters[0]!.id)));
    expect(orphanSizes).toEqual([]);
    expect(await countSegment(db(), ctx, { conditions: [{ field: 'cluster', op: 'is_set' }] })).toBe(75);
  });

  it('keeps clusters out with too few profiles but still creates RFM segments', async () => {
    const { ctx } = await createTestTenant(db(), 'seg-small');
    await seedShoppers(db(), ctx.tenantId, groups().slice(0, MIN_PROFILES_TO_CLUSTER - 1));
    const r = await discoverSegments(db(), ctx);
    expect(r.clusters).toBe(0);
    const rows = await db().select().from(segments).where(eq(segments.tenantId, ctx.tenantId));
    expect(rows.every((s) => s.kind === 'rfm')).toBe(true);
    expect(rows).toHaveLength(RFM_SEGMENTS.length);
  });
});
