import { describe, expect, it } from 'vitest';
import { events, shoppers } from '@/db/schema';
import { generateDemoStore } from '@/db/seed/generate';
import { insertInChunks } from '@/lib/demo/bulk-insert';
import { ensureDefaultPlacements } from '@/lib/placements/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { getPerformanceReport } from './service';

const NOW = new Date('2026-05-15T10:00:00Z');

describe.each(testDrivers())('performance report on demo data (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('shows impressions, clicks and attributed orders in both arms', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'perf-demo');
    await ensureDefaultPlacements(db, ctx);
    const store = generateDemoStore({ tenantId: ctx.tenantId, now: NOW, scale: 0.1 });
    await insertInChunks(db, shoppers, store.shoppers);
    await insertInChunks(db, events, store.events);

    const r = await getPerformanceReport(db, ctx, { now: NOW, days: 90 });
    expect(r.hasImpressions).toBe(true);
    const { personalized, holdout } = r.total.arms;
    expect(personalized.impressions).toBeGreaterThan(1000);
    expect(holdout.impressions).toBeGreaterThan(50);
    expect(personalized.clicks).toBeGreaterThan(0);
    expect(personalized.conversions).toBeGreaterThan(0);
    expect(personalized.revenueMinor).toBeGreaterThan(0);
    expect(personalized.cartClicks).toBeGreaterThan(0);
    expect(r.placements.map((p) => p.key)).toEqual(
      expect.arrayContaining(['home-for-you', 'product-similar', 'cart-bought-together', 'trending']),
    );
    // The chart has figures: impressions on most of the last 60 days, none before the widgets existed.
    expect(r.daily.filter((d) => d.impressions > 0).length).toBeGreaterThan(55);
    expect(r.daily.slice(0, 25).every((d) => d.impressions === 0)).toBe(true);
  });
});
