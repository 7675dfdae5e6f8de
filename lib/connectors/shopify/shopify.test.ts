// The Shopify client and source against a local fake shop speaking Admin GraphQL shapes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors';
import { FakeShopify } from '../testing/fake-shopify';
import { gqlCustomer, gqlLine, gqlOrder, gqlProduct } from '../testing/shopify-data';
import type { Page, Resource, StoreInfo } from '../types';
import { ShopifyClient } from './client';
import { PAGE_SIZES } from './queries';
import { shopifySource } from './source';

const STORE: StoreInfo = { name: 'Fake Outfitters', currency: 'EUR', locale: 'en' };
const fake = new FakeShopify();
let origin = '';

function client(token = fake.accessToken) {
  return new ShopifyClient({
    origin,
    accessToken: token,
    http: { sleep: fake.clock.sleep, now: fake.clock.nowFn, baseDelayMs: 100, maxRetries: 3 },
  });
}

async function readAll<R extends Resource>(resource: R, since: Date | null = null) {
  const source = shopifySource(client(), STORE);
  const pages: Extract<Page, { resource: R }>[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await source.fetchPage(resource, cursor, since);
    pages.push(page as Extract<Page, { resource: R }>);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  origin = await fake.start();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.products.length = 0;
  fake.customers.length = 0;
  fake.orders.length = 0;
  fake.log.length = 0;
  fake.faults.length = 0;
  fake.clock.sleeps.length = 0;
  fake.intercept = null;
  fake.drainBucket(1000);
});

