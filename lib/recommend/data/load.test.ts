import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { events, identityLinks, orderLines, orders, products, shoppers } from '@/db/schema';
import { type Dataset, INTERACTION_KINDS } from '@/lib/recommend/types';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { loadDataset } from './load';

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const at = (h: number) => new Date(T0 + h * HOUR);

type Line = { ext: string; product?: string | null; quantity?: number; price?: number };

/** A readable view of a dataset: `shopper item kind quantity @hour`, in dataset order. */
function rows(d: Dataset, name: Record<string, string>): string[] {
  return Array.from(d.time, (t, i) => {
    const s = name[d.shopperIds[d.shopper[i]!]!] ?? '?';
    const j = d.itemIds[d.item[i]!]!;
    return `${s} ${name[j] ?? j} ${INTERACTION_KINDS[d.kind[i]!]} ${d.quantity[i]} @${(t - T0) / HOUR}`;
  });
}

describe.each(testDrivers())('loadDataset (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  const name: Record<string, string> = {};

  async function product(ctx: TenantContext, ext: string, categoryPath: string[] = []) {
    const [p] = await h()
      .db.insert(products)
      .values({
        tenantId: ctx.tenantId,
        externalId: ext,
        title: { en: ext },
        categoryPath,
        priceMinor: 500,
        currency: 'EUR',
      })
      .returning({ id: products.id });
    name[p!.id] = ext;
    return p!.id;
  }
  async function shopper(
    ctx: TenantContext,
    label: string,
    extra: { country?: string; anonymousId?: string } = {},
  ) {
    const kind = extra.anonymousId ? 'visitor' : 'customer';
    const externalId = extra.anonymousId ? null : label;
    const [s] = await h()
      .db.insert(shoppers)
      .values({ tenantId: ctx.tenantId, kind, externalId, ...extra })
      .returning({ id: shoppers.id });
    name[s!.id] = label;
    return s!.id;
  }
  async function order(
    db: Db,
    ctx: TenantContext,
    ext: string,
    who: string | null,
    hour: number,
    lines: Line[],
    status = 'paid',
  ) {
    const [o] = await db
      .insert(orders)
      .values({
        tenantId: ctx.tenantId,
        externalId: ext,
        shopperId: who,
        status,
        currency: 'EUR',
        totalMinor: 1,
        placedAt: at(hour),
      })
      .returning({ id: orders.id });
    await db.insert(orderLines).values(
      lines.map((l, i) => ({
        tenantId: ctx.tenantId,
        orderId: o!.id,
        lineNo: i + 1,
        productId: l.product === undefined ? null : l.product,
        productExternalId: l.ext,
        quantity: l.quantity ?? 1,
        unitPriceMinor: l.price ?? 500,
      })),
    );
  }

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'loada')).ctx;
    b = (await createTestTenant(db, 'loadb')).ctx;
    const [p1, p2, p3, p4] = [
      await product(a, 'P1', ['Home', 'Candles']),
      await product(a, 'P2'),
      await product(a, 'P3'),
      await product(a, 'P4'),
    ];
    const q1 = await product(b, 'Q1');
    const c1 = await shopper(a, 'c1', { country: 'DE' });
    const c2 = await shopper(a, 'c2');
    const v1 = await shopper(a, 'v1', { anonymousId: 'anon-1' });
    const b1 = await shopper(b, 'b1');
    await db.insert(identityLinks).values({ tenantId: a.tenantId, anonymousId: 'anon-1', shopperId: c2 });

    await order(db, a, 'o1', c1, 1, [
      { ext: 'P1', product: p1, quantity: 2 },
      { ext: 'P2', product: p2 },
      { ext: 'P1', product: p1, quantity: 1 }, // same item twice on one invoice: one purchase of 3
      { ext: 'P3', product: p3, quantity: 0 },
      { ext: 'P4', product: p4, price: 0 },
    ]);
    await order(db, a, 'o2', c1, 2, [{ ext: 'P4', product: p4 }], 'cancelled');
    await order(db, a, 'o3', c2, 3, [{ ext: 'P4', product: p4 }], 'refunded');
    await order(db, a, 'o4', null, 4, [{ ext: 'P4', product: p4 }]); // guest
    await order(db, a, 'o5', c2, 5, [{ ext: 'P2', product: p2 }, { ext: 'SKU-X' }]);
    await order(db, a, 'o6', c2, 9, [{ ext: 'P3', product: p3 }]);
    await order(db, b, 'o1', b1, 1, [{ ext: 'Q1', product: q1 }]);

    const ev = (
      ctx: TenantContext,
      id: string,
      type: string,
      hour: number,
      e: Partial<typeof events.$inferInsert>,
    ) => ({
      tenantId: ctx.tenantId,
      eventId: id,
      type: type as typeof events.$inferInsert.type,
      occurredAt: at(hour),
      ...e,
    });
    await db.insert(events).values([
      ev(a, 'e1', 'view', 0.5, { shopperId: c1, productId: p3 }),
      ev(a, 'e2', 'add_to_cart', 0.75, { shopperId: c1, productId: p3, quantity: 2 }),
      ev(a, 'e3', 'page_view', 0.8, { shopperId: c1 }),
      ev(a, 'e4', 'view', 6, { shopperId: v1, anonymousId: 'anon-1', productId: p4 }), // stitched to c2
      ev(a, 'e5', 'view', 7, { anonymousId: 'anon-2', productId: p4 }), // nobody
      ev(a, 'e6', 'search', 8, { shopperId: c1, query: 'candles' }),
      ev(a, 'e7', 'purchase', 8.5, {
        shopperId: c2,
        productId: p1,
        quantity: 1,
        priceMinor: 500,
        currency: 'EUR',
      }),
      ev(a, 'e8', 'view', 0.9, { shopperId: c1 }), // a view with no product
      ev(b, 'e1', 'view', 2, { shopperId: b1, productId: q1 }),
    ]);
  });

  const expected = [
    'c1 P3 view 1 @0.5',
    'c1 P3 cart 2 @0.75',
    'c1 P1 purchase 3 @1',
    'c1 P2 purchase 1 @1',
    'c2 P2 purchase 1 @5',
    'c2 ext:SKU-X purchase 1 @5',
    'c2 P4 view 1 @6',
    'c2 P1 purchase 1 @8.5',
    'c2 P3 purchase 1 @9',
  ];

  it("reads paid orders' clean lines and interaction events, sorted by time", async () => {
    const d = await loadDataset(h().db, a);
    expect(rows(d, name)).toEqual(expected);
    expect(d.shopperIds.map((id) => name[id])).toEqual(['c1', 'c2']);
    const p1 = d.itemIds.findIndex((id) => name[id] === 'P1');
    expect(d.itemCategory?.[p1]).toBe('Home / Candles');
    expect(d.shopperCountry).toEqual(['DE', null]);
  });

  it("never reads another tenant's rows", async () => {
    const d = await loadDataset(h().db, b);
    expect(rows(d, name)).toEqual(['b1 Q1 purchase 1 @1', 'b1 Q1 view 1 @2']);
    const all = await loadDataset(h().db, a);
    expect(all.itemIds.some((id) => name[id] === 'Q1')).toBe(false);
  });

  it('loads only interactions strictly before asOf', async () => {
    const d = await loadDataset(h().db, a, { asOf: at(5) });
    expect(rows(d, name)).toEqual(expected.slice(0, 4));
  });

  it('pages with the same result whatever the page size', async () => {
    const d = await loadDataset(h().db, a, { pageSize: { orders: 1, events: 1 } });
    expect(rows(d, name)).toEqual(expected);
  });

  it('takes sources and unlinked lines as options', async () => {
    const d = await loadDataset(h().db, a, { eventKinds: ['view'], unlinkedLines: false });
    expect(rows(d, name)).toEqual(expected.filter((r) => !/cart|SKU-X|@8.5/.test(r)));
    const onlyEvents = await loadDataset(h().db, a, { orders: false });
    expect(rows(onlyEvents, name)).toHaveLength(4);
  });
});
