// Recommendation explanations (issue 8) on a real database with a small trained model: every
// item's reasons with shares that add up, counterfactual lists for a shopper, the per-item
// explanation, and another workspace seeing none of it.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { shoppers } from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { clearRecommendLookups } from '../serve/lookups';
import { clearServingModels } from '../serve/registry';
import { type SeededStore, seedSyntheticStore } from '../serve/test-seed';
import { getRecommendations } from '../service';
import { STORE_CUTOFF } from '../test-store';
import { trainWorkspaceModel } from '../train/service';
import { explainItem } from './item';
import { recommendationCounterfactuals } from './service';

describe.each(testDrivers())('recommendation explanations (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  let store: SeededStore;
  let shopperId = '';

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'rxa')).ctx;
    b = (await createTestTenant(db, 'rxb')).ctx;
    store = await seedSyntheticStore(db, a);
    clearServingModels();
    clearRecommendLookups();
    await trainWorkspaceModel(db, a, { asOf: new Date(STORE_CUTOFF) });
    const [row] = await db
      .select({ id: shoppers.id })
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, a.tenantId), eq(shoppers.externalId, store.customerIds[0]!)));
    shopperId = row!.id;
  });

  it('gives each blended item all its reasons, with contributions that sum to 1', async () => {
    const r = await getRecommendations(h().db, a, {
      scenario: 'for_you',
      shopper: store.customerIds[0],
      cart: [],
      k: 10,
      explain: true,
      locale: 'en',
      nonPersonal: false,
      now: STORE_CUTOFF,
    });
    expect(r.items.length).toBe(10);
    for (const item of r.items) {
      const sum = item.reasons!.reduce((s, x) => s + x.contribution, 0);
      expect(sum).toBeCloseTo(1, 6);
      for (const x of item.reasons!) expect(x.text.length).toBeGreaterThan(0);
    }
    expect(r.items.some((i) => i.reasons!.length >= 2)).toBe(true);
  });

  it('recomputes the list without each of the shopper’s latest products', async () => {
    const report = await recommendationCounterfactuals(h().db, a, { shopperId, now: STORE_CUTOFF });
    expect(report.note).toBeUndefined();
    expect(report.live).toHaveLength(10);
    expect(report.changes.length).toBeGreaterThan(0);
    expect(report.changes.length).toBeLessThanOrEqual(8);
    expect(new Set(report.changes.map((c) => c.removed.productId)).size).toBe(report.changes.length);
    // Some interaction matters: its removal changes the list.
    expect(report.changes.some((c) => !c.unchanged)).toBe(true);
    for (const c of report.changes) {
      for (const l of c.left) expect(report.live[l.position - 1]?.productId).toBe(l.productId);
      for (const e of c.entered) expect(report.live.map((p) => p.productId)).not.toContain(e.productId);
    }
    const three = await recommendationCounterfactuals(h().db, a, { shopperId, limit: 3, now: STORE_CUTOFF });
    expect(three.changes).toHaveLength(3);
  });

  it('refuses scenarios that do not read history, and other workspaces’ shoppers', async () => {
    await expect(
      recommendationCounterfactuals(h().db, a, { shopperId, scenario: 'trending' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(recommendationCounterfactuals(h().db, b, { shopperId })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('explains one product, and nothing of another workspace’s', async () => {
    const e = await explainItem(h().db, a, store.productIds[0]!);
    expect(e).not.toBeNull();
    expect(e!.inModel).toBe(true);
    expect(e!.model?.version).toBeGreaterThan(0);
    expect(e!.neighbours.length).toBeGreaterThan(0);
    expect(e!.neighbours.every((n) => n.similarity > 0 && n.title.length > 0)).toBe(true);
    expect(e!.popularity?.decayed.of).toBeGreaterThan(0);
    expect(await explainItem(h().db, b, store.productIds[0]!)).toBeNull();
    expect(await explainItem(h().db, a, 'not-a-product')).toBeNull();
  });
});
