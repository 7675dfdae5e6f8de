import { describe, expect, it } from 'vitest';
import { events, orderLines, orders, products, shoppers } from '@/db/schema';
import { useTestDatabase, testDrivers } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { daysBetween, getOverview } from './service';

const NOW = new Date('2026-03-31T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

describe('daysBetween', () => {
  it('lists calendar days in the time zone, both ends included', () => {
    const d = daysBetween(
      new Date('2026-03-01T23:30:00Z'),
      new Date('2026-03-04T01:00:00Z'),
      'Europe/Berlin',
    );
    expect(d).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
  });
});

describe.each(testDrivers())('overview (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('sums paid orders in the workspace currency, compares with the previous window, and stays in its tenant', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'ov-a');
    const b = await createTestTenant(db, 'ov-b');
    const [s1] = await db
      .insert(shoppers)
      .values({ tenantId: a.ctx.tenantId, kind: 'customer', externalId: 'c1' })
      .returning();
    await db.insert(orders).values([
      {
        tenantId: a.ctx.tenantId,
        externalId: 'o1',
        shopperId: s1!.id,
        currency: 'EUR',
        totalMinor: 10_00,
        placedAt: daysAgo(1),
      },
      {
        tenantId: a.ctx.tenantId,
        externalId: 'o2',
        shopperId: s1!.id,
        currency: 'EUR',
        totalMinor: 25_50,
        placedAt: daysAgo(3),
      },
      {
        tenantId: a.ctx.tenantId,
        externalId: 'o3',
        currency: 'EUR',
        totalMinor: 99_00,
        status: 'cancelled',
        placedAt: daysAgo(3),
      },
      {
        tenantId: a.ctx.tenantId,
        externalId: 'o4',
        currency: 'USD',
        totalMinor: 50_00,
        placedAt: daysAgo(2),
      },
      {
        tenantId: a.ctx.tenantId,
        externalId: 'o5',
        currency: 'EUR',
        totalMinor: 7_00,
        placedAt: daysAgo(40),
      },
      {
        tenantId: b.ctx.tenantId,
        externalId: 'o1',
        currency: 'EUR',
        totalMinor: 1_000_00,
        placedAt: daysAgo(1),
      },
    ]);
    await db.insert(events).values([
      { tenantId: a.ctx.tenantId, eventId: 'e1', type: 'view', shopperId: s1!.id, occurredAt: daysAgo(1) },
      { tenantId: a.ctx.tenantId, eventId: 'e2', type: 'view', occurredAt: daysAgo(2) },
      { tenantId: b.ctx.tenantId, eventId: 'e1', type: 'view', occurredAt: daysAgo(1) },
    ]);
    const o = await getOverview(db, a.ctx, { now: NOW, timeZone: 'UTC', currency: 'EUR' });
    expect(o.revenue.current).toBe(35_50);
    expect(o.revenue.previous).toBe(7_00);
    expect(o.revenue.change).toBeCloseTo(35.5 / 7 - 1, 6);
    expect(o.orders.current).toBe(3); // two EUR + one USD paid
    expect(o.otherCurrencyOrders).toBe(1);
    expect(o.events.current).toBe(2);
    expect(o.shoppers.current).toBe(1);
    expect(o.days).toHaveLength(31);
    expect(o.days.reduce((s, d) => s + d.revenueMinor, 0)).toBe(35_50);
    const empty = await getOverview(db, (await createTestTenant(db, 'ov-c')).ctx, {
      now: NOW,
      timeZone: 'UTC',
      currency: 'EUR',
    });
    expect(empty.revenue.current).toBe(0);
    expect(empty.revenue.change).toBeNull();
  });

  it('ranks best sellers by revenue with the catalog titles, the line title when the product is gone', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'ov-top-a');
    const b = await createTestTenant(db, 'ov-top-b');
    // The same external id in another workspace, with another title: never read.
    for (const [t, title] of [
      [a, { en: 'Desk lamp', ja: 'デスクランプ' }],
      [b, { en: 'Other tenant lamp' }],
    ] as const)
      await db.insert(products).values({
        tenantId: t.ctx.tenantId,
        externalId: 'LAMP',
        title,
        priceMinor: 40_00,
        currency: 'EUR',
      });
    const [o1, o2] = await db
      .insert(orders)
      .values([
        {
          tenantId: a.ctx.tenantId,
          externalId: 'o1',
          currency: 'EUR',
          totalMinor: 80_00,
          placedAt: daysAgo(1),
        },
        {
          tenantId: a.ctx.tenantId,
          externalId: 'o2',
          currency: 'EUR',
          totalMinor: 30_00,
          placedAt: daysAgo(2),
        },
      ])
      .returning();
    await db.insert(orderLines).values([
      // A Japanese shopper's line: the title they saw.
      {
        tenantId: a.ctx.tenantId,
        orderId: o1!.id,
        lineNo: 1,
        productExternalId: 'LAMP',
        title: 'デスクランプ',
        quantity: 2,
        unitPriceMinor: 40_00,
      },
      {
        tenantId: a.ctx.tenantId,
        orderId: o2!.id,
        lineNo: 1,
        productExternalId: 'GONE',
        title: 'Old mug',
        quantity: 3,
        unitPriceMinor: 10_00,
      },
    ]);
    const o = await getOverview(db, a.ctx, { now: NOW, timeZone: 'UTC', currency: 'EUR' });
    expect(o.topProducts.map((p) => [p.externalId, p.units, p.revenueMinor, p.title, p.titles])).toEqual([
      ['LAMP', 2, 80_00, 'デスクランプ', { en: 'Desk lamp', ja: 'デスクランプ' }],
      ['GONE', 3, 30_00, 'Old mug', null],
    ]);
  });
});
