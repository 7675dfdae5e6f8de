// Training, versioning, rollback and the registry against a real database, on the synthetic store.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import {
  auditLog,
  type ModelMetrics,
  orderLines,
  orders,
  products,
  recommendModels,
  shoppers,
} from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { clearServingModels, getServingModel, setRegistryOptions } from '../serve/registry';
import { recommendFromModel } from '../serve/recommend';
import { STORE_CUTOFF, syntheticStore } from '../test-store';
import { listModels } from './queries';
import { rollbackModel, trainWorkspaceModel } from './service';

/** Writes the synthetic store as products, customers and one paid order per purchase time. */
async function seedStore(db: Db, ctx: TenantContext): Promise<void> {
  const data = syntheticStore();
  const items = await db
    .insert(products)
    .values(
      data.itemIds.map((id) => ({
        tenantId: ctx.tenantId,
        externalId: id,
        title: { en: id },
        priceMinor: 500,
        currency: 'EUR',
      })),
    )
    .returning({ id: products.id });
  const people = await db
    .insert(shoppers)
    .values(
      data.shopperIds.map((id, s) => ({
        tenantId: ctx.tenantId,
        kind: 'customer',
        externalId: id,
        country: s % 2 ? 'DE' : 'FR',
      })),
    )
    .returning({ id: shoppers.id });
  const byOrder = new Map<string, number[]>();
  for (let e = 0; e < data.time.length; e++) {
    if (data.time[e]! >= STORE_CUTOFF) continue;
    const key = `${data.shopper[e]}:${data.time[e]}`;
    byOrder.set(key, [...(byOrder.get(key) ?? []), e]);
  }
  const entries = [...byOrder.values()];
  for (let from = 0; from < entries.length; from += 500) {
    const chunk = entries.slice(from, from + 500);
    const made = await db
      .insert(orders)
      .values(
        chunk.map((es, i) => ({
          tenantId: ctx.tenantId,
          externalId: `o${from + i}`,
          shopperId: people[data.shopper[es[0]!]!]!.id,
          status: 'paid',
          currency: 'EUR',
          totalMinor: 1,
          placedAt: new Date(data.time[es[0]!]!),
        })),
      )
      .returning({ id: orders.id });
    await db.insert(orderLines).values(
      chunk.flatMap((es, i) =>
        es.map((e, n) => ({
          tenantId: ctx.tenantId,
          orderId: made[i]!.id,
          lineNo: n + 1,
          productId: items[data.item[e]!]!.id,
          productExternalId: data.itemIds[data.item[e]!]!,
          quantity: 1,
          unitPriceMinor: 500,
        })),
      ),
    );
  }
}

describe.each(testDrivers())('recommendation training (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  const asOf = new Date(STORE_CUTOFF);

  beforeAll(async () => {
    a = (await createTestTenant(h().db, 'reca')).ctx;
    b = (await createTestTenant(h().db, 'recb')).ctx;
    await seedStore(h().db, a);
    clearServingModels();
  }, 120_000);

  it('writes a live version with metrics and an artefact; an empty workspace fails softly', async () => {
    const phases: string[] = [];
    const started = performance.now();
    const r = await trainWorkspaceModel(h().db, a, { asOf, progress: (p) => phases.push(p) });
    const ms = performance.now() - started;
    expect(r).toMatchObject({ version: 1, status: 'ready', live: true, note: null });
    expect(phases).toEqual(['loading', 'fitting', 'saving']);
    const [row] = await listModels(h().db, a);
    expect(row).toMatchObject({ version: 1, live: true, status: 'ready', shoppers: 180, items: 63 });
    expect(row!.metrics).toMatchObject({ validationDays: 28 });
    expect(row!.artefactBytes).toBeGreaterThan(1000);
    expect(Object.keys(row!.weights)).toContain('buy-again');
    // One quick figure for the report (never asserted).
    console.info(
      `train: ${Math.round(ms)} ms, artefact ${row!.artefactBytes} bytes, ndcg ${r.validationNdcg}`,
    );

    const empty = await trainWorkspaceModel(h().db, b, { asOf });
    expect(empty).toMatchObject({ status: 'failed', live: false });
    expect(await getServingModel(h().db, b.tenantId)).toBeNull();
  }, 120_000);

  it('keeps the live version when a new one validates worse, and rollback switches back', async () => {
    const model1 = await getServingModel(h().db, a.tenantId);
    expect(model1?.version).toBe(1);
    // Make version 1 look unbeatable: the next training must stay ready, not live.
    const [v1] = await listModels(h().db, a);
    await h()
      .db.update(recommendModels)
      .set({ metrics: { ...(v1!.metrics as ModelMetrics), validationNdcg: 2 } })
      .where(and(eq(recommendModels.tenantId, a.tenantId), eq(recommendModels.id, v1!.id)));
    const r2 = await trainWorkspaceModel(h().db, a, { asOf });
    expect(r2).toMatchObject({ version: 2, status: 'ready', live: false });
    expect(r2.note).toMatch(/below the live version 1/);

    await expect(rollbackModel(h().db, b, r2.versionId)).rejects.toMatchObject({ code: 'not_found' });
    const viewer = await createTestMember(h().db, a, 'viewer');
    await expect(rollbackModel(h().db, viewer, r2.versionId)).rejects.toMatchObject({ code: 'forbidden' });

    await rollbackModel(h().db, a, r2.versionId);
    const live = (await listModels(h().db, a)).filter((m) => m.live);
    expect(live.map((m) => m.version)).toEqual([2]);
    const audit = await h()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, a.tenantId), eq(auditLog.action, 'recommend.model_rolled_back')));
    expect(audit[0]?.details).toMatchObject({ version: 2, previousVersion: 1 });
    // Rollback invalidated the registry in-process: the next read serves version 2.
    const model2 = await getServingModel(h().db, a.tenantId);
    expect(model2?.version).toBe(2);
    expect(recommendFromModel(model2!, { scenario: 'trending', country: 'DE', k: 5 })).toHaveLength(5);
  }, 120_000);

  it('the registry reloads when another process changes the live version', async () => {
    setRegistryOptions({ revalidateMs: 0 });
    try {
      const db = h().db;
      const where = (version: number) =>
        and(eq(recommendModels.tenantId, a.tenantId), eq(recommendModels.version, version));
      await db.update(recommendModels).set({ live: false }).where(where(2));
      await db.update(recommendModels).set({ live: true }).where(where(1));
      expect((await getServingModel(db, a.tenantId))?.version).toBe(1);
    } finally {
      setRegistryOptions({ revalidateMs: 5_000 });
    }
  });

  it('tenant B never sees tenant A models', async () => {
    expect(await listModels(h().db, b)).toHaveLength(1); // its own failed version only
    expect(await getServingModel(h().db, b.tenantId)).toBeNull();
  });

  it('fits as of the end of the data when the history stopped long before today', async () => {
    // An imported history (e.g. a 2011 file trained in 2026): validation and recency decay must use
    // the last weeks that have data, or the validation NDCG is 0 and trending is empty.
    const c = (await createTestTenant(h().db, 'recc')).ctx;
    await seedStore(h().db, c);
    const late = new Date(asOf.getTime() + 365 * 86_400_000);
    const r = await trainWorkspaceModel(h().db, c, { asOf: late });
    expect(r.status).toBe('ready');
    expect(r.validationNdcg).toBeGreaterThan(0);
    const model = await getServingModel(h().db, c.tenantId);
    expect(model).not.toBeNull();
  }, 120_000);
});
