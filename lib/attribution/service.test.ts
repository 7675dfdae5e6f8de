import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { events, identityLinks, shoppers } from '@/db/schema';
import { ensureDefaultPlacements } from '@/lib/placements/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { getPerformanceReport, utcDays } from './service';

const NOW = new Date('2026-03-31T12:00:00Z');
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000);
const HOME = 'home-for-you';
const SIMILAR = 'product-similar';

type Ev = Partial<typeof events.$inferInsert> & {
  type: (typeof events.$inferInsert)['type'];
  occurredAt: Date;
};

/** Inserts events for one tenant, filling ids and context from the shorthand fields. */
async function put(
  db: Db,
  tenantId: string,
  rows: (Ev & { placement?: string; variant?: string; orderId?: string })[],
) {
  await db.insert(events).values(
    rows.map(({ placement, variant, orderId, ...e }) => ({
      eventId: randomUUID(),
      tenantId,
      ...e,
      context: {
        ...(placement ? { placement } : {}),
        ...(variant ? { variant } : {}),
        ...(orderId ? { orderId } : {}),
      },
    })),
  );
}

async function shopper(
  db: Db,
  tenantId: string,
  values: { kind: string; externalId?: string; anonymousId?: string },
) {
  const [row] = await db
    .insert(shoppers)
    .values({ tenantId, ...values })
    .returning({ id: shoppers.id });
  return row!.id;
}

/** A small hand-built history; returns the shopper and product ids it used. */
async function buildHistory(db: Db, tenantId: string) {
  const c1 = await shopper(db, tenantId, { kind: 'customer', externalId: 'c1' });
  const c2 = await shopper(db, tenantId, { kind: 'customer', externalId: 'c2' });
  const c3 = await shopper(db, tenantId, { kind: 'customer', externalId: 'c3' });
  const v1 = await shopper(db, tenantId, { kind: 'visitor', anonymousId: 'anon-v1' });
  await db.insert(identityLinks).values({ tenantId, anonymousId: 'anon-v1', shopperId: c3 });
  const p1 = randomUUID();
  const p2 = randomUUID();
  const line = (
    s: string,
    p: string,
    qty: number,
    price: number,
    h: number,
    orderId: string,
    currency = 'EUR',
  ) =>
    ({
      type: 'purchase',
      shopperId: s,
      productId: p,
      quantity: qty,
      priceMinor: price,
      currency,
      occurredAt: at(h),
      orderId,
    }) as const;
  await put(db, tenantId, [
    // Impressions: 3 by c1 (home, personalized), 1 without consent, 2 by c2 (similar, holdout).
    ...[50, 49, 48].map((h) => ({
      type: 'rec_impression' as const,
      shopperId: c1,
      occurredAt: at(h),
      placement: HOME,
      variant: 'personalized',
    })),
    { type: 'rec_impression', occurredAt: at(47), placement: HOME, variant: 'personalized' },
    ...[46, 45].map((h) => ({
      type: 'rec_impression' as const,
      shopperId: c2,
      occurredAt: at(h),
      placement: SIMILAR,
      variant: 'holdout',
    })),
    // c1: an older click on p1 (home) loses to the later one (similar); p2 clicked on similar too.
    {
      type: 'rec_click',
      shopperId: c1,
      productId: p1,
      occurredAt: at(72),
      placement: HOME,
      variant: 'personalized',
    },
    {
      type: 'rec_click',
      shopperId: c1,
      productId: p1,
      occurredAt: at(24),
      placement: SIMILAR,
      variant: 'holdout',
    },
    {
      type: 'rec_click',
      shopperId: c1,
      productId: p2,
      occurredAt: at(2),
      placement: SIMILAR,
      variant: 'holdout',
    },
    { type: 'add_to_cart', shopperId: c1, productId: p1, quantity: 1, occurredAt: at(20) },
    { type: 'add_to_cart', shopperId: c1, productId: p1, quantity: 1, occurredAt: at(19) },
    // Order o1: two attributed lines on similar → one conversion, 2 × 10.00 + 5.00.
    line(c1, p1, 2, 1000, 1, 'o1'),
    line(c1, p2, 1, 500, 1, 'o1'),
    // c2 clicked p1 ten days before buying it: outside the 7-day window.
    {
      type: 'rec_click',
      shopperId: c2,
      productId: p1,
      occurredAt: at(10 * 24 + 1),
      placement: HOME,
      variant: 'personalized',
    },
    line(c2, p1, 1, 1000, 1, 'o2'),
    // c2 buys p2, which only c1 clicked: another shopper's click never attributes.
    line(c2, p2, 1, 500, 1, 'o3'),
    // The visitor v1 (later identified as c3) clicks p2; c3 buys it → attributed through identity_links.
    {
      type: 'rec_click',
      shopperId: v1,
      anonymousId: 'anon-v1',
      productId: p2,
      occurredAt: at(30),
      placement: HOME,
      variant: 'personalized',
    },
    line(c3, p2, 1, 700, 3, 'o4'),
    // c3 clicks p1 and buys it in USD: not converted, counted as other currency.
    {
      type: 'rec_click',
      shopperId: c3,
      productId: p1,
      occurredAt: at(5),
      placement: HOME,
      variant: 'personalized',
    },
    line(c3, p1, 1, 900, 4, 'o5', 'USD'),
    // A purchase without a shopper (no consent) cannot attribute.
    { type: 'purchase', productId: p1, quantity: 1, priceMinor: 1000, currency: 'EUR', occurredAt: at(1) },
  ]);
  return { c1, p1, p2 };
}

