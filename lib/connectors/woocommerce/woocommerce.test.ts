// The WooCommerce client and source against a local fake store speaking REST v3 shapes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors';
import { FakeWooCommerce, wooCustomer, wooOrder, wooProduct } from '../testing/fake-woocommerce';
import { VirtualClock } from '../testing/server';
import type { Page, Resource, StoreInfo } from '../types';
import { WooClient } from './client';
import { WOO_PAGE_SIZE, wooSource } from './source';

const STORE: StoreInfo = { name: 'Fake Woo Store', currency: 'EUR', locale: 'nl' };
const fake = new FakeWooCommerce();
const clock = new VirtualClock();
let origin = '';

function client(over: Partial<{ consumerKey: string; consumerSecret: string }> = {}) {
  return new WooClient({
    baseUrl: origin,
    consumerKey: over.consumerKey ?? fake.consumerKey,
    consumerSecret: over.consumerSecret ?? fake.consumerSecret,
    http: { sleep: clock.sleep, baseDelayMs: 100, maxRetries: 3 },
  });
}

const source = () => wooSource(client(), STORE, { name: 'fallback', locale: 'nl' });

async function readAll<R extends Resource>(resource: R, since: Date | null = null) {
  const pages: Extract<Page, { resource: R }>[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await source().fetchPage(resource, cursor, since);
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
  for (const list of Object.values(fake.items)) list.length = 0;
  fake.log.length = 0;
  fake.faults.length = 0;
  clock.sleeps.length = 0;
});

describe('WooCommerce REST v3 client', () => {
  it('reads the store currency and site name', async () => {
    expect(await wooSource(client(), null, { name: 'fallback', locale: 'nl' }).info()).toEqual({
      name: 'Fake Woo Store',
      currency: 'EUR',
      locale: 'nl',
    });
  });

  it('pages with per_page/page until X-WP-TotalPages, keys in the query string on local http', async () => {
    for (let i = 1; i <= 250; i++) fake.items.products.push(wooProduct(i));
    const pages = await readAll('products');
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((p) => p.records)).toHaveLength(250);
    expect(fake.log.map((l) => l.params.page)).toEqual(['1', '2', '3']);
    expect(fake.log.every((l) => l.params.per_page === String(WOO_PAGE_SIZE) && l.auth === 'query')).toBe(
      true,
    );
    expect(await source().count('products', null)).toBe(250);
    expect(pages[0]?.records[0]).toEqual({
      externalId: '501',
      title: { nl: 'Ceramic mug 1' },
      description: { nl: 'A hand-made ceramic mug, number 1.' },
      categoryPath: ['Kitchen'],
      brand: null,
      priceMinor: 900,
      currency: 'EUR',
      stock: 10,
      attributes: { sku: 'MUG-1', slug: 'ceramic-mug-1', type: 'simple', tags: 'gift' },
      imageUrls: ['https://img.example.test/mug-1.jpg'],
      status: 'active',
      publishedAt: new Date('2024-01-15T10:00:00Z'),
    });
  });

  it('sends Basic auth over https (and never the keys in the URL)', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const stub: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
      return Response.json({ code: 'USD' });
    };
    const c = new WooClient({
      baseUrl: 'https://shop.example.test/store',
      consumerKey: 'ck_abc',
      consumerSecret: 'cs_def',
      http: { fetch: stub },
    });
    await c.get('data/currencies/current');
    expect(seen[0]?.url).toBe('https://shop.example.test/store/wp-json/wc/v3/data/currencies/current');
    expect(seen[0]?.auth).toBe(`Basic ${Buffer.from('ck_abc:cs_def').toString('base64')}`);
  });

  it('asks for products and orders modified after the last run', async () => {
    fake.items.orders.push(wooOrder(1), wooOrder(2, { date_modified_gmt: '2024-06-01T08:00:00' }));
    const since = new Date('2024-03-01T00:00:00Z');
    const records = (await readAll('orders', since)).flatMap((p) => p.records);
    expect(records.map((r) => r.externalId)).toEqual(['902']);
    expect(fake.log.at(-1)?.params).toMatchObject({
      modified_after: '2024-03-01T00:00:00',
      dates_are_gmt: 'true',
    });
    expect(await source().count('orders', since)).toBe(1);
  });

  it('reads only customers registered since the last run (the endpoint has no modified filter)', async () => {
    for (let i = 1; i <= 150; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      fake.items.customers.push(
        wooCustomer(i, { date_created_gmt: i > 140 ? `2024-07-${day}T00:00:00` : `2024-01-${day}T00:00:00` }),
      );
    }
    const records = (await readAll('customers', new Date('2024-06-01T00:00:00Z'))).flatMap((p) => p.records);
    expect(records).toHaveLength(10);
    expect(fake.log.at(-1)?.params).toMatchObject({ orderby: 'registered_date', order: 'desc' });
    expect(fake.log).toHaveLength(1);
    expect(await source().count('customers', new Date())).toBeNull();
  });

  it('maps order statuses, guests, refunds; skips pending and malformed orders with reasons', async () => {
    fake.items.orders.push(
      wooOrder(1),
      wooOrder(2, { status: 'refunded' }),
      wooOrder(3, { status: 'cancelled' }),
      wooOrder(4, { status: 'processing', customer_id: 0, refunds: [{ id: 1, total: '-3.50' }] }),
      wooOrder(5, { status: 'pending' }),
      wooOrder(6, { total: 'lots' }),
      wooOrder(7, { line_items: [{ product_id: 501, quantity: 'two', price: 9 }] }),
      { id: 'x' },
    );
    const [page] = await readAll('orders');
    const byId = Object.fromEntries((page?.records ?? []).map((o) => [o.externalId, o]));
    expect(byId['901']).toMatchObject({
      status: 'paid',
      totalMinor: 1800,
      shopperExternalId: '701',
      country: 'BE',
      lines: [{ productExternalId: '501', quantity: 2, unitPriceMinor: 900, title: 'Ceramic mug 1' }],
    });
    expect(byId['902']?.status).toBe('refunded');
    expect(byId['903']?.status).toBe('cancelled');
    expect(byId['904']).toMatchObject({ status: 'paid', totalMinor: 1450, shopperExternalId: null });
    expect(Object.keys(byId)).toHaveLength(4);
    expect(page?.skipped).toEqual({
      'order not placed yet (pending)': 1,
      'order with a missing or invalid total': 1,
      'order with an invalid line item': 1,
      'order without a valid id': 1,
    });
  });

  it('backs off on 429 (Retry-After) and 5xx, then succeeds', async () => {
    fake.items.products.push(wooProduct(1));
    fake.faults.push({ status: 429, retryAfter: '3' }, { status: 500 });
    const [page] = await readAll('products');
    expect(page?.records).toHaveLength(1);
    expect(fake.log.map((l) => l.status)).toEqual([429, 500, 200]);
    expect(clock.sleeps[0]).toBe(3000);
  });

  it('reports rejected keys and wrong addresses as safe, final errors', async () => {
    const bad = await wooSource(client({ consumerSecret: 'cs_wrong' }), STORE, { name: 'x', locale: 'en' })
      .info()
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ConnectorError);
    expect((bad as ConnectorError).retryable).toBe(false);
    expect((bad as Error).message).toMatch(/rejected the consumer key/);
    expect((bad as Error).message).not.toContain('cs_wrong');
    const missing = new WooClient({
      baseUrl: `${origin}/nowhere`,
      consumerKey: fake.consumerKey,
      consumerSecret: fake.consumerSecret,
    });
    await expect(missing.get('products')).rejects.toThrow(/404/);
  });
});
