import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orderLines, orders, products, shoppers } from '@/db/schema';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { withTenantTx } from '@/lib/tenant/context';
import type { OrderRecord, ProductRecord } from './records';
import { upsertOrders, upsertProducts, upsertShoppers } from './upsert';

const product = (id: string, extra: Partial<ProductRecord> = {}): ProductRecord => ({
  externalId: id,
  title: { en: `Product ${id}` },
  priceMinor: 1000,
  currency: 'EUR',
  ...extra,
});

const order = (id: string, extra: Partial<OrderRecord> = {}): OrderRecord => ({
  externalId: id,
  shopperExternalId: 'c1',
  status: 'paid',
  currency: 'EUR',
  totalMinor: 3000,
  placedAt: new Date('2026-01-02T03:04:05.678Z'),
  lines: [
    { productExternalId: 'p1', title: 'One', quantity: 1, unitPriceMinor: 1000 },
    { productExternalId: 'p2', title: 'Two', quantity: 2, unitPriceMinor: 1000 },
  ],
  ...extra,
});

describe.each(testDrivers())('upsert writers (%s)', (driver) => {
  const db = () => useTestDb().db;
  const useTestDb = useTestDatabase(driver);

  it('products: inserts, detects unchanged rows, updates changed ones, merges titles', async () => {
    const { ctx } = await createTestTenant(db());
    const many = Array.from({ length: 1203 }, (_, i) => product(`p${i}`, { brand: 'Acme' }));
    expect(await upsertProducts(db(), ctx, many)).toEqual({ inserted: 1203, updated: 0, unchanged: 0 });
    expect(await upsertProducts(db(), ctx, many)).toEqual({ inserted: 0, updated: 0, unchanged: 1203 });

    const changed = [
      product('p1', { priceMinor: 1200, brand: 'Acme' }),
      product('p2', { title: { de: 'Produkt p2' } }), // brand undefined → kept
      product('p3', { brand: null }), // null → cleared
      product('p4', { brand: 'Acme' }), // same
      product('new', { categoryPath: ['Home', 'Garden'], imageUrls: ['https://x.test/a "b".png'] }),
    ];
    expect(await upsertProducts(db(), ctx, changed)).toEqual({ inserted: 1, updated: 3, unchanged: 1 });
    const rows = await db()
      .select()
      .from(products)
      .where(and(eq(products.tenantId, ctx.tenantId)))
      .orderBy(asc(products.externalId));
    const by = new Map(rows.map((r) => [r.externalId, r]));
    expect(by.get('p1')).toMatchObject({ priceMinor: 1200, brand: 'Acme' });
    expect(by.get('p2')).toMatchObject({ title: { en: 'Product p2', de: 'Produkt p2' }, brand: 'Acme' });
    expect(by.get('p3')?.brand).toBeNull();
    expect(by.get('new')).toMatchObject({
      categoryPath: ['Home', 'Garden'],
      imageUrls: ['https://x.test/a "b".png'],
      status: 'active',
      description: {},
    });
  });

  it('products: a repeated external id in one call keeps the last record', async () => {
    const { ctx } = await createTestTenant(db());
    const r = await upsertProducts(db(), ctx, [
      product('a', { priceMinor: 1 }),
      product('a', { priceMinor: 2 }),
    ]);
    expect(r).toEqual({ inserted: 1, updated: 0, unchanged: 1 });
    const [row] = await db().select().from(products).where(eq(products.tenantId, ctx.tenantId));
    expect(row?.priceMinor).toBe(2);
  });

  it('shoppers: upsert by external id; firstSeenAt only moves earlier', async () => {
    const { ctx } = await createTestTenant(db());
    const early = new Date('2025-01-01T00:00:00Z');
    const late = new Date('2025-06-01T00:00:00Z');
    expect(
      await upsertShoppers(db(), ctx, [
        { externalId: 's1', country: 'DE', firstSeenAt: late },
        { externalId: 's2', country: 'FR', firstSeenAt: late },
      ]),
    ).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(
      await upsertShoppers(db(), ctx, [
        { externalId: 's1', country: 'DE', firstSeenAt: early },
        { externalId: 's2', country: 'FR', firstSeenAt: late },
      ]),
    ).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await upsertShoppers(db(), ctx, [{ externalId: 's1', country: 'DE', firstSeenAt: late }])).toEqual(
      { inserted: 0, updated: 0, unchanged: 1 },
    );
    const rows = await db().select().from(shoppers).where(eq(shoppers.tenantId, ctx.tenantId));
    expect(rows.find((r) => r.externalId === 's1')).toMatchObject({ kind: 'customer', firstSeenAt: early });
  });

  it('orders: resolve shoppers and products, replace lines on change, leave unchanged orders alone', async () => {
    const { ctx } = await createTestTenant(db());
    await upsertProducts(db(), ctx, [product('p1')]);
    const first = await withTenantTx(db(), ctx, (tx) =>
      upsertOrders(tx, ctx, [order('o1'), order('o2', { shopperExternalId: null })], { source: 'import' }),
    );
    expect(first).toEqual({ inserted: 2, updated: 0, unchanged: 0, shoppersCreated: 1 });
    expect(
      await upsertOrders(db(), ctx, [order('o1'), order('o2', { shopperExternalId: null })], {
        source: 'import',
      }),
    ).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
      shoppersCreated: 0,
    });

    const o1 = (await db().select().from(orders).where(eq(orders.tenantId, ctx.tenantId))).find(
      (o) => o.externalId === 'o1',
    )!;
    expect(o1).toMatchObject({ source: 'import', totalMinor: 3000 });
    expect(o1.shopperId).not.toBeNull();
    const lines = await db()
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.tenantId, ctx.tenantId), eq(orderLines.orderId, o1.id)))
      .orderBy(asc(orderLines.lineNo));
    expect(lines.map((l) => [l.lineNo, l.productExternalId, l.productId !== null])).toEqual([
      [1, 'p1', true],
      [2, 'p2', false], // unknown product: kept by external id
    ]);

    // A line change alone is detected; the lines are replaced, not appended.
    const edited = order('o1', {
      lines: [{ productExternalId: 'p1', title: 'One', quantity: 5, unitPriceMinor: 1000 }],
      totalMinor: 5000,
    });
    expect(await upsertOrders(db(), ctx, [edited], { source: 'import' })).toMatchObject({ updated: 1 });
    const after = await db()
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.tenantId, ctx.tenantId), eq(orderLines.orderId, o1.id)));
    expect(after.map((l) => l.quantity)).toEqual([5]);

    // Importing product p2 later links the line of o2 that named it.
    await upsertProducts(db(), ctx, [product('p2')]);
    const o2 = (await db().select().from(orders).where(eq(orders.tenantId, ctx.tenantId))).find(
      (o) => o.externalId === 'o2',
    )!;
    expect(o2.shopperId).toBeNull();
    const o2lines = await db()
      .select()
      .from(orderLines)
      .where(and(eq(orderLines.tenantId, ctx.tenantId), eq(orderLines.orderId, o2.id)));
    expect(o2lines.every((l) => l.productId !== null)).toBe(true);
  });

  it('keeps tenants apart: the same external ids are separate records', async () => {
    const a = await createTestTenant(db());
    const b = await createTestTenant(db());
    await upsertProducts(db(), a.ctx, [product('same', { priceMinor: 1 })]);
    expect(await upsertProducts(db(), b.ctx, [product('same', { priceMinor: 2 })])).toMatchObject({
      inserted: 1,
    });
    await withTenantTx(db(), b.ctx, (tx) => upsertOrders(tx, b.ctx, [order('o1')]));
    const aOrders = await db().select().from(orders).where(eq(orders.tenantId, a.ctx.tenantId));
    expect(aOrders).toEqual([]);
    const [pa] = await db().select().from(products).where(eq(products.tenantId, a.ctx.tenantId));
    expect(pa?.priceMinor).toBe(1);
  });
});
