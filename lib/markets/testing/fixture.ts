import type { Db } from '@/db/client';
import { events, orderLines, orders, products, shoppers } from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';

/**
 * A small store with known figures for the Markets tests (period: 30 days ending 2026-03-10).
 * Shoes: boots 100.00 (P100), sneakers 50.00 (P50), sandals 20.00 (P0); bags: tote 30.00.
 * DE: 2 paid orders (EUR 100 + 50), one cancelled and one old; US: 1 order of USD 200;
 * JP: 1 order of ¥10,000. Sessions: DE 3 (1 with a purchase), US 1 (bought), 1 anonymous.
 */
export async function seedMarketsFixture(db: Db, ctx: Pick<TenantContext, 'tenantId'>) {
  const tenantId = ctx.tenantId;
  const p = await db
    .insert(products)
    .values(
      [
        ['boots', ['Shoes', 'Boots'], 10_000],
        ['sneakers', ['Shoes', 'Sneakers'], 5_000],
        ['sandals', ['Shoes', 'Sandals'], 2_000],
        ['tote', ['Bags', 'Totes'], 3_000],
      ].map(([externalId, categoryPath, priceMinor]) => ({
        tenantId,
        externalId: externalId as string,
        title: { en: `The ${externalId as string}` },
        categoryPath: categoryPath as string[],
        priceMinor: priceMinor as number,
        currency: 'EUR',
      })),
    )
    .returning({ id: products.id, externalId: products.externalId });
  const pid = Object.fromEntries(p.map((r) => [r.externalId, r.id])) as Record<string, string>;
  const s = await db
    .insert(shoppers)
    .values([
      { tenantId, kind: 'customer', externalId: 'c-de', country: 'DE', locale: 'de' },
      { tenantId, kind: 'customer', externalId: 'c-us', country: 'US', locale: 'en' },
      { tenantId, kind: 'customer', externalId: 'c-jp', country: 'jp', locale: 'ja' },
      { tenantId, kind: 'customer', externalId: 'c-x', country: null, locale: 'en_GB' },
    ])
    .returning({ id: shoppers.id, externalId: shoppers.externalId });
  const sid = Object.fromEntries(s.map((r) => [r.externalId, r.id])) as Record<string, string>;

  const order = (
    externalId: string,
    shopper: string,
    country: string | null,
    currency: string,
    totalMinor: number,
    placedAt: string,
    status = 'paid',
  ) => ({
    tenantId,
    externalId,
    shopperId: sid[shopper],
    country,
    currency,
    totalMinor,
    placedAt: new Date(placedAt),
    status,
  });
  const o = await db
    .insert(orders)
    .values([
      order('o1', 'c-de', 'DE', 'EUR', 10_000, '2026-03-02T11:30:00Z'), // Mon 12:30 Berlin
      order('o2', 'c-de', null, 'EUR', 5_000, '2026-03-07T23:15:00Z'), // Sun 00:15 Berlin
      order('o3', 'c-us', 'US', 'usd', 20_000, '2026-03-03T02:00:00Z'), // Mon 21:00 New York
      order('o4', 'c-jp', 'JP', 'JPY', 10_000, '2026-03-05T03:00:00Z'), // Thu 12:00 Tokyo
      order('o5', 'c-de', 'DE', 'EUR', 99_900, '2026-03-04T10:00:00Z', 'cancelled'),
      order('o6', 'c-de', 'DE', 'EUR', 70_000, '2025-10-01T10:00:00Z'),
    ])
    .returning({ id: orders.id, externalId: orders.externalId });
  const oid = Object.fromEntries(o.map((r) => [r.externalId, r.id])) as Record<string, string>;
  const line = (ord: string, lineNo: number, product: string, quantity: number, unitPriceMinor: number) => ({
    tenantId,
    orderId: oid[ord] as string,
    lineNo,
    productId: pid[product],
    productExternalId: product,
    quantity,
    unitPriceMinor,
  });
  await db
    .insert(orderLines)
    .values([
      line('o1', 1, 'boots', 1, 10_000),
      line('o2', 1, 'sneakers', 1, 5_000),
      line('o3', 1, 'sandals', 2, 10_000),
      line('o4', 1, 'tote', 1, 10_000),
      line('o5', 1, 'boots', 9, 11_100),
      line('o6', 1, 'boots', 7, 10_000),
    ]);
  let n = 0;
  const ev = (
    type: 'view' | 'page_view' | 'purchase',
    shopper: string | null,
    session: string,
    at: string,
  ) => ({
    tenantId,
    eventId: `e${++n}`,
    type,
    shopperId: shopper ? sid[shopper] : null,
    sessionId: session,
    productId: pid.boots,
    occurredAt: new Date(at),
  });
  await db.insert(events).values([
    ev('view', 'c-de', 'd1', '2026-03-04T09:00:00Z'), // Wed 10:00 Berlin
    ev('purchase', 'c-de', 'd1', '2026-03-04T09:05:00Z'),
    ev('view', 'c-de', 'd2', '2026-03-05T09:00:00Z'),
    ev('page_view', 'c-de', 'd3', '2026-03-06T09:00:00Z'),
    ev('view', 'c-us', 'u1', '2026-03-03T01:50:00Z'),
    ev('purchase', 'c-us', 'u1', '2026-03-03T02:00:00Z'),
    ev('view', null, 'a1', '2026-03-08T12:00:00Z'),
  ]);
  return { products: pid, shoppers: sid, orders: oid };
}
