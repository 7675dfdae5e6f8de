import type { Db, Executor } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, forbidden } from '@/lib/errors';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant } from '@/lib/workspace/queries';
import { type Rates, ratesFrom } from './convert';
import { deleteRate, getRate, listRates, listSeenCurrencies, upsertRate } from './queries';
import { removeRateSchema, setRateSchema } from './schemas';

export type { Rates };
type Ctx = Pick<TenantContext, 'tenantId'>;

/**
 * The workspace currency and its stored rates, ready for `convertMinor`. Two small reads.
 * @throws AppError not_found when the workspace does not exist.
 */
export async function loadRates(exec: Executor, ctx: Ctx): Promise<Rates> {
  const [tenant, rows] = await Promise.all([getTenant(exec, ctx), listRates(exec, ctx)]);
  if (!tenant) throw new AppError('not_found', 'Workspace not found');
  return ratesFrom(tenant.currency, rows);
}

export interface CurrencyRateLine {
  currency: string;
  /** Units of the workspace currency per unit of `currency`; null = missing. */
  rate: number | null;
  updatedAt: Date | null;
  orders: number;
  products: number;
}

export interface CurrencyRatesView {
  /** The workspace currency; every rate converts into it. */
  base: string;
  /** Every currency seen in orders or products, plus any with a stored rate; the base excluded. */
  lines: CurrencyRateLine[];
  /** Currencies seen in orders without a rate (what the Markets page warns about). */
  missing: string[];
}

/**
 * The rates page: each currency the workspace's orders and products use (and any stored rate),
 * with its rate or null when missing. Read-only.
 * @throws AppError not_found when the workspace does not exist.
 */
export async function listCurrencyRates(exec: Executor, ctx: Ctx): Promise<CurrencyRatesView> {
  const [tenant, rows, seen] = await Promise.all([
    getTenant(exec, ctx),
    listRates(exec, ctx),
    listSeenCurrencies(exec, ctx),
  ]);
  if (!tenant) throw new AppError('not_found', 'Workspace not found');
  const base = tenant.currency.toUpperCase();
  const byCode = new Map<string, CurrencyRateLine>();
  for (const s of seen) {
    if (s.currency === base) continue;
    byCode.set(s.currency, { ...s, rate: null, updatedAt: null });
  }
  for (const r of rows) {
    const line = byCode.get(r.currency) ?? { currency: r.currency, orders: 0, products: 0 };
    byCode.set(r.currency, { ...line, rate: r.rate, updatedAt: r.updatedAt });
  }
  const lines = [...byCode.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  return {
    base,
    lines,
    missing: lines.filter((l) => l.rate === null && l.orders > 0).map((l) => l.currency),
  };
}

/**
 * Adds or replaces the rate of one currency into the workspace currency (settings.update), with
 * an audit entry of the old and new rate. Input: `{ currency, rate }` as form strings.
 * @throws AppError forbidden, validation_failed (bad code, rate ≤ 0, the workspace currency itself).
 */
export async function setExchangeRate(db: Db, ctx: TenantContext, input: unknown) {
  if (!hasPermission(ctx, 'settings.update')) throw forbidden();
  const { currency, rate } = parseOrThrow(setRateSchema, input);
  return db.transaction(async (tx) => {
    const tenant = await getTenant(tx, ctx);
    if (!tenant) throw new AppError('not_found', 'Workspace not found');
    if (currency === tenant.currency.toUpperCase()) {
      const message = `${currency} is the workspace currency; it needs no rate.`;
      throw new AppError('validation_failed', message, { currency: [message] });
    }
    const before = await getRate(tx, ctx, currency);
    await upsertRate(tx, ctx, currency, rate);
    await recordAudit(tx, ctx, {
      action: 'currency.rate_set',
      targetType: 'exchange_rate',
      targetId: currency,
      details: { currency, base: tenant.currency, from: before?.rate ?? null, to: rate },
    });
    return { currency, rate };
  });
}

/**
 * Removes the rate of one currency (settings.update); its amounts count as unconverted again.
 * @throws AppError forbidden, validation_failed, not_found when this workspace has no such rate.
 */
export async function removeExchangeRate(db: Db, ctx: TenantContext, input: unknown) {
  if (!hasPermission(ctx, 'settings.update')) throw forbidden();
  const { currency } = parseOrThrow(removeRateSchema, input);
  return db.transaction(async (tx) => {
    const before = await getRate(tx, ctx, currency);
    if (!before || !(await deleteRate(tx, ctx, currency))) {
      throw new AppError('not_found', `No rate for ${currency} is stored.`);
    }
    await recordAudit(tx, ctx, {
      action: 'currency.rate_removed',
      targetType: 'exchange_rate',
      targetId: currency,
      details: { currency, from: before.rate },
    });
    return { currency };
  });
}
