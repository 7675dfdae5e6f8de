import type { Executor } from '@/db/client';
import type { OrderRecord, ProductRecord, ShopperRecord, UpsertCounts } from '@/lib/ingest/records';
import type { TenantContext } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** The record writers a sync and the webhooks use; injectable so tests can observe them. */
export interface SyncWriters {
  products(exec: Executor, ctx: Tenant, records: readonly ProductRecord[]): Promise<UpsertCounts>;
  customers(exec: Executor, ctx: Tenant, records: readonly ShopperRecord[]): Promise<UpsertCounts>;
  orders(
    exec: Executor,
    ctx: Tenant,
    records: readonly OrderRecord[],
    opts: { source: string },
  ): Promise<UpsertCounts>;
}

/** The shared writers of lib/ingest (idempotent upserts by external id). */
export async function defaultWriters(): Promise<SyncWriters> {
  const m = await import('@/lib/ingest/upsert');
  return { products: m.upsertProducts, customers: m.upsertShoppers, orders: m.upsertOrders };
}
