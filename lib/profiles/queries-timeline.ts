import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { LocalizedText } from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';

/** Tenant-scoped reads of a shopper's timeline and product cards (re-exported by queries.ts). */
type Ctx = Pick<TenantContext, 'tenantId'>;

const toDate = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
const toNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface TimelineItem {
  kind: 'event' | 'order';
  at: Date;
  /** Event type, or the order's status. */
  type: string;
  productId: string | null;
  productTitle: LocalizedText | null;
  query: string | null;
  orderNumber: string | null;
  totalMinor: number | null;
  currency: string | null;
  lines: number | null;
}

/** Events (impressions left out) and orders of one shopper, newest first. */
export async function listTimeline(
  exec: Executor,
  ctx: Ctx,
  shopperId: string,
  opts: { limit: number; offset: number },
): Promise<TimelineItem[]> {
  const t = ctx.tenantId;
  const rows = rowsOf<Record<string, unknown>>(
    await exec.execute(sql`
      select * from (
        select 'event' as kind, e.occurred_at as at, e.type, e.product_id, pr.title, e.query,
          null::text as order_number, null::float8 as total_minor, null::text as currency, null::int as lines
        from events e
        left join products pr on pr.tenant_id = e.tenant_id and pr.id = e.product_id
        where e.tenant_id = ${t} and e.shopper_id = ${shopperId}::uuid and e.type <> 'rec_impression'
        union all
        select 'order', o.placed_at, o.status, null, null, null, o.external_id, o.total_minor::float8, o.currency,
          (select count(*)::int from order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.id)
        from orders o where o.tenant_id = ${t} and o.shopper_id = ${shopperId}::uuid
      ) x order by at desc, kind limit ${opts.limit} offset ${opts.offset}`),
  );
  return rows.map((r) => ({
    kind: r.kind === 'order' ? 'order' : 'event',
    at: toDate(r.at)!,
    type: String(r.type),
    productId: (r.product_id as string | null) ?? null,
    productTitle: (r.title as LocalizedText | null) ?? null,
    query: (r.query as string | null) ?? null,
    orderNumber: (r.order_number as string | null) ?? null,
    totalMinor: toNum(r.total_minor),
    currency: (r.currency as string | null) ?? null,
    lines: toNum(r.lines),
  }));
}

/** Titles and prices of products (this workspace's), for the interest neighbours. */
export async function listProductCards(exec: Executor, ctx: Ctx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return rowsOf<{
    id: string;
    title: LocalizedText;
    brand: string | null;
    price_minor: number;
    currency: string;
    category_path: string[];
  }>(
    await exec.execute(sql`
      select id, title, brand, price_minor::float8 as price_minor, currency, category_path from products
      where tenant_id = ${ctx.tenantId} and id = any(${`{${ids.join(',')}}`}::uuid[])`),
  );
}
