import { describe, expect, it } from 'vitest';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { MemoryRateLimitStore, PostgresRateLimitStore } from './store';

describe('MemoryRateLimitStore', () => {
  it('spends a burst, then refuses with the wait until the next token', async () => {
    let t = 0;
    const s = new MemoryRateLimitStore({ ratePerSecond: 2, burst: 2, now: () => t });
    expect(await s.take('k')).toEqual({ allowed: true, remaining: 1 });
    expect(await s.take('k')).toEqual({ allowed: true, remaining: 0 });
    expect(await s.take('k')).toEqual({ allowed: false, retryAfterMs: 500 });
    t += 500;
    expect((await s.take('k')).allowed).toBe(true);
  });
});

describe.each(testDrivers())('PostgresRateLimitStore (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('shares one bucket between two stores (two instances) and keeps keys and limits apart', async () => {
    const rule = { ratePerSecond: 0.001, burst: 3 }; // no meaningful refill during the test
    const one = new PostgresRateLimitStore(async () => h().db, 'api', rule);
    const two = new PostgresRateLimitStore(async () => h().db, 'api', rule);
    expect(await one.take('key-1')).toEqual({ allowed: true, remaining: 2 });
    expect((await two.take('key-1')).allowed).toBe(true);
    expect((await one.take('key-1')).allowed).toBe(true);
    const refused = await two.take('key-1');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterMs).toBeGreaterThan(100_000); // ~1000 s per token
    expect((await one.take('key-2')).allowed).toBe(true);
    const other = new PostgresRateLimitStore(async () => h().db, 'signin', rule);
    expect((await other.take('key-1')).allowed).toBe(true);
    expect(await one.take('key-3', 4)).toEqual({ allowed: false, retryAfterMs: Number.POSITIVE_INFINITY });
  });

  it('refills with the database clock', async () => {
    const s = new PostgresRateLimitStore(async () => h().db, 'fast', { ratePerSecond: 1000, burst: 1 });
    expect((await s.take('k')).allowed).toBe(true);
    await new Promise((r) => setTimeout(r, 20)); // 20 ms at 1000/s refills the single token
    expect((await s.take('k')).allowed).toBe(true);
  });
});
