import { describe, expect, it } from 'vitest';
import { orders } from '@/db/schema';
import { setExchangeRate } from '@/lib/currency/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { getMarketDetail, getMarketsOverview } from './service';
import { seedMarketsFixture } from './testing/fixture';

const WINDOW = { days: '30', end: '2026-03-10' };

describe.each(testDrivers())('markets service (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  async function twoShops() {
    const a = await createTestTenant(db(), 'mk-a');
    const b = await createTestTenant(db(), 'mk-b');
    await seedMarketsFixture(db(), a.ctx);
    await seedMarketsFixture(db(), b.ctx);
    // B also has a big German order and a USD rate; A must see neither.
    await db()
      .insert(orders)
      .values({
        tenantId: b.ctx.tenantId,
        externalId: 'b-extra',
        country: 'DE',
        currency: 'EUR',
        totalMinor: 77_700,
        placedAt: new Date('2026-03-03T10:00:00Z'),
      });
    await setExchangeRate(db(), b.ctx, { currency: 'USD', rate: '2' });
    return { a, b };
  }

  it('gives exact per-country figures, converting with the stored rates', async () => {
    const { a } = await twoShops();
    let r = await getMarketsOverview(db(), a.ctx, WINDOW);
    const de = r.markets.find((m) => m.key === 'DE');
    expect(de).toMatchObject({ orders: 2, revenueMinor: 15_000, aovMinor: 7_500, shoppers: 1, sessions: 3 });
    expect(de?.conversion).toBeCloseTo(1 / 3, 12);
    expect(de?.pricePosition).toBe(0.5); // boots P100 and sneakers P50: lower median
    expect(de?.budgetShare).toBe(0);
    expect(de?.categories.map((c) => c.name)).toEqual(['Shoes']);
    // No USD or JPY rate yet: their orders are counted but not in revenue.
    const us = r.markets.find((m) => m.key === 'US');
    expect(us).toMatchObject({
      orders: 1,
      revenueMinor: 0,
      unconvertedOrders: 1,
      unconvertedCurrencies: ['USD'],
    });
    expect(us?.pricePosition).toBe(0);
    expect(us?.budgetShare).toBe(1);
    expect(r.missingRates).toEqual([
      { currency: 'JPY', orders: 1 },
      { currency: 'USD', orders: 1 },
    ]);
    // The anonymous session has no country: an "unknown" market with a session and no shopper.
    expect(r.markets.find((m) => m.key === null)).toMatchObject({
      id: 'none',
      sessions: 1,
      shoppers: 0,
      orders: 0,
    });

    await setExchangeRate(db(), a.ctx, { currency: 'usd', rate: '0.9' });
    await setExchangeRate(db(), a.ctx, { currency: 'JPY', rate: '0.0062' });
    r = await getMarketsOverview(db(), a.ctx, WINDOW);
    expect(r.missingRates).toEqual([]);
    expect(r.markets.find((m) => m.key === 'US')).toMatchObject({
      revenueMinor: 18_000,
      aovMinor: 18_000,
      conversion: 1,
    });
    expect(r.markets.find((m) => m.key === 'JP')).toMatchObject({
      revenueMinor: 6_200,
      unconvertedOrders: 0,
      shoppers: 1,
    });
    expect(r.markets.map((m) => m.key)).toEqual(['US', 'DE', 'JP', null]); // by revenue
    expect(r.currency).toBe('EUR');
  });

  it('stays inside the workspace', async () => {
    const { a, b } = await twoShops();
    const ra = await getMarketsOverview(db(), a.ctx, WINDOW);
    const rb = await getMarketsOverview(db(), b.ctx, WINDOW);
    // B converts USD at 2, A has no USD rate: each sees only its own rates and rows.
    expect(rb.markets.find((m) => m.key === 'US')?.revenueMinor).toBe(40_000);
    expect(ra.markets.find((m) => m.key === 'US')?.revenueMinor).toBe(0);
    expect(ra.markets.find((m) => m.key === 'DE')?.orders).toBe(2);
    expect(rb.markets.find((m) => m.key === 'DE')).toMatchObject({ orders: 3, revenueMinor: 92_700 });
    const other = await createTestTenant(db(), 'mk-empty');
    const empty = await getMarketsOverview(db(), other.ctx, WINDOW);
    expect(empty.markets).toEqual([]);
    expect(empty.period.latest).toBeNull();
    expect(await getMarketDetail(db(), other.ctx, 'DE', WINDOW)).toBeNull();
  });

  it('groups by language with normalized tags', async () => {
    const { a } = await twoShops();
    const r = await getMarketsOverview(db(), a.ctx, { ...WINDOW, by: 'locale' });
    expect(r.by).toBe('locale');
    expect(r.markets.find((m) => m.key === 'de')).toMatchObject({ orders: 2, revenueMinor: 15_000 });
    expect(r.markets.find((m) => m.key === 'ja')?.orders).toBe(1);
    expect(r.markets.some((m) => m.key === 'en-gb')).toBe(false); // that shopper did nothing in the period
  });

  it('counts orders and views by local weekday and hour of each country', async () => {
    const { a } = await twoShops();
    const de = await getMarketDetail(db(), a.ctx, 'DE', WINDOW);
    expect(de?.orders[0]?.[12]).toBe(1); // Monday 12:30 in Berlin (11:30 UTC)
    expect(de?.orders[6]?.[0]).toBe(1); // Sunday 00:15 in Berlin (Saturday 23:15 UTC)
    expect(de?.orders.flat().reduce((x, y) => x + y, 0)).toBe(2);
    // Views and page views at 09:00 UTC = 10:00 in Berlin on Wednesday, Thursday and Friday.
    expect([de?.views[2]?.[10], de?.views[3]?.[10], de?.views[4]?.[10]]).toEqual([1, 1, 1]);
    expect(de?.views.flat().reduce((x, y) => x + y, 0)).toBe(3); // the purchase event is not a view
    const us = await getMarketDetail(db(), a.ctx, 'US', WINDOW);
    expect(us?.orders[0]?.[21]).toBe(1); // Monday 21:00 in New York (Tuesday 02:00 UTC)
    const jp = await getMarketDetail(db(), a.ctx, 'JP', WINDOW);
    expect(jp?.orders[3]?.[12]).toBe(1); // Thursday 12:00 in Tokyo
    expect(de?.similar).toBeNull(); // far too few lines to compare
    expect(de?.market.label).toMatch(/Germany/);
  });

  it('defaults to the 90 days ending on the last day with data', async () => {
    const { a } = await twoShops();
    const r = await getMarketsOverview(db(), a.ctx, {});
    expect(r.period.end).toBe('2026-03-08');
    expect(r.period.from.toISOString()).toBe('2025-12-09T00:00:00.000Z');
    expect(r.markets.find((m) => m.key === 'DE')?.orders).toBe(2); // the October order is older
    const year = await getMarketsOverview(db(), a.ctx, { days: '365', end: 'junk' });
    expect(year.markets.find((m) => m.key === 'DE')?.orders).toBe(3);
  });

  it('takes an explicit period (CLI) and refuses a reversed one', async () => {
    const { a } = await twoShops();
    const r = await getMarketsOverview(db(), a.ctx, { from: '2026-03-02', to: '2026-03-02' });
    expect(r.period).toMatchObject({ days: 1, end: '2026-03-02' });
    expect(r.markets.find((m) => m.key === 'DE')?.orders).toBe(1);
    await expect(
      getMarketsOverview(db(), a.ctx, { from: '2026-03-05', to: '2026-03-01' }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { from: ['--from must not be after --to.'] },
    });
  });
});