describe('utcDays', () => {
  it('lists the UTC days of a half-open period', () => {
    expect(utcDays(new Date('2026-03-29T12:00:00Z'), new Date('2026-03-31T12:00:00Z'))).toEqual([
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
  });
});

describe.each(testDrivers())('performance report (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('attributes by last click within the window, per placement and variant, and stays in its tenant', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'perf-a');
    const b = await createTestTenant(db, 'perf-b');
    await ensureDefaultPlacements(db, a.ctx);
    const before = await getPerformanceReport(db, a.ctx, { now: NOW });
    expect(before.hasImpressions).toBe(false);
    expect(before.placements).toEqual([]);

    await buildHistory(db, a.ctx.tenantId);
    // Tenant B: the same kind of history, bigger, must never show up in A's report.
    await buildHistory(db, b.ctx.tenantId);
    await put(db, b.ctx.tenantId, [
      { type: 'rec_impression', occurredAt: at(1), placement: HOME, variant: 'holdout' },
    ]);

    const r = await getPerformanceReport(db, a.ctx, { now: NOW, days: 7 });
    expect(r.currency).toBe('EUR');
    expect(r.attributionWindowDays).toBe(7);
    expect(r.hasImpressions).toBe(true);
    const home = r.placements.find((p) => p.key === HOME)!;
    const similar = r.placements.find((p) => p.key === SIMILAR)!;
    expect(home.name).toBe('Home page: for you');
    expect(home.scenario).toBe('for_you');
    // home: c3's order via the linked visitor's click (7.00); c2's stale click and the USD line do not convert.
    expect(home.arms.personalized).toMatchObject({
      impressions: 4,
      identified: 3,
      clicks: 3, // c1 at 72 h, v1, c3 (c2's click is 10 days old: outside the 7-day period)
      conversions: 1,
      revenueMinor: 700,
      otherCurrencyLines: 1,
      cartClicks: 0,
    });
    // similar: o1 once (two lines), 25.00, and one clicked product was added to the cart (twice: counted once).
    expect(similar.arms.holdout).toMatchObject({
      impressions: 2,
      identified: 2,
      clicks: 2,
      conversions: 1,
      revenueMinor: 2500,
      cartClicks: 1,
    });
    expect(similar.arms.holdout.addToCartRate).toBe(0.5);
    expect(similar.arms.personalized.impressions).toBe(0);
    expect(r.total.arms.personalized.conversions).toBe(1);
    expect(r.total.arms.holdout.revenueMinor).toBe(2500);
    expect(r.total.total.revenueMinor).toBe(3200);
    expect(r.scenarios.map((s) => s.key).sort()).toEqual(['for_you', 'similar']);
    expect(r.unidentifiedShare).toBeCloseTo(1 / 6, 10);
    expect(r.uplift.conversion.verdict).toBe('not_enough_data');
    expect(r.uplift.conversion.diff).toBeNull();
    expect(r.daily).toHaveLength(8);
    expect(r.daily.reduce((s, d) => s + d.conversions, 0)).toBe(2);
    expect(r.daily.reduce((s, d) => s + d.impressions, 0)).toBe(6);

    // With 30 days, c2's old click is inside the period (a click) but still outside the window.
    const month = await getPerformanceReport(db, a.ctx, { now: NOW, days: 30 });
    expect(month.placements.find((p) => p.key === HOME)!.arms.personalized).toMatchObject({
      clicks: 4,
      conversions: 1,
    });

    // B sees its own data: one more holdout impression than A, under its own tenant.
    const rb = await getPerformanceReport(db, b.ctx, { now: NOW, days: 7 });
    expect(rb.total.total.impressions).toBe(7);
    expect(rb.total.total.revenueMinor).toBe(3200);
  });

  it('widens attribution with a longer window setting', async () => {
    const db = h().db;
    const a = await createTestTenant(db, 'perf-w');
    await buildHistory(db, a.ctx.tenantId);
    const { updateStorefrontSettings } = await import('@/lib/storefront/service');
    await updateStorefrontSettings(db, a.ctx, { attributionWindowDays: '14' });
    const r = await getPerformanceReport(db, a.ctx, { now: NOW, days: 30 });
    // c2's purchase of p1 ten days after the click now attributes (10.00) to home, personalized.
    expect(r.placements.find((p) => p.key === HOME)!.arms.personalized).toMatchObject({
      conversions: 2,
      revenueMinor: 1700,
    });
    // Placements the workspace does not define are still reported, under their key.
    expect(r.placements.find((p) => p.key === HOME)!.scenario).toBe('unknown');
  });
});
