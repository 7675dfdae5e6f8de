import { describe, expect, it } from 'vitest';
import {
  events,
  exchangeRates,
  identityLinks,
  orderLines,
  orders,
  products,
  shoppers,
  tenants,
} from '@/db/schema';
import { createTestTenant } from '@/lib/testing/fixtures';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { eq } from 'drizzle-orm';
import { getHistorySpan, loadHistoryReport, loadShopperHistories } from './data';

const T = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe.each(testDrivers())('loadShopperHistories (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('converts money into the workspace currency, counts unconvertible orders, and respects until', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'hist');
    const other = await createTestTenant(db, 'hist-other');
    const t = ctx.tenantId;
    await db.update(tenants).set({ currency: 'EUR' }).where(eq(tenants.id, t));
    await db.insert(exchangeRates).values([
      { tenantId: t, currency: 'USD', rate: 0.5 },
      { tenantId: t, currency: 'JPY', rate: 0.006 },
    ]);
    const [p] = await db
      .insert(products)
      .values({
        tenantId: t,
        externalId: 'P1',
        title: { en: 'Mug' },
        categoryPath: ['Kitchen', 'Mugs'],
        priceMinor: 1000,
        currency: 'EUR',
      })
      .returning();
    const [alice, visitor, idle] = await db
      .insert(shoppers)
      .values([
        { tenantId: t, kind: 'customer', externalId: 'A', country: 'DE', firstSeenAt: T('2024-01-01') },
        { tenantId: t, kind: 'visitor', anonymousId: 'anon-1' },
        { tenantId: t, kind: 'customer', externalId: 'IDLE' },
      ])
      .returning();
    const placed = (id: string, currency: string, total: number, day: string, status = 'paid') => ({
      tenantId: t,
      externalId: id,
      shopperId: alice!.id,
      currency,
      totalMinor: total,
      status,
      placedAt: T(day),
    });
    const [o1] = await db
      .insert(orders)
      .values([
        placed('O1', 'EUR', 2000, '2024-02-01'),
        placed('O2', 'USD', 3000, '2024-03-01', 'returned'),
        placed('O3', 'JPY', 1000, '2024-04-01'),
        placed('O4', 'CHF', 5000, '2024-05-01'),
        placed('O5', 'EUR', 9900, '2024-07-01'),
      ])
      .returning();
    await db.insert(orderLines).values([
      {
        tenantId: t,
        orderId: o1!.id,
        lineNo: 1,
        productId: p!.id,
        productExternalId: 'P1',
        quantity: 2,
        unitPriceMinor: 500,
      },
      {
        tenantId: t,
        orderId: o1!.id,
        lineNo: 2,
        productExternalId: 'GONE',
        quantity: 1,
        unitPriceMinor: 1000,
      },
    ]);
    // The visitor later identified as Alice: their browsing is hers.
    await db.insert(identityLinks).values({ tenantId: t, anonymousId: 'anon-1', shopperId: alice!.id });
    await db.insert(events).values([
      {
        tenantId: t,
        eventId: 'e1',
        type: 'view',
        shopperId: visitor!.id,
        anonymousId: 'anon-1',
        sessionId: 's1',
        productId: p!.id,
        occurredAt: T('2024-01-20'),
      },
      {
        tenantId: t,
        eventId: 'e2',
        type: 'rec_impression',
        shopperId: alice!.id,
        occurredAt: T('2024-01-21'),
      },
      {
        tenantId: t,
        eventId: 'e3',
        type: 'search',
        shopperId: alice!.id,
        sessionId: 's2',
        query: 'mug',
        occurredAt: T('2024-06-01'),
      },
    ]);
    // Another workspace's rows never appear.
    const [stranger] = await db
      .insert(shoppers)
      .values({ tenantId: other.ctx.tenantId, kind: 'customer', externalId: 'A' })
      .returning();
    await db.insert(orders).values({
      tenantId: other.ctx.tenantId,
      externalId: 'O1',
      shopperId: stranger!.id,
      currency: 'EUR',
      totalMinor: 1,
      placedAt: T('2024-02-01'),
    });

    const report = await loadHistoryReport(db, ctx);
    expect(report.currency).toBe('EUR');
    expect(report.unconvertedOrders).toBe(1);
    expect(report.unconvertedCurrencies).toEqual(['CHF']);
    expect(report.histories.map((x) => x.shopperId)).toEqual([alice!.id]);
    const a = report.histories[0]!;
    expect(a.country).toBe('DE');
    expect(a.firstSeenAt).toBe(T('2024-01-01').getTime());
    expect(a.orders.map((o) => o.totalMinor)).toEqual([2000, 1500, 600, 0, 9900]);
    expect(a.orders.map((o) => o.status)).toEqual(['paid', 'returned', 'paid', 'paid', 'paid']);
    expect(a.orders[0]).toMatchObject({ items: 3, products: 2, categories: ['Kitchen'] });
    expect(a.events).toEqual([
      { at: T('2024-01-20').getTime(), type: 'view', sessionId: 's1', category: 'Kitchen' },
      { at: T('2024-06-01').getTime(), type: 'search', sessionId: 's2', category: null },
    ]);
    expect(report.first).toBe(T('2024-01-01').getTime());
    expect(report.last).toBe(T('2024-07-01').getTime());
    expect(idle).toBeDefined();

    const before = await loadShopperHistories(db, ctx, { until: T('2024-04-01') });
    expect(before[0]!.orders.map((o) => o.at)).toEqual([
      T('2024-02-01').getTime(),
      T('2024-03-01').getTime(),
    ]);
    expect(before[0]!.events.map((e) => e.type)).toEqual(['view']);

    const one = await loadShopperHistories(db, ctx, { shopperIds: [alice!.id] });
    expect(one).toHaveLength(1);
    expect(one[0]!.events).toHaveLength(2);
    expect(await loadShopperHistories(db, other.ctx, { shopperIds: [alice!.id] })).toEqual([]);
    expect(await getHistorySpan(db, ctx)).toEqual({
      first: T('2024-01-20').getTime(),
      last: T('2024-07-01').getTime(),
    });
  });

  it('reads the same histories in pages as in one go: orders by id, events in time slices', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'paged');
    const t = ctx.tenantId;
    const [p] = await db
      .insert(products)
      .values({
        tenantId: t,
        externalId: 'P',
        title: { en: 'Lamp' },
        categoryPath: ['Home', 'Lamps'],
        priceMinor: 100,
        currency: 'EUR',
      })
      .returning();
    const people = await db
      .insert(shoppers)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          tenantId: t,
          kind: 'customer' as const,
          externalId: `S${i}`,
          country: i % 2 ? 'FR' : null,
        })),
      )
      .returning();
    const at = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);
    // Two orders of one shopper at the same instant with different totals: their order must
    // survive paging (features read the first of equal times).
    const placed = await db
      .insert(orders)
      .values(
        people.flatMap((s, i) => [
          {
            tenantId: t,
            externalId: `O${i}a`,
            shopperId: s.id,
            currency: 'EUR',
            totalMinor: 100 + i,
            placedAt: at(i),
          },
          {
            tenantId: t,
            externalId: `O${i}b`,
            shopperId: s.id,
            currency: 'EUR',
            totalMinor: 200 + i,
            placedAt: at(i),
          },
          {
            tenantId: t,
            externalId: `O${i}c`,
            shopperId: s.id,
            currency: 'EUR',
            totalMinor: 300 + i,
            placedAt: at(10 + i),
          },
        ]),
      )
      .returning();
    await db.insert(orderLines).values(
      placed.map((o, i) => ({
        tenantId: t,
        orderId: o.id,
        lineNo: 1,
        productId: i % 2 ? p!.id : null,
        productExternalId: 'P',
        quantity: 1 + (i % 3),
        unitPriceMinor: 100,
      })),
    );
    // Events spread over days, several at the same instant (a slice must never split them),
    // with and without a session.
    await db.insert(events).values(
      people.flatMap((s, i) =>
        Array.from({ length: 6 }, (_, k) => ({
          tenantId: t,
          eventId: `e${i}-${k}`,
          type: k % 3 === 0 ? ('add_to_cart' as const) : ('view' as const),
          shopperId: s.id,
          sessionId: k % 2 ? `s${i}` : null,
          productId: k % 2 ? p!.id : null,
          occurredAt: at(20 + (k % 3)),
        })),
      ),
    );

    const whole = await loadHistoryReport(db, ctx);
    const paged = await loadHistoryReport(db, ctx, { pageSize: { orders: 2, events: 4, shoppers: 3 } });
    expect(paged).toEqual(whole);
    expect(whole.histories).toHaveLength(7);
    const first = whole.histories.find((x) => x.shopperId === people[0]!.id)!;
    expect(first.orders.map((o) => o.totalMinor)).toEqual([100, 200, 300]);
    expect(first.events).toHaveLength(6);
    expect(first.events.map((e) => e.at)).toEqual([...first.events.map((e) => e.at)].sort((a, b) => a - b));
    const until = at(21);
    expect(
      await loadHistoryReport(db, ctx, { until, pageSize: { orders: 1, events: 1, shoppers: 1 } }),
    ).toEqual(await loadHistoryReport(db, ctx, { until }));
  });
});
