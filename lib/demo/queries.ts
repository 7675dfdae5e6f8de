import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { rowsOf } from '@/db/client';
import { tenants } from '@/db/schema';

/** `tenants.is_demo` while the data is still being loaded; the final value records seed and version. */
export const DEMO_LOADING = 'loading';

/** The demo workspace by its slug, whatever its state (null when absent). */
export async function getTenantBySlugForDemo(exec: Executor, slug: string) {
  const [row] = await exec.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return row ?? null;
}

/** Any workspace marked as demo with the given slug, fully loaded. */
export async function getSeededDemoTenant(exec: Executor, slug: string) {
  const [row] = await exec
    .select()
    .from(tenants)
    .where(and(eq(tenants.slug, slug), isNotNull(tenants.isDemo), sql`${tenants.isDemo} <> ${DEMO_LOADING}`))
    .limit(1);
  return row ?? null;
}

export interface DemoCounts {
  products: number;
  shoppers: number;
  orders: number;
  orderLines: number;
  events: number;
}

/** Row counts of the demo data tables for one tenant. */
export async function countTenantRows(exec: Executor, tenantId: string): Promise<DemoCounts> {
  const r = await exec.execute(sql`
    select
      (select count(*) from products where tenant_id = ${tenantId})::int as products,
      (select count(*) from shoppers where tenant_id = ${tenantId})::int as shoppers,
      (select count(*) from orders where tenant_id = ${tenantId})::int as orders,
      (select count(*) from order_lines where tenant_id = ${tenantId})::int as "orderLines",
      (select count(*) from events where tenant_id = ${tenantId})::int as events`);
  const row = rowsOf<DemoCounts>(r)[0];
  return {
    products: Number(row?.products ?? 0),
    shoppers: Number(row?.shoppers ?? 0),
    orders: Number(row?.orders ?? 0),
    orderLines: Number(row?.orderLines ?? 0),
    events: Number(row?.events ?? 0),
  };
}
