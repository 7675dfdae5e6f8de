import { and, asc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { exchangeRates } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Ctx = Pick<TenantContext, 'tenantId'>;

export interface RateRow {
  currency: string;
  rate: number;
  updatedAt: Date;
}

/** The workspace's stored rates, by currency code. */
export async function listRates(exec: Executor, ctx: Ctx): Promise<RateRow[]> {
  return exec
    .select({
      currency: exchangeRates.currency,
      rate: exchangeRates.rate,
      updatedAt: exchangeRates.updatedAt,
    })
    .from(exchangeRates)
    .where(tenantFilter(ctx, exchangeRates))
    .orderBy(asc(exchangeRates.currency));
}

/** One stored rate, or null. */
export async function getRate(exec: Executor, ctx: Ctx, currency: string): Promise<RateRow | null> {
  const [row] = await exec
    .select({
      currency: exchangeRates.currency,
      rate: exchangeRates.rate,
      updatedAt: exchangeRates.updatedAt,
    })
    .from(exchangeRates)
    .where(and(tenantFilter(ctx, exchangeRates), eq(exchangeRates.currency, currency)))
    .limit(1);
  return row ?? null;
}

/** Inserts or replaces the rate of `currency` (upper-case ISO code) in this workspace. */
export async function upsertRate(exec: Executor, ctx: Ctx, currency: string, rate: number): Promise<void> {
  await exec
    .insert(exchangeRates)
    .values({ tenantId: ctx.tenantId, currency, rate })
    .onConflictDoUpdate({
      target: [exchangeRates.tenantId, exchangeRates.currency],
      set: { rate, updatedAt: sql`now()` },
    });
}

/** Deletes the rate of `currency` in this workspace; true when one existed. */
export async function deleteRate(exec: Executor, ctx: Ctx, currency: string): Promise<boolean> {
  const rows = await exec
    .delete(exchangeRates)
    .where(and(tenantFilter(ctx, exchangeRates), eq(exchangeRates.currency, currency)))
    .returning({ currency: exchangeRates.currency });
  return rows.length > 0;
}

export interface SeenCurrency {
  currency: string;
  /** Orders (any status) in this currency. */
  orders: number;
  /** Products priced in this currency. */
  products: number;
}

/**
 * Currencies that appear in the workspace's orders or product prices, with how often. Two grouped
 * scans over the tenant's rows; codes are upper-cased so "usd" and "USD" are one currency.
 */
export async function listSeenCurrencies(exec: Executor, ctx: Ctx): Promise<SeenCurrency[]> {
  const r = await exec.execute(sql`
    select currency, sum(orders)::int as orders, sum(products)::int as products from (
      select upper(currency) as currency, count(*) as orders, 0 as products
        from orders where tenant_id = ${ctx.tenantId} group by 1
      union all
      select upper(currency), 0, count(*)
        from products where tenant_id = ${ctx.tenantId} group by 1
    ) x group by currency order by currency`);
  return rowsOf<SeenCurrency>(r).map((x) => ({
    currency: String(x.currency),
    orders: Number(x.orders),
    products: Number(x.products),
  }));
}
