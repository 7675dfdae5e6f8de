// Full and incremental syncs into the database, and resuming after a killed handler, against
// local fake stores. Both database drivers.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connections, orders, products, shoppers } from '@/db/schema';
import { getShopperPiiByExternalId } from '@/lib/privacy/pii-shoppers';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { openCredentials } from './credentials';
import { getConnectionWithSecrets } from './queries';
import { removeConnection } from './service';
import { readState } from './state';
import { type SyncDeps, syncConnection } from './sync';
import { FakeShopify } from './testing/fake-shopify';
import { FakeWooCommerce, wooCustomer, wooOrder, wooProduct } from './testing/fake-woocommerce';
import { connectFakeShopify, connectFakeWoo, countRows, dailyCounts, testRuntime } from './testing/fixtures';
import { TEST_KEY_V1, TEST_KEY_V2, setTestEncryptionKeys } from './testing/keys';
import { VirtualClock } from './testing/server';
import { gqlCustomer, gqlOrder, gqlProduct } from './testing/shopify-data';

function seedShop(fake: FakeShopify, productCount: number) {
  fake.products.length = 0;
  fake.customers.length = 0;
  fake.orders.length = 0;
  for (let i = 1; i <= productCount; i++) {
    const node = gqlProduct(i);
    fake.products.push({ node, updatedAt: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z` });
  }
  fake.products.push({ node: gqlProduct(900, { id: 'broken' }), updatedAt: '2024-02-01T00:00:00Z' });
  fake.products.push({ node: gqlProduct(901, { title: null }), updatedAt: '2024-02-02T00:00:00Z' });
  for (let i = 1; i <= 3; i++)
    fake.customers.push({ node: gqlCustomer(i), updatedAt: '2024-01-01T00:00:00Z' });
  for (let i = 1; i <= 5; i++) fake.orders.push({ node: gqlOrder(i), updatedAt: '2024-01-01T00:00:00Z' });
}

describe.each(testDrivers())('store sync (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  const shop = new FakeShopify();
  const woo = new FakeWooCommerce();
  const clock = new VirtualClock();
  let shopOrigin = '';
  let wooOrigin = '';
  const deps = (): SyncDeps => ({
    http: { sleep: shop.clock.sleep, now: shop.clock.nowFn, baseDelayMs: 10, maxRetries: 3 },
    allowLocal: true,
  });

  beforeAll(async () => {
    setTestEncryptionKeys();
    shopOrigin = await shop.start();
    wooOrigin = await woo.start();
  });
  afterAll(async () => {
    await shop.stop();
    await woo.stop();
  });
  beforeEach(() => {
    shop.log.length = 0;
    shop.faults.length = 0;
    shop.intercept = null;
    shop.drainBucket(1000);
    woo.log.length = 0;
    woo.intercept = null;
  });

  it('Shopify: a full sync writes everything, then an incremental one only what changed', async () => {
    seedShop(shop, 30);
    const { ctx } = await createTestTenant(db(), 'shopsync');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);

    const rt = testRuntime(db(), ctx.tenantId);
    const first = await syncConnection(rt, conn.id, {}, deps());
    expect(first.resources.products).toMatchObject({ received: 30, inserted: 30, skipped: 2, full: true });
    expect(first.resources.customers).toMatchObject({ received: 3, inserted: 3 });
    expect(first.resources.orders).toMatchObject({ received: 5, inserted: 5 });
    expect(await countRows(db(), ctx.tenantId)).toEqual({ products: 30, shoppers: 3, orders: 5, lines: 5 });
    expect(rt.progressLog.at(-1)).toEqual([38, 40]); // 32 products counted, 2 of them malformed
    expect(await dailyCounts(db(), ctx.tenantId, 'shopify')).toEqual({
      accepted: 38,
      rejected: 2,
      reasons: { 'product without a valid id': 1, 'product without a title': 1 },
    });
    const [order] = await db()
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.externalId, '3001')));
    expect(order).toMatchObject({
      status: 'paid',
      totalMinor: 2200,
      currency: 'EUR',
      source: 'shopify',
      country: 'FR',
    });

    let row = await getConnectionWithSecrets(db(), ctx, conn.id);
    let state = readState(row?.syncState);
    expect(state.products).toMatchObject({ items: 30, run: null, lastRun: { full: true, received: 30 } });
    expect(state.store).toEqual({ name: 'Fake Outfitters', currency: 'EUR', locale: 'en' });
    expect(row?.lastSyncStartedAt).toBeInstanceOf(Date);

    // One product changes, one is added, in the store.
    const now = new Date().toISOString();
    shop.products[0] = {
      node: gqlProduct(1, { title: 'Linen shirt 1 (new season)', updatedAt: now }),
      updatedAt: now,
    };
    shop.products.push({ node: gqlProduct(31), updatedAt: now });
    shop.log.length = 0;
    // A new key version was added meanwhile: the sync re-encrypts the credentials under it.
    setTestEncryptionKeys(`${TEST_KEY_V1},${TEST_KEY_V2}`);
    const second = await syncConnection(testRuntime(db(), ctx.tenantId), conn.id, {}, deps());
    expect(second.resources.products).toMatchObject({ received: 2, inserted: 1, updated: 1, full: false });
    expect(second.resources.orders).toMatchObject({ received: 0 });
    const productQuery = shop.log.find((l) => l.operation === 'TailorProducts')?.variables.query;
    expect(productQuery).toMatch(/^updated_at:>'20\d\d-/);
    const [p1] = await db()
      .select({ title: products.title })
      .from(products)
      .where(and(eq(products.tenantId, ctx.tenantId), eq(products.externalId, '1001')));
    expect(p1?.title).toEqual({ en: 'Linen shirt 1 (new season)' });
    row = await getConnectionWithSecrets(db(), ctx, conn.id);
    state = readState(row?.syncState);
    expect(state.products?.items).toBe(31);
    expect(row?.keyVersion).toBe(2);
    expect(row?.credentials).toMatch(/^v2:/);
    expect(openCredentials(row!)).toMatchObject({ accessToken: shop.accessToken });
    setTestEncryptionKeys(TEST_KEY_V1);
    expect((await countRows(db(), ctx.tenantId)).products).toBe(31);
  });

  it('Shopify: a handler killed after 2 pages resumes from its cursor with exact counts', async () => {
    seedShop(shop, 60); // 62 product nodes: pages of 25, 25, 12
    const { ctx } = await createTestTenant(db(), 'shopcrash');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);

    const killed = testRuntime(db(), ctx.tenantId, { stopAfterPages: 2 });
    await expect(syncConnection(killed, conn.id, {}, deps())).rejects.toThrow('killed');
    expect((await countRows(db(), ctx.tenantId)).products).toBe(50);
    const cursorAfterTwo = shop.log.filter((l) => l.operation === 'TailorProducts' && !l.throttled)[1];
    expect(cursorAfterTwo?.variables.after).toEqual(expect.any(String));

    // The retry sees the saved checkpoint, like the job runner's next attempt.
    shop.log.length = 0;
    const retry = testRuntime(db(), ctx.tenantId, { checkpoint: killed.checkpoint });
    const result = await syncConnection(retry, conn.id, {}, deps());
    const productCalls = shop.log.filter((l) => l.operation === 'TailorProducts' && !l.throttled);
    expect(productCalls).toHaveLength(1); // only the third page was read again
    expect(productCalls[0]?.variables.after).not.toBeNull();
    expect(result.resources.products).toMatchObject({ received: 60, inserted: 60, updated: 0, skipped: 2 });
    expect(await countRows(db(), ctx.tenantId)).toEqual({ products: 60, shoppers: 3, orders: 5, lines: 5 });
    expect(await dailyCounts(db(), ctx.tenantId, 'shopify')).toMatchObject({ accepted: 68, rejected: 2 });
    expect(retry.progressLog.at(-1)).toEqual([68, 70]);
  });

  it('WooCommerce: full, incremental, and a run that failed mid-way resumes in a new job', async () => {
    for (const list of Object.values(woo.items)) list.length = 0;
    for (let i = 1; i <= 230; i++) woo.items.products.push(wooProduct(i));
    woo.items.products.push(wooProduct(999, { price: '', regular_price: '' }));
    for (let i = 1; i <= 4; i++) woo.items.customers.push(wooCustomer(i));
    woo.items.orders.push(wooOrder(1), wooOrder(2, { status: 'pending' }), wooOrder(3, { customer_id: 0 }));
    const { ctx } = await createTestTenant(db(), 'woosync');
    const conn = await connectFakeWoo(db(), ctx, woo, wooOrigin, clock.sleep);
    const wdeps: SyncDeps = {
      http: { sleep: clock.sleep, baseDelayMs: 10, maxRetries: 2 },
      allowLocal: true,
    };

    // Page 3 of products keeps failing: the run stops after two written pages.
    woo.intercept = (resource, params) =>
      resource === 'products' && params.page === '3' ? { status: 503, body: { code: 'down' } } : undefined;
    const failed = testRuntime(db(), ctx.tenantId);
    await expect(syncConnection(failed, conn.id, {}, wdeps)).rejects.toThrow(
      /kept answering HTTP 503 after 3 tries/,
    );
    expect((await countRows(db(), ctx.tenantId)).products).toBe(200);

    // A new job (no checkpoint) resumes from the position saved on the connection.
    woo.intercept = null;
    woo.log.length = 0;
    const result = await syncConnection(testRuntime(db(), ctx.tenantId), conn.id, {}, wdeps);
    const productPages = woo.log.filter((l) => l.path.endsWith('/products') && l.params.per_page === '100');
    expect(productPages.map((l) => l.params.page)).toEqual(['3']);
    expect(result.resources.products).toMatchObject({ received: 230, inserted: 230, skipped: 1, full: true });
    expect(result.resources.orders).toMatchObject({ received: 2, skipped: 1 });
    expect(await countRows(db(), ctx.tenantId)).toEqual({ products: 230, shoppers: 4, orders: 2, lines: 2 });
    expect(await dailyCounts(db(), ctx.tenantId, 'woocommerce')).toEqual({
      accepted: 236,
      rejected: 2,
      reasons: { 'product with a missing or invalid price': 1, 'order not placed yet (pending)': 1 },
    });
    const [guest] = await db()
      .select({ shopperId: orders.shopperId, source: orders.source })
      .from(orders)
      .where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.externalId, '903')));
    expect(guest).toEqual({ shopperId: null, source: 'woocommerce' });

    // Incremental: one order modified since.
    woo.items.orders[0] = wooOrder(1, {
      status: 'refunded',
      date_modified_gmt: new Date().toISOString().slice(0, 19),
    });
    woo.log.length = 0;
    const inc = await syncConnection(testRuntime(db(), ctx.tenantId), conn.id, {}, wdeps);
    expect(inc.resources.orders).toMatchObject({ received: 1, updated: 1, full: false });
    expect(inc.resources.products).toMatchObject({ received: 0 });
    expect(woo.log.find((l) => l.path.endsWith('/orders'))?.params.modified_after).toMatch(/^20\d\d-/);
    const [refunded] = await db()
      .select({ status: orders.status })
      .from(orders)
      .where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.externalId, '901')));
    expect(refunded?.status).toBe('refunded');
    const [customer] = await db()
      .select({ email: shoppers.email, name: shoppers.name, country: shoppers.country })
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, ctx.tenantId), eq(shoppers.externalId, '701')));
    // Personal fields are stored only encrypted (issue 7): no clear text, and they open again.
    expect(customer).toEqual({ email: null, name: null, country: 'NL' });
    expect(await getShopperPiiByExternalId(db(), ctx.tenantId, '701')).toEqual({
      email: 'buyer1@example.test',
      name: 'Grace Buyer1',
    });
  });

  it('stops quietly when the connection is removed during the sync (the page in flight is not kept)', async () => {
    seedShop(shop, 60);
    const { ctx } = await createTestTenant(db(), 'shopremove');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);
    let pages = 0;
    shop.intercept = (op) => {
      if (op === 'TailorProducts' && ++pages === 2) void removeConnection(db(), ctx, { id: conn.id });
      return undefined;
    };
    const result = await syncConnection(testRuntime(db(), ctx.tenantId), conn.id, {}, deps());
    expect(result.removed).toBe(true);
    expect((await countRows(db(), ctx.tenantId)).products).toBe(25);
    expect(await db().select().from(connections).where(eq(connections.id, conn.id))).toHaveLength(0);
  });
});
