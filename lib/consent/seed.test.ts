import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consentState, shoppers as shoppersTable } from '@/db/schema';
import { generateDemoConsent } from '@/db/seed/consent';
import { generateDemoStore } from '@/db/seed/generate';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { seedDemoConsent } from './seed';
import { consentRates } from './service';

const NOW = new Date('2026-03-31T12:00:00Z');

describe('generateDemoConsent', () => {
  const store = generateDemoStore({ tenantId: '00000000-0000-4000-8000-000000000001', now: NOW, scale: 0.2 });

  it('is deterministic, within the history, and more granted for analytics than for advertising', () => {
    const a = generateDemoConsent(store.shoppers, { now: NOW });
    expect(generateDemoConsent(store.shoppers, { now: NOW })).toEqual(a);
    const start = NOW.getTime() - 120 * 86_400_000;
    expect(
      a.records.every((r) => r.recordedAt!.getTime() >= start && r.recordedAt!.getTime() < NOW.getTime()),
    ).toBe(true);
    const share = (p: string) => {
      const rows = a.state.filter((s) => s.purpose === p);
      return rows.filter((s) => s.granted).length / rows.length;
    };
    expect(share('analytics')).toBeGreaterThan(0.7);
    expect(share('advertising')).toBeLessThan(share('personalization'));
    // Some shoppers changed their mind: more history rows than current decisions.
    expect(a.records.length).toBeGreaterThan(a.state.length);
    // Some shoppers never answer the banner.
    const decided = new Set(a.state.map((s) => s.shopperId));
    expect(decided.size).toBeLessThan(store.shoppers.length);
  });
});

describe.each(testDrivers())('seedDemoConsent (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('loads the decisions so the consent rates have a history', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'cseed');
    const store = generateDemoStore({ tenantId: ctx.tenantId, now: NOW, scale: 0.05 });
    await db.insert(shoppersTable).values(store.shoppers);
    const n = await seedDemoConsent(db, ctx, store.shoppers, { now: NOW });
    expect(n).toBeGreaterThan(0);
    const state = await db.select().from(consentState).where(eq(consentState.tenantId, ctx.tenantId));
    expect(state.length).toBeGreaterThan(0);
    const rates = await consentRates(db, ctx, { days: 121, now: NOW });
    expect(rates.recorded).toBe(n);
    expect(rates.series.length).toBeGreaterThan(10);
  });
});
