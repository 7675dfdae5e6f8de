import { describe, expect, it } from 'vitest';
import { getEnv } from '@/lib/env';
import { seedMarketsFixture } from '@/lib/markets/testing/fixture';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { CliContext } from '../command';
import { markets } from './markets';

describe.each(testDrivers())('tailor markets (%s)', (driver) => {
  const handle = useTestDatabase(driver);

  function context() {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      stderr: process.stderr,
      env: getEnv(),
      debug: false,
      db: async () => handle().db,
    };
    return { ctx, out, err };
  }

  it('prints the markets as JSON for an explicit period, and as a table with notes', async () => {
    const { ctx: owner, slug } = await createTestTenant(handle().db, 'cli-mk');
    await seedMarketsFixture(handle().db, owner);
    const json = context();
    expect(
      await markets.run(json.ctx, { workspace: slug, from: '2026-02-09', to: '2026-03-10', json: true }),
    ).toBe(0);
    const body = JSON.parse(json.out.join('\n')) as {
      period: { from: string; to: string };
      currency: string;
      markets: { key: string | null; orders: number; revenueMinor: number }[];
      missingRates: { currency: string; orders: number }[];
    };
    expect(body.period).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(body.markets.find((m) => m.key === 'DE')).toMatchObject({ orders: 2, revenueMinor: 15_000 });
    expect(body.missingRates.map((m) => m.currency)).toEqual(['JPY', 'USD']);

    const text = context();
    expect(await markets.run(text.ctx, { workspace: slug, from: '2026-02-09', to: '2026-03-10' })).toBe(0);
    expect(text.out.join('\n')).toMatch(/Germany \(DE\)\s+1\s+2\s+€150\.00/);
    expect(text.err.join('\n')).toContain('1 orders in USD have no exchange rate.');
  });
});
