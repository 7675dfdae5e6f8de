// The mitigation in storefront serving, on a real database with a trained model: off → the list is
// exactly what the rules give; on → the new-product floor is met, moved items say why, pins stay.
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { placements, products } from '@/db/schema';
import { clearRecommendLookups } from '@/lib/recommend/serve/lookups';
import { clearServingModels } from '@/lib/recommend/serve/registry';
import { type SeededStore, seedSyntheticStore } from '@/lib/recommend/serve/test-seed';
import { getRecommendations, type RecommendationResult } from '@/lib/recommend/service';
import { STORE_CUTOFF } from '@/lib/recommend/test-store';
import { trainWorkspaceModel } from '@/lib/recommend/train/service';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { updateFairnessSettings } from './settings';

const DAY = 86_400_000;
const NOW = STORE_CUTOFF + DAY;

describe.each(testDrivers())('mitigation in serving (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let store: SeededStore;
  /** External ids of products published in the last 30 days. */
  let fresh: Set<string>;

  const ask = (extra: { placement?: string } = {}) =>
    getRecommendations(h().db, a, {
      scenario: extra.placement ? undefined : 'for_you',
      placement: extra.placement,
      shopper: store.customerIds[0],
      nonPersonal: false,
      k: 10,
      explain: true,
      locale: 'en',
      cart: [],
      now: NOW,
    } as Parameters<typeof getRecommendations>[2]);
  const ids = (r: RecommendationResult) => r.items.map((i) => i.externalId);

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'fair-serve')).ctx;
    store = await seedSyntheticStore(db, a);
    // Everything old, except the five least bought products of each taste cluster.
    const recent = store.externalIds.filter((_, i) => i < 60 && i % 20 >= 15);
    fresh = new Set(recent);
    await db
      .update(products)
      .set({ publishedAt: new Date(NOW - 400 * DAY) })
      .where(eq(products.tenantId, a.tenantId));
    await db
      .update(products)
      .set({ publishedAt: new Date(NOW - 5 * DAY) })
      .where(and(eq(products.tenantId, a.tenantId), inArray(products.externalId, recent)));
    clearServingModels();
    clearRecommendLookups();
    await trainWorkspaceModel(db, a, { asOf: new Date(STORE_CUTOFF) });
    await db.insert(placements).values({
      tenantId: a.tenantId,
      key: 'pinned',
      name: 'Pinned',
      scenario: 'for_you',
      count: 10,
      rules: { pins: [{ productId: store.productIds[42]!, position: 2 }] },
    });
    expect(
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(products)
          .where(gte(products.publishedAt, new Date(NOW - 30 * DAY)))
      )[0]?.n,
    ).toBe(15);
  });

  it('leaves the list exactly as the rules give it while the mitigation is off', async () => {
    const before = await ask();
    expect(before.items).toHaveLength(10);
    expect(before.items.flatMap((i) => i.reasons ?? []).some((r) => r.kind === 'fairness')).toBe(false);
    expect(ids(await ask())).toEqual(ids(before));
  });

  it('meets the new-product floor, says why, and keeps pins in their slot', async () => {
    const before = await ask();
    const shownNew = (r: RecommendationResult) => ids(r).filter((id) => fresh.has(id)).length;
    expect(shownNew(before)).toBeLessThan(4);
    await updateFairnessSettings(h().db, a, 'recommendations', {
      newItemFloor: '40',
      newItemDays: '30',
      smallBrandFloor: '0',
      calibration: '0',
    });
    const after = await ask();
    expect(after.items).toHaveLength(10);
    expect(shownNew(after)).toBeGreaterThanOrEqual(4);
    const moved = after.items.filter((i) => i.reasons?.some((r) => r.kind === 'fairness'));
    expect(moved.length).toBe(4 - shownNew(before));
    for (const m of moved) expect(fresh.has(m.externalId)).toBe(true);
    // Unmoved items keep their relative order.
    const kept = ids(after).filter((id) => !moved.some((m) => m.externalId === id));
    expect(kept).toEqual(ids(before).filter((id) => kept.includes(id)));
    const pinned = await ask({ placement: 'pinned' });
    expect(pinned.items[1]?.externalId).toBe(store.externalIds[42]);
    expect(ids(pinned).filter((id) => fresh.has(id)).length).toBeGreaterThanOrEqual(4);
  });
});
