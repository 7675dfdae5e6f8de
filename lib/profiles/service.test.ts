// Profiles on a real database: computed through the order-write hook and the rebuild, listed with
// search, sorts and filters (segments included), redacted for roles without 'shoppers.sensitive',
// and never visible from another workspace.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { upsertVectors } from '@/lib/embeddings/queries';
import { createSegment } from '@/lib/segments/service';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { rebuildProfiles } from './jobs';
import { flushShopperActivity } from './refresh-queue';
import { forgetWorkspaceInputs, refreshProfiles } from './refresh';
import { getShopperProfile, getShopperTimeline, interestNeighbours, listShoppers } from './service';
import { type SeededStore, seedProfileStore } from './testing';

const NOW = Date.now();

describe.each(testDrivers())('shopper profiles (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  let store: SeededStore;
  let other: SeededStore;

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'prof-a')).ctx;
    b = (await createTestTenant(db, 'prof-b')).ctx;
    store = await seedProfileStore(db, a.tenantId, NOW);
    other = await seedProfileStore(db, b.tenantId, NOW);
    await flushShopperActivity();
  });

  it('computes profiles after orders are written (the upsert hook), before any rebuild', async () => {
    const view = await getShopperProfile(h().db, a, store.shopper.bob);
    expect(view?.profile).toMatchObject({ orders: 2, returns: 1, monetaryMinor: 1_000, topCategory: 'Home' });
    // The CHF order has no stored rate: counted as an order, left out of the money.
    expect(view?.profile.details.behaviour.unconvertedOrders).toBe(1);
    expect(view?.profile.priceBand).toBe('budget');
  });

  it('rebuilds every profile and scores RFM within the workspace', async () => {
    const db = h().db;
    const result = await rebuildProfiles({ db, tenantId: a.tenantId, checkpoint: null });
    expect(result.shoppers).toBe(3);
    expect(result.rfmScored).toBe(3);
    const ann = await getShopperProfile(db, a, store.shopper.ann);
    const bob = await getShopperProfile(db, a, store.shopper.bob);
    expect(ann?.profile).toMatchObject({
      orders: 4,
      monetaryMinor: 84_000,
      priceBand: 'premium',
      topBrand: 'Acme',
    });
    expect(ann?.profile.rfm).toMatchObject({ r: 5, f: 5, m: 5, segment: 'champions' });
    expect(bob?.profile.rfm).toMatchObject({ r: 1, f: 2, m: 1, segment: 'lost' }); // ties with Cyd on 2 orders
    expect(ann?.profile.meanGapDays).toBeCloseTo(88 / 3, 1);
    expect(ann?.profile.preferredLocale).toBe('de');
  });

  it('lists with search, sorts and filters', async () => {
    const db = h().db;
    const names = (l: Awaited<ReturnType<typeof listShoppers>>) => l.rows.map((r) => r.name);
    expect(names(await listShoppers(db, a, { sort: 'monetary' }))).toEqual([
      'Ann Archer',
      'Cyd Cole',
      'Bob Baker',
    ]);
    expect(names(await listShoppers(db, a, { sort: 'orders', dir: 'asc' })).at(-1)).toBe('Ann Archer');
    expect(names(await listShoppers(db, a, { sort: 'recency' }))).toEqual([
      'Ann Archer',
      'Cyd Cole',
      'Bob Baker',
    ]);
    expect(names(await listShoppers(db, a, { q: 'CYD@example.org' }))).toEqual(['Cyd Cole']);
    expect(names(await listShoppers(db, a, { q: 'bob' }))).toEqual(['Bob Baker']);
    expect(names(await listShoppers(db, a, { q: '%' }))).toEqual([]);
    expect(names(await listShoppers(db, a, { country: 'de', sort: 'name' }))).toEqual([
      'Ann Archer',
      'Cyd Cole',
    ]);
    // Unknown sort keys from the URL fall back to the default.
    expect((await listShoppers(db, a, { sort: 'nope' })).sort).toBe('recency');
  });

  it('sorts by scores read from shopper_scores', async () => {
    const db = h().db;
    const model = '00000000-0000-4000-8000-000000000001';
    const put = (id: string, kind: string, score: number) =>
      db.execute(sql`insert into shopper_scores (tenant_id, shopper_id, kind, model_id, score)
        values (${a.tenantId}, ${id}, ${kind}, ${model}, ${score})`);
    await put(store.shopper.bob, 'churn', 0.9);
    await put(store.shopper.cyd, 'churn', 0.4);
    await put(store.shopper.ann, 'churn', 0.1);
    await put(store.shopper.ann, 'clv', 50_000);
    const churn = await listShoppers(db, a, { sort: 'churn' });
    expect(churn.rows.map((r) => r.name)).toEqual(['Bob Baker', 'Cyd Cole', 'Ann Archer']);
    expect(churn.rows[0]?.churn).toBeCloseTo(0.9);
    const clv = await listShoppers(db, a, { sort: 'clv' });
    expect(clv.rows[0]?.name).toBe('Ann Archer'); // the only one with a value; nulls last
    expect(clv.rows[1]?.clv).toBeNull();
  });

  it('filters by a segment of the workspace, and by no other', async () => {
    const db = h().db;
    const fr = await createSegment(db, a, {
      name: 'France',
      rules: { match: 'all', conditions: [{ field: 'country', op: 'in', value: ['FR'] }] },
    });
    const list = await listShoppers(db, a, { segmentId: fr.id });
    expect(list.rows.map((r) => r.name)).toEqual(['Bob Baker']);
    const foreign = await listShoppers(db, b, { segmentId: fr.id });
    expect(foreign).toMatchObject({ rows: [], total: 0, segmentMissing: true });
    expect(await listShoppers(db, a, { segmentId: 'junk' })).toMatchObject({
      total: 0,
      segmentMissing: true,
    });
  });

  it('never shows another workspace its shoppers', async () => {
    const db = h().db;
    expect(await getShopperProfile(db, b, store.shopper.ann)).toBeNull();
    expect(await getShopperTimeline(db, b, store.shopper.ann)).toBeNull();
    expect(await getShopperProfile(db, b, 'not-a-uuid')).toBeNull();
    const ids = (await listShoppers(db, b, {})).rows.map((r) => r.id);
    expect(ids.sort()).toEqual(Object.values(other.shopper).sort());
    expect(ids).not.toContain(store.shopper.ann);
    // Refreshing with a foreign id writes nothing.
    expect(await refreshProfiles(db, b, [store.shopper.ann])).toBe(0);
  });

  it('shows the age band only to roles allowed to see sensitive facts', async () => {
    const db = h().db;
    const owner = await getShopperProfile(db, a, store.shopper.ann);
    expect(owner?.sensitiveVisible).toBe(true);
    expect(owner?.profile.details.facts.sensitive).toEqual({ age_band: '35-44' });
    const viewer = await createTestMember(db, a, 'viewer');
    const seen = await getShopperProfile(db, viewer, store.shopper.ann);
    expect(seen?.sensitiveVisible).toBe(false);
    expect(seen?.profile.details.facts.sensitive).toEqual({});
    expect(seen?.shopper.attributes).not.toHaveProperty('age_band');
    const analyst = await createTestMember(db, a, 'analyst');
    expect(
      (await getShopperProfile(db, analyst, store.shopper.ann))?.profile.details.facts.sensitive,
    ).toEqual({
      age_band: '35-44',
    });
  });

  it('merges orders and events into one timeline, newest first, with product titles', async () => {
    const db = h().db;
    await db.execute(sql`insert into events (tenant_id, event_id, type, shopper_id, product_id, occurred_at)
      values (${a.tenantId}, 'tl-1', 'view', ${store.shopper.cyd}, ${store.product['lamp-2']}, now() - interval '1 day')`);
    const t = await getShopperTimeline(db, a, store.shopper.cyd);
    expect(t?.items.map((i) => `${i.kind}:${i.type}`)).toEqual(['event:view', 'order:paid', 'order:paid']);
    expect(t?.items[0]?.productTitle).toEqual({ en: 'Lamp 2' });
    expect(t?.items[1]).toMatchObject({ orderNumber: 'o-9', totalMinor: 2_000, currency: 'EUR', lines: 1 });
    expect(t?.hasMore).toBe(false);
  });

  it('builds the interest vector from product vectors and finds its nearest products', async () => {
    const db = h().db;
    const v = (x: number, y: number) => Float32Array.from([x, y, 0]);
    const rows = Object.entries(store.product).map(([ext, id]) => ({
      productId: id,
      textHash: ext,
      // Boots point one way, lamps another; boot-1 sits right on the boots' axis.
      vector: ext.startsWith('boot') ? v(1, ext === 'boot-1' ? 0 : 0.2) : v(0.1, 1),
    }));
    await upsertVectors(db, a, { space: 'test@1', dims: 3, rows });
    forgetWorkspaceInputs();
    await refreshProfiles(db, a, [store.shopper.ann]);
    const ann = await getShopperProfile(db, a, store.shopper.ann);
    expect(ann?.profile.interestSpace).toBe('test@1');
    expect(ann?.profile.details.interest?.items).toBe(2);
    const near = await interestNeighbours(db, a, ann!.profile, 3);
    expect(near).toHaveLength(3);
    expect(near.every((n) => n.category === 'Shoes')).toBe(true);
    expect(near[0]!.score).toBeGreaterThan(0.9);
  });
});
