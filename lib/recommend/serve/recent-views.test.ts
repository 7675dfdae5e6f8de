// The in-memory recent views of the serving path: read once per visitor, then kept current by
// pushes from this process and by the per-tenant poll (what another process wrote), per tenant.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { events, products, shoppers } from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { clearRecentViews, getRecentViewIds, noteViewEvents, setRecentViewsOptions } from './recent-views';

describe.each(testDrivers())('recent views in memory (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let a: TenantContext;
  let b: TenantContext;
  let customer = '';
  let other = '';
  let items: string[] = [];
  let n = 0;

  const view = (
    ctx: TenantContext,
    shopperId: string,
    productId: string,
    agoMs: number,
    anonymousId?: string,
  ) =>
    h()
      .db.insert(events)
      .values({
        tenantId: ctx.tenantId,
        eventId: `v-${n++}`,
        type: 'view',
        shopperId,
        anonymousId,
        productId,
        occurredAt: new Date(Date.now() - agoMs),
      });
  const read = (ctx: TenantContext, who: { shopperId: string | null; anonymousId?: string }) =>
    Promise.resolve(getRecentViewIds(h().db, ctx.tenantId, who));

  beforeAll(async () => {
    const db = h().db;
    a = (await createTestTenant(db, 'rva')).ctx;
    b = (await createTestTenant(db, 'rvb')).ctx;
    items = (
      await db
        .insert(products)
        .values(
          [0, 1, 2, 3].map((i) => ({
            tenantId: a.tenantId,
            externalId: `p${i}`,
            title: { en: `P${i}` },
            priceMinor: 100,
            currency: 'EUR',
          })),
        )
        .returning({ id: products.id })
    ).map((r) => r.id);
    [{ id: customer }] = (await db
      .insert(shoppers)
      .values({ tenantId: a.tenantId, kind: 'customer', externalId: 'c1' })
      .returning({ id: shoppers.id })) as [{ id: string }];
    [{ id: other }] = (await db
      .insert(shoppers)
      .values({ tenantId: b.tenantId, kind: 'customer', externalId: 'c1' })
      .returning({ id: shoppers.id })) as [{ id: string }];
    await view(a, customer, items[0]!, 60_000);
    await view(a, customer, items[1]!, 30_000);
  });
  beforeEach(() => {
    clearRecentViews();
    setRecentViewsOptions({ pollMs: 0 });
  });
  afterEach(() => setRecentViewsOptions({ pollMs: 1_000 }));

  it('reads a visitor once, newest first, then follows pushed views without a query', async () => {
    expect(await read(a, { shopperId: customer })).toEqual([items[1], items[0]]);
    setRecentViewsOptions({ pollMs: 3_600_000 });
    const spy = vi.spyOn(h().db, 'execute');
    noteViewEvents(a.tenantId, [
      { type: 'view', shopperId: customer, productId: items[2]!, occurredAt: new Date() },
      { type: 'cart_add', shopperId: customer, productId: items[3]!, occurredAt: new Date() },
      // An older view of a product already listed changes nothing.
      { type: 'view', shopperId: customer, productId: items[1]!, occurredAt: new Date(Date.now() - 90_000) },
    ]);
    expect(await read(a, { shopperId: customer })).toEqual([items[2], items[1], items[0]]);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('picks up views another process stored within a poll, and never another tenant’s', async () => {
    expect(await read(a, { shopperId: customer })).toEqual([items[1], items[0]]);
    expect(await read(b, { shopperId: other })).toEqual([]);
    await view(a, customer, items[3]!, 1_000);
    await view(b, other, items[2]!, 500);
    await vi.waitFor(async () =>
      expect(await read(a, { shopperId: customer })).toEqual([items[3], items[1], items[0]]),
    );
    await vi.waitFor(async () => expect(await read(b, { shopperId: other })).toEqual([items[2]]));
    expect(await read(a, { shopperId: customer })).not.toContain(items[2]);
  });

  it('follows a new browser whose visitor row its first event created', async () => {
    expect(await read(a, { shopperId: null, anonymousId: 'browser-9' })).toEqual([]);
    const [visitor] = await h()
      .db.insert(shoppers)
      .values({ tenantId: a.tenantId, kind: 'visitor', anonymousId: 'browser-9' })
      .returning({ id: shoppers.id });
    await view(a, visitor!.id, items[2]!, 2_000, 'browser-9');
    await vi.waitFor(async () =>
      expect(await read(a, { shopperId: null, anonymousId: 'browser-9' })).toEqual([items[2]]),
    );
    // Later views under that row arrive by shopper row too.
    noteViewEvents(a.tenantId, [
      { type: 'view', shopperId: visitor!.id, productId: items[0]!, occurredAt: new Date() },
    ]);
    expect(await read(a, { shopperId: null, anonymousId: 'browser-9' })).toEqual([items[0], items[2]]);
  });
});
