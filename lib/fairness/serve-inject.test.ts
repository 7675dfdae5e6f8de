// The serving floor with a model that never proposes a new product: new products nobody has bought
// yet are added from the catalog, through the placement's rules (stock, brand filters).
import { eq } from 'drizzle-orm';
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
/** New products in the first shopper's own category (taste cluster 0); the last two must never show. */
const NEW = [
  { externalId: 'new-ok-1', days: 6 },
  { externalId: 'new-ok-2', days: 7 },
  { externalId: 'new-ok-3', days: 8 },
  { externalId: 'new-out-of-stock', days: 1, stock: 0 },
  { externalId: 'new-banned', days: 1, brand: 'Banned' },
];

describe.each(testDrivers())('new products added by the serving floor (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let store: SeededStore;

  const ask = (placement?: string) =>
    getRecommendations(h().db, a, {
      scenario: placement ? undefined : 'for_you',
      placement,
      shopper: store.customerIds[0],
      nonPersonal: false,
      k: 10,
      explain: true,
      locale: 'en',
      cart: [],
      now: NOW,
    } as Parameters<typeof getRecommendations>[2]);
  const shownNew = (r: RecommendationResult) =>
    r.items.map((i) => i.externalId).filter((id) => id.startsWith('new-'));

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'fair-inject')).ctx;
    store = await seedSyntheticStore(db, a);
    await db
      .update(products)
      .set({ publishedAt: new Date(NOW - 400 * DAY) })
      .where(eq(products.tenantId, a.tenantId));
    await db.insert(products).values(
      NEW.map((p) => ({
        tenantId: a.tenantId,
        externalId: p.externalId,
        title: { en: p.externalId },
        categoryPath: ['Cluster', '0'],
        brand: p.brand ?? 'Acme',
        stock: p.stock ?? null,
        priceMinor: 900,
        currency: 'EUR',
        publishedAt: new Date(NOW - p.days * DAY),
      })),
    );
    clearServingModels();
    clearRecommendLookups();
    await trainWorkspaceModel(db, a, { asOf: new Date(STORE_CUTOFF) });
    await db.insert(placements).values({
      tenantId: a.tenantId,
      key: 'no-banned',
      name: 'No banned brand',
      scenario: 'for_you',
      count: 10,
      rules: { excludeBrands: ['Banned'] },
    });
  });

  it('shows no new product while the floor is off (the model has never seen one)', async () => {
    const before = await ask();
    expect(before.items).toHaveLength(10);
    expect(shownNew(before)).toEqual([]);
  });

  it('meets a 20 % floor at k = 10 with new products that pass the rules', async () => {
    await updateFairnessSettings(h().db, a, 'recommendations', {
      newItemFloor: '20',
      newItemDays: '30',
      smallBrandFloor: '0',
      calibration: '0',
    });
    const after = await ask();
    expect(after.items).toHaveLength(10);
    const added = shownNew(after);
    expect(added.length).toBeGreaterThanOrEqual(2);
    expect(added).not.toContain('new-out-of-stock');
    // The newest new product is the most relevant one here: only the brand filter below keeps it out.
    expect(added).toContain('new-banned');
    for (const id of added) {
      const item = after.items.find((i) => i.externalId === id)!;
      expect(item.reasons?.some((r) => r.kind === 'fairness')).toBe(true);
    }

    const filtered = await ask('no-banned');
    const fresh = shownNew(filtered);
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    expect(fresh).not.toContain('new-banned');
    expect(fresh).not.toContain('new-out-of-stock');
    expect(fresh.every((id) => id.startsWith('new-ok-'))).toBe(true);
  });
});
