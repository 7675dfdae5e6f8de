// Webhook deliveries through the real handler: signatures, replays, topics, privacy requests
// and tenant isolation. Both database drivers.
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orders, privacyRequests, products, shoppers, webhookDeliveries } from '@/db/schema';
import { lookupHash } from '@/lib/privacy/pii';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { FakeShopify } from './testing/fake-shopify';
import { FakeWooCommerce, wooProduct } from './testing/fake-woocommerce';
import { connectFakeShopify, connectFakeWoo, countRows, dailyCounts } from './testing/fixtures';
import { setTestEncryptionKeys } from './testing/keys';
import { VirtualClock } from './testing/server';
import { restOrder, restProduct } from './testing/shopify-data';
import { webhookRequest } from './testing/webhooks';
import { MAX_WEBHOOK_BYTES, handleWebhook } from './webhooks';

const SHOP_SECRET = 'shpss_webhook_secret';
const WOO_SECRET = 'woo webhook secret';

describe.each(testDrivers())('store webhooks (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  const shop = new FakeShopify();
  const woo = new FakeWooCommerce();
  let shopOrigin = '';
  let wooOrigin = '';

  const shopify = (id: string, d: Parameters<typeof webhookRequest>[2]) =>
    handleWebhook('shopify', id, webhookRequest('shopify', id, d), { db: db() });
  const wc = (id: string, d: Parameters<typeof webhookRequest>[2]) =>
    handleWebhook('woocommerce', id, webhookRequest('woocommerce', id, d), { db: db() });

  async function product(tenantId: string, externalId: string) {
    const [row] = await db()
      .select()
      .from(products)
      .where(and(eq(products.tenantId, tenantId), eq(products.externalId, externalId)));
    return row ?? null;
  }

  beforeAll(async () => {
    setTestEncryptionKeys();
    shopOrigin = await shop.start();
    wooOrigin = await woo.start();
  });
  afterAll(async () => {
    await shop.stop();
    await woo.stop();
  });

  it('Shopify: applies a signed delivery once; bad, missing and foreign signatures change nothing', async () => {
    const { ctx } = await createTestTenant(db(), 'hook');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);
    const body = restProduct(1);

    for (const bad of [
      { secret: 'wrong secret' },
      { secret: null },
      { secret: SHOP_SECRET, signature: 'AAAA' },
      { secret: SHOP_SECRET, signature: '' },
    ]) {
      const res = await shopify(conn.id, { topic: 'products/update', body, ...bad });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    }
    expect(await countRows(db(), ctx.tenantId)).toMatchObject({ products: 0 });
    expect(
      await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.tenantId, ctx.tenantId)),
    ).toHaveLength(0);

    const ok = await shopify(conn.id, {
      topic: 'products/update',
      body,
      secret: SHOP_SECRET,
      deliveryId: 'd-1',
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, result: 'applied', accepted: 1 });
    expect(await product(ctx.tenantId, '1001')).toMatchObject({
      title: { en: 'Linen shirt 1' },
      description: { en: 'A light linen shirt, number 1.' },
      priceMinor: 1300,
      currency: 'EUR',
      stock: 5,
      status: 'active',
    });

    // A replay of the same delivery id is acknowledged and not applied again.
    const replay = await shopify(conn.id, {
      topic: 'products/update',
      body: { ...body, title: 'Changed in a replay' },
      secret: SHOP_SECRET,
      deliveryId: 'd-1',
    });
    expect(await replay.json()).toEqual({ ok: true, result: 'duplicate' });
    expect((await product(ctx.tenantId, '1001'))?.title).toEqual({ en: 'Linen shirt 1' });
    expect(await dailyCounts(db(), ctx.tenantId, 'webhook')).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('Shopify: deletes archive, orders arrive with lines, malformed payloads are counted', async () => {
    const { ctx } = await createTestTenant(db(), 'hook-topics');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);
    const send = (topic: string, body: unknown) => shopify(conn.id, { topic, body, secret: SHOP_SECRET });
    await send('products/create', restProduct(1));
    expect((await (await send('products/delete', { id: 1001 })).json()).result).toBe('applied');
    expect((await product(ctx.tenantId, '1001'))?.status).toBe('archived');

    await send('orders/create', restOrder(1));
    const partial = restOrder(1, {
      financial_status: 'partially_refunded',
      refunds: [{ id: 1, transactions: [{ kind: 'refund', status: 'success', amount: '10.00' }] }],
    });
    await send('orders/updated', partial);
    const [order] = await db()
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, ctx.tenantId), eq(orders.externalId, '3001')));
    expect(order).toMatchObject({ status: 'paid', totalMinor: 2000, source: 'shopify', country: 'DE' });

    const broken = await shopify(conn.id, {
      topic: 'orders/create',
      body: '{"id": 12,',
      secret: SHOP_SECRET,
    });
    expect(await broken.json()).toEqual({ ok: true, result: 'skipped', reason: 'malformed webhook payload' });
    const noTotal = await send('orders/create', restOrder(2, { total_price: null }));
    expect((await noTotal.json()).reason).toBe('order with a missing or invalid total');
    const ignored = await send('app/uninstalled', { id: 1 });
    expect(await ignored.json()).toEqual({ ok: true, result: 'ignored' });
    expect(await dailyCounts(db(), ctx.tenantId, 'webhook')).toEqual({
      accepted: 4,
      rejected: 2,
      reasons: { 'malformed webhook payload': 1, 'order with a missing or invalid total': 1 },
    });
  });

  it('Shopify privacy topics: file requests in the privacy center; customers/redact and shop/redact erase', async () => {
    const { ctx } = await createTestTenant(db(), 'hook-privacy');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);
    await shopify(conn.id, {
      topic: 'customers/update',
      body: {
        id: 2001,
        email: 'Ada@Example.test',
        first_name: 'Ada',
        last_name: 'L',
        default_address: { country_code: 'gb' },
      },
      secret: SHOP_SECRET,
    });
    const customer = async () =>
      (
        await db()
          .select({ emailHash: shoppers.emailHash, country: shoppers.country })
          .from(shoppers)
          .where(and(eq(shoppers.tenantId, ctx.tenantId), eq(shoppers.externalId, '2001')))
      )[0];
    expect(await customer()).toEqual({
      emailHash: await lookupHash(db(), ctx.tenantId, 'ada@example.test'),
      country: 'GB',
    });

    const shopDomain = 'fake-outfitters.myshopify.com';
    const customerBody = { id: 2001, email: 'ada@example.test', phone: null };
    await shopify(conn.id, {
      topic: 'customers/data_request',
      body: {
        shop_id: 1,
        shop_domain: shopDomain,
        customer: customerBody,
        orders_requested: [3001, 3002],
        data_request: { id: 9 },
      },
      secret: SHOP_SECRET,
    });
    const requests = () =>
      db()
        .select()
        .from(privacyRequests)
        .where(eq(privacyRequests.tenantId, ctx.tenantId))
        .orderBy(privacyRequests.createdAt);
    const [access] = await requests();
    expect(access).toMatchObject({
      kind: 'access',
      status: 'received',
      regulation: 'gdpr',
      source: 'shopify_webhook',
      details: expect.objectContaining({
        topic: 'customers/data_request',
        ordersRequested: 2,
        dataRequestId: '9',
      }),
    });
    expect(access?.shopperId).not.toBeNull();
    expect(access?.contactEnc).toMatch(/^f\d+:/);

    const redact = await shopify(conn.id, {
      topic: 'customers/redact',
      body: { shop_id: 1, shop_domain: shopDomain, customer: customerBody, orders_to_redact: [3001] },
      secret: SHOP_SECRET,
    });
    expect(await redact.json()).toEqual({ ok: true, result: 'applied', accepted: 1 });
    expect(await customer()).toBeUndefined();
    const erasure = (await requests())[1];
    expect(erasure).toMatchObject({
      kind: 'erasure',
      status: 'completed',
      shopperId: null,
      contactEnc: null,
    });
    expect(erasure?.verification).toMatchObject({ method: 'store_webhook' });
    expect(erasure?.result).toMatchObject({ verification: { remaining: 0 } });

    // Another customer of the store, then the whole store is redacted.
    await shopify(conn.id, {
      topic: 'customers/update',
      body: { id: 2002, email: 'bo@example.test', first_name: 'Bo', last_name: 'K' },
      secret: SHOP_SECRET,
    });
    await shopify(conn.id, {
      topic: 'shop/redact',
      body: { shop_id: 1, shop_domain: shopDomain },
      secret: SHOP_SECRET,
    });
    const shopErasure = (await requests())[2];
    expect(shopErasure).toMatchObject({
      kind: 'erasure',
      status: 'completed',
      details: expect.objectContaining({ scope: 'shop', shopDomain }),
      result: expect.objectContaining({ scope: 'shop', shoppers: 1 }),
    });
    const storeShoppers = await db()
      .select({ id: shoppers.id })
      .from(shoppers)
      .where(and(eq(shoppers.tenantId, ctx.tenantId), isNotNull(shoppers.externalId)));
    expect(storeShoppers).toEqual([]);
    const entries = await db()
      .select({
        action: auditLog.action,
        details: auditLog.details,
        actor: auditLog.actorLabel,
        targetId: auditLog.targetId,
      })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, 'connection.privacy_request')))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.details.topic)).toEqual([
      'customers/data_request',
      'customers/redact',
      'shop/redact',
    ]);
    const all = await requests();
    expect(entries[0]?.details).toMatchObject({ orders: 2, request: all[0]?.id });
    expect(entries[1]?.details).toMatchObject({ orders: 1, request: all[1]?.id });
    expect(entries[2]?.details).toMatchObject({ request: all[2]?.id });
    expect(entries.every((e) => e.targetId === conn.id && e.actor.startsWith('Shopify webhook'))).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('ada@example.test');
    expect(JSON.stringify(entries)).not.toContain('2001');
    expect(JSON.stringify(all)).not.toContain('ada@example.test');
  });

  it('WooCommerce: signature, ping, replay and deletions', async () => {
    const { ctx } = await createTestTenant(db(), 'hook-woo');
    const conn = await connectFakeWoo(db(), ctx, woo, wooOrigin, new VirtualClock().sleep);
    const ping = await handleWebhook(
      'woocommerce',
      conn.id,
      new Request('http://127.0.0.1/x', {
        method: 'POST',
        body: 'webhook_id=15',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      { db: db() },
    );
    expect(await ping.json()).toEqual({ ok: true, result: 'ping' });

    const bad = await wc(conn.id, { topic: 'product.updated', body: wooProduct(1), secret: 'nope' });
    expect(bad.status).toBe(401);
    const good = await wc(conn.id, {
      topic: 'product.updated',
      body: wooProduct(1),
      secret: WOO_SECRET,
      deliveryId: '42',
    });
    expect(await good.json()).toMatchObject({ result: 'applied' });
    const again = await wc(conn.id, {
      topic: 'product.updated',
      body: wooProduct(1),
      secret: WOO_SECRET,
      deliveryId: '42',
    });
    expect(await again.json()).toEqual({ ok: true, result: 'duplicate' });
    expect((await product(ctx.tenantId, '501'))?.priceMinor).toBe(900);
    await wc(conn.id, { topic: 'product.deleted', body: { id: 501 }, secret: WOO_SECRET });
    expect((await product(ctx.tenantId, '501'))?.status).toBe('archived');
  });

  it('isolates tenants: a connection only accepts its own secret and writes only into its workspace', async () => {
    const a = await createTestTenant(db(), 'hook-a');
    const b = await createTestTenant(db(), 'hook-b');
    const connA = await connectFakeShopify(db(), a.ctx, shop, shopOrigin, { webhookSecret: 'secret-of-a' });
    const connB = await connectFakeShopify(db(), b.ctx, shop, shopOrigin, { webhookSecret: 'secret-of-b' });

    // B's secret cannot sign for A's connection.
    const forged = await shopify(connA.id, {
      topic: 'products/create',
      body: restProduct(7),
      secret: 'secret-of-b',
    });
    expect(forged.status).toBe(401);
    // A delivery for A lands in A only, even with the same delivery id as one of B's.
    await shopify(connB.id, {
      topic: 'products/create',
      body: restProduct(8),
      secret: 'secret-of-b',
      deliveryId: 'same',
    });
    const res = await shopify(connA.id, {
      topic: 'products/create',
      body: restProduct(7),
      secret: 'secret-of-a',
      deliveryId: 'same',
    });
    expect(await res.json()).toMatchObject({ result: 'applied' });
    expect(await product(a.ctx.tenantId, '1007')).not.toBeNull();
    expect(await product(b.ctx.tenantId, '1007')).toBeNull();
    expect(await product(a.ctx.tenantId, '1008')).toBeNull();

    // The WooCommerce route does not know a Shopify connection; unknown ids are 404.
    expect(
      (await wc(connA.id, { topic: 'product.updated', body: wooProduct(1), secret: 'secret-of-a' })).status,
    ).toBe(404);
    expect(
      (
        await shopify('00000000-0000-4000-8000-000000000000', {
          topic: 'products/create',
          body: {},
          secret: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await shopify('not-a-uuid', { topic: 'products/create', body: {}, secret: 'x' })).status).toBe(
      404,
    );
  });

  it('refuses oversized bodies before looking at them', async () => {
    const { ctx } = await createTestTenant(db(), 'hook-big');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin);
    const body = JSON.stringify({ id: 1, title: 'x'.repeat(MAX_WEBHOOK_BYTES) });
    const res = await shopify(conn.id, { topic: 'products/create', body, secret: SHOP_SECRET });
    expect(res.status).toBe(413);
    expect(await countRows(db(), ctx.tenantId)).toMatchObject({ products: 0 });
  });

  it('refuses deliveries when no webhook secret was saved', async () => {
    const { ctx } = await createTestTenant(db(), 'hook-nosecret');
    const conn = await connectFakeShopify(db(), ctx, shop, shopOrigin, { webhookSecret: '' });
    const res = await shopify(conn.id, { topic: 'products/create', body: restProduct(1), secret: '' });
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/No webhook secret/);
  });
});
