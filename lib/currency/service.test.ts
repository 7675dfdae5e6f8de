import { describe, expect, it } from 'vitest';
import { orders } from '@/db/schema';
import { listAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { convertMinor } from './convert';
import { listCurrencyRates, loadRates, removeExchangeRate, setExchangeRate } from './service';

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(testDrivers())('exchange rates (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('sets, replaces and removes a rate, with audit entries', async () => {
    const { ctx } = await createTestTenant(db(), 'fx');
    await db()
      .insert(orders)
      .values({
        tenantId: ctx.tenantId,
        externalId: 'o1',
        currency: 'USD',
        totalMinor: 1_000,
        placedAt: new Date('2026-01-01T00:00:00Z'),
      });
    let view = await listCurrencyRates(db(), ctx);
    expect(view.base).toBe('EUR');
    expect(view.lines).toEqual([{ currency: 'USD', orders: 1, products: 0, rate: null, updatedAt: null }]);
    expect(view.missing).toEqual(['USD']);

    expect(await setExchangeRate(db(), ctx, { currency: 'usd', rate: '0.9' })).toEqual({
      currency: 'USD',
      rate: 0.9,
    });
    await setExchangeRate(db(), ctx, { currency: 'USD', rate: '0.95' });
    await setExchangeRate(db(), ctx, { currency: 'GBP', rate: '1.17' });
    view = await listCurrencyRates(db(), ctx);
    expect(view.lines.map((l) => [l.currency, l.rate])).toEqual([
      ['GBP', 1.17],
      ['USD', 0.95],
    ]);
    expect(view.missing).toEqual([]);
    expect(convertMinor(1_000, 'USD', await loadRates(db(), ctx))).toBe(950);

    await removeExchangeRate(db(), ctx, { currency: 'gbp' });
    expect((await listCurrencyRates(db(), ctx)).lines.map((l) => l.currency)).toEqual(['USD']);
    const audit = await listAudit(db(), ctx, { limit: 10 });
    expect(audit.filter((e) => e.action.startsWith('currency.')).map((e) => [e.action, e.details])).toEqual([
      ['currency.rate_removed', { currency: 'GBP', from: 1.17 }],
      ['currency.rate_set', { currency: 'GBP', base: 'EUR', from: null, to: 1.17 }],
      ['currency.rate_set', { currency: 'USD', base: 'EUR', from: 0.9, to: 0.95 }],
      ['currency.rate_set', { currency: 'USD', base: 'EUR', from: null, to: 0.9 }],
    ]);
  });

  it('refuses bad input with field messages', async () => {
    const { ctx } = await createTestTenant(db(), 'fx-bad');
    const base = await failure(setExchangeRate(db(), ctx, { currency: 'EUR', rate: '1' }));
    expect(base.fieldErrors?.currency).toEqual(['EUR is the workspace currency; it needs no rate.']);
    const code = await failure(setExchangeRate(db(), ctx, { currency: 'EURO', rate: '1' }));
    expect(code.code).toBe('validation_failed');
    expect(code.fieldErrors?.currency?.[0]).toMatch(/three-letter/);
    const rate = await failure(setExchangeRate(db(), ctx, { currency: 'USD', rate: '-2' }));
    expect(rate.fieldErrors?.rate).toEqual(['Enter the rate as a positive number, such as 0.92.']);
    expect((await listCurrencyRates(db(), ctx)).lines).toEqual([]);
  });

  it('keeps each workspace to its own rates and needs settings.update', async () => {
    const a = await createTestTenant(db(), 'fx-a');
    const b = await createTestTenant(db(), 'fx-b');
    await setExchangeRate(db(), a.ctx, { currency: 'CHF', rate: '1.05' });
    expect((await listCurrencyRates(db(), b.ctx)).lines).toEqual([]);
    expect((await loadRates(db(), b.ctx)).rates.size).toBe(0);
    expect((await failure(removeExchangeRate(db(), b.ctx, { currency: 'CHF' }))).code).toBe('not_found');
    expect((await listCurrencyRates(db(), a.ctx)).lines.map((l) => l.rate)).toEqual([1.05]);

    const marketer = await createTestMember(db(), a.ctx, 'marketer');
    expect((await failure(setExchangeRate(db(), marketer, { currency: 'CHF', rate: '9' }))).code).toBe(
      'forbidden',
    );
    expect((await failure(removeExchangeRate(db(), marketer, { currency: 'CHF' }))).code).toBe('forbidden');
    expect((await listCurrencyRates(db(), marketer)).lines.map((l) => l.rate)).toEqual([1.05]);
  });
});