describe('Shopify Admin GraphQL client', () => {
  it('reads the shop, its currency and primary locale', async () => {
    const info = await shopifySource(client(), null).info();
    expect(info).toEqual({ name: 'Fake Outfitters', currency: 'EUR', locale: 'en' });
  });

  it('pages through products with cursors and maps them', async () => {
    for (let i = 1; i <= 60; i++)
      fake.products.push({ node: gqlProduct(i), updatedAt: gqlProduct(i).updatedAt });
    const pages = await readAll('products');
    expect(pages).toHaveLength(Math.ceil(60 / PAGE_SIZES.products));
    const records = pages.flatMap((p) => p.records);
    expect(records).toHaveLength(60);
    expect(new Set(records.map((r) => r.externalId)).size).toBe(60);
    const afters = fake.log.filter((l) => l.operation === 'TailorProducts').map((l) => l.variables.after);
    expect(afters[0]).toBeNull();
    expect(afters.slice(1).every((a) => typeof a === 'string')).toBe(true);
    expect(records.find((r) => r.externalId === '1003')).toEqual({
      externalId: '1003',
      title: { en: 'Linen shirt 3' },
      description: { en: 'A light linen shirt, number 3.' },
      categoryPath: ['Apparel & Accessories', 'Clothing', 'Shirts'],
      brand: 'Fake Mills',
      priceMinor: 1300,
      currency: 'EUR',
      stock: 8,
      attributes: { handle: 'linen-shirt-3', productType: 'Shirts', tags: 'linen, summer', sku: 'SKU-3' },
      imageUrls: ['https://cdn.example.test/p/3.jpg'],
      status: 'active',
      publishedAt: new Date('2024-01-15T10:00:00Z'),
    });
  });

  it('asks only for items updated since the last run, and counts them', async () => {
    fake.products.push({ node: gqlProduct(1), updatedAt: '2024-01-01T00:00:00Z' });
    fake.products.push({ node: gqlProduct(2), updatedAt: '2024-06-01T00:00:00Z' });
    const since = new Date('2024-03-01T00:00:00Z');
    const pages = await readAll('products', since);
    expect(pages.flatMap((p) => p.records).map((r) => r.externalId)).toEqual(['1002']);
    expect(fake.log.at(-1)?.variables.query).toBe("updated_at:>'2024-03-01T00:00:00Z'");
    const source = shopifySource(client(), STORE);
    expect(await source.count('products', since)).toBe(1);
    expect(await source.count('products', null)).toBe(2);
  });

  it('skips malformed records with a counted reason instead of failing the page', async () => {
    fake.products.push({ node: gqlProduct(1), updatedAt: '2024-01-01T00:00:00Z' });
    fake.products.push({ node: gqlProduct(2, { id: 'not-a-gid' }), updatedAt: '2024-01-02T00:00:00Z' });
    fake.products.push({ node: gqlProduct(3, { title: '  ' }), updatedAt: '2024-01-03T00:00:00Z' });
    fake.products.push({
      node: gqlProduct(4, { priceRangeV2: { minVariantPrice: { amount: 'free', currencyCode: 'EUR' } } }),
      updatedAt: '2024-01-04T00:00:00Z',
    });
    const [page] = await readAll('products');
    expect(page?.records.map((r) => r.externalId)).toEqual(['1001']);
    expect(page?.skipped).toEqual({
      'product without a valid id': 1,
      'product without a title': 1,
      'product with a missing or invalid price': 1,
    });
  });

  it('maps customers, and orders with refunds, cancellations and long line lists', async () => {
    fake.customers.push({ node: gqlCustomer(1), updatedAt: '2024-01-01T00:00:00Z' });
    const many = Array.from({ length: 130 }, (_, i) => gqlLine(5000 + i, (i % 3) + 1, 1, '2.50'));
    fake.orders.push(
      { node: gqlOrder(1), updatedAt: '2024-01-01T00:00:00Z' },
      {
        node: gqlOrder(2, {
          displayFinancialStatus: 'PARTIALLY_REFUNDED',
          refunds: [{ totalRefundedSet: { shopMoney: { amount: '5.00' } } }],
        }),
        updatedAt: '2024-01-02T00:00:00Z',
      },
      { node: gqlOrder(3, { displayFinancialStatus: 'REFUNDED' }), updatedAt: '2024-01-03T00:00:00Z' },
      { node: gqlOrder(4, { cancelledAt: '2024-01-05T00:00:00Z' }), updatedAt: '2024-01-04T00:00:00Z' },
      {
        node: {
          ...gqlOrder(5, {
            totalPriceSet: { shopMoney: { amount: '325.00', currencyCode: 'EUR' } },
            customer: null,
            lineItems: {
              pageInfo: { hasNextPage: true, endCursor: Buffer.from('cursor:24').toString('base64') },
              nodes: many.slice(0, 25),
            },
          }),
          __allLines: many,
        },
        updatedAt: '2024-01-05T00:00:00Z',
      },
    );
    const [customers] = await readAll('customers');
    expect(customers?.records).toEqual([
      {
        externalId: '2001',
        email: 'customer1@example.test',
        name: 'Ada Number1',
        country: 'DE',
        locale: 'en',
        attributes: { state: 'enabled' },
        firstSeenAt: new Date('2024-01-15T10:00:00Z'),
      },
    ]);
    const orders = (await readAll('orders')).flatMap((p) => p.records);
    const byId = Object.fromEntries(orders.map((o) => [o.externalId, o]));
    expect(byId['3001']).toMatchObject({
      shopperExternalId: '2001',
      status: 'paid',
      totalMinor: 2200,
      currency: 'EUR',
      country: 'FR',
      lines: [{ productExternalId: '1001', quantity: 2, unitPriceMinor: 1100 }],
    });
    expect(byId['3002']).toMatchObject({ status: 'paid', totalMinor: 1700 });
    expect(byId['3003']).toMatchObject({ status: 'refunded', totalMinor: 2200 });
    expect(byId['3004']).toMatchObject({ status: 'cancelled' });
    expect(byId['3005']?.shopperExternalId).toBeNull();
    expect(byId['3005']?.lines).toHaveLength(130);
    expect(fake.log.filter((l) => l.operation === 'TailorOrderLines')).toHaveLength(2);
  });

  it('retries a THROTTLED answer after the wait its throttleStatus implies', async () => {
    fake.products.push({ node: gqlProduct(1), updatedAt: gqlProduct(1).updatedAt });
    fake.drainBucket(100);
    const [page] = await readAll('products');
    expect(page?.records).toHaveLength(1);
    expect(fake.log.map((l) => l.throttled)).toEqual([true, false]);
    // 752 points requested, 100 available, restored at 50 per second: about 13 s.
    expect(fake.clock.sleeps).toEqual([13_040]);
  });

  it('waits before a call the bucket cannot afford instead of being throttled', async () => {
    for (let i = 1; i <= 30; i++)
      fake.products.push({ node: gqlProduct(i), updatedAt: gqlProduct(i).updatedAt });
    fake.drainBucket(800);
    const c = client();
    const source = shopifySource(c, STORE);
    const first = await source.fetchPage('products', null, null);
    fake.log.length = 0;
    fake.clock.sleeps.length = 0;
    expect(c.throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 50 });
    await source.fetchPage('products', first.nextCursor, null);
    expect(fake.log.map((l) => l.throttled)).toEqual([false]);
    // 800 − 251 spent = 549 left; 752 needed at 50 per second: about 4 s.
    expect(fake.clock.sleeps).toHaveLength(1);
    expect(fake.clock.sleeps).toEqual([4_060]);
  });

  it('honours 429 Retry-After and backs off on 5xx, then succeeds', async () => {
    fake.products.push({ node: gqlProduct(1), updatedAt: gqlProduct(1).updatedAt });
    fake.faults.push(
      { kind: 'http', status: 429, retryAfter: '2' },
      { kind: 'http', status: 503 },
      { kind: 'http', status: 502 },
    );
    const [page] = await readAll('products');
    expect(page?.records).toHaveLength(1);
    expect(fake.log.map((l) => l.status)).toEqual([429, 503, 502, 200]);
    expect(fake.clock.sleeps[0]).toBe(2000);
    expect(fake.clock.sleeps[1]).toBeGreaterThanOrEqual(200);
    expect(fake.clock.sleeps[2]).toBeGreaterThanOrEqual(400);
  });

  it('gives up after bounded retries with a safe, retryable error', async () => {
    fake.faults.push(...Array.from({ length: 10 }, () => ({ kind: 'http' as const, status: 500 })));
    const error = await shopifySource(client(), STORE)
      .fetchPage('products', null, null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).message).toBe(
      'The Shopify store kept answering HTTP 500 after 4 tries.',
    );
    expect((error as ConnectorError).retryable).toBe(true);
    expect(fake.log).toHaveLength(4);
  });

  it('reports a rejected token without retrying and without the token in the message', async () => {
    const error = await shopifySource(client('shpat_wrong'), STORE)
      .info()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).retryable).toBe(false);
    expect((error as Error).message).toMatch(/rejected the access token/);
    expect((error as Error).message).not.toContain('shpat_wrong');
    expect(fake.log).toHaveLength(0); // 401 is answered before the GraphQL log
  });

  it('treats a non-JSON answer as a retryable error', async () => {
    fake.faults.push({ kind: 'garbage' });
    await expect(shopifySource(client(), STORE).fetchPage('products', null, null)).rejects.toThrow(
      /not JSON/,
    );
  });

  it('stops waiting when the sync is cancelled', async () => {
    const controller = new AbortController();
    const c = new ShopifyClient({
      origin,
      accessToken: fake.accessToken,
      http: {
        sleep: (_ms, signal) =>
          new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
      },
    });
    fake.faults.push({ kind: 'http', status: 503 });
    const pending = shopifySource(c, STORE).fetchPage('products', null, null, controller.signal);
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(pending).rejects.toThrow('cancelled');
  });
});
