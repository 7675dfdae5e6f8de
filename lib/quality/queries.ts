import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';

type Ctx = Pick<TenantContext, 'tenantId'>;
const num = (v: unknown) => Number(v ?? 0);
const date = (v: unknown) => (v ? new Date(v as string) : null);

export interface DailyCounterRow {
  day: string; // YYYY-MM-DD (UTC)
  source: string;
  accepted: number;
  duplicates: number;
  rejected: number;
  bots: number;
  reasons: Record<string, number>;
}

/** `ingest_daily` rows of the tenant from `fromDay` (inclusive, YYYY-MM-DD), by day then source. */
export async function listDailyCounters(
  exec: Executor,
  ctx: Ctx,
  fromDay: string,
): Promise<DailyCounterRow[]> {
  const r = await exec.execute(sql`
    select to_char(day, 'YYYY-MM-DD') as day, source, accepted, duplicates, rejected, bots, reasons
    from ingest_daily where tenant_id = ${ctx.tenantId} and day >= ${fromDay}::date
    order by day, source`);
  return rowsOf<DailyCounterRow>(r).map((x) => ({
    ...x,
    accepted: num(x.accepted),
    duplicates: num(x.duplicates),
    rejected: num(x.rejected),
    bots: num(x.bots),
    reasons: x.reasons ?? {},
  }));
}

/** Events stored since `from`: how many, how many without a product, and the latest receipt overall. */
export async function eventStats(exec: Executor, ctx: Ctx, from: Date) {
  const r = await exec.execute(sql`
    select
      (select count(*)::int from events where tenant_id = ${ctx.tenantId} and occurred_at >= ${from.toISOString()}) as total,
      (select count(*)::int from events where tenant_id = ${ctx.tenantId} and occurred_at >= ${from.toISOString()}
         and product_id is null) as without_product,
      (select max(received_at) from events where tenant_id = ${ctx.tenantId}) as last_received`);
  const row = rowsOf<Record<string, unknown>>(r)[0] ?? {};
  return {
    total: num(row.total),
    withoutProduct: num(row.without_product),
    lastReceivedAt: date(row.last_received),
  };
}

/** Catalog completeness: products without description, brand, image, category or stock. */
export async function productGaps(exec: Executor, ctx: Ctx) {
  const r = await exec.execute(sql`
    select count(*)::int as total,
      count(*) filter (where description = '{}'::jsonb or not exists (
        select 1 from jsonb_each_text(description) d where btrim(d.value) <> ''))::int as description,
      count(*) filter (where brand is null or btrim(brand) = '')::int as brand,
      count(*) filter (where cardinality(image_urls) = 0)::int as image,
      count(*) filter (where cardinality(category_path) = 0)::int as category,
      count(*) filter (where stock is null)::int as stock
    from products where tenant_id = ${ctx.tenantId} and status = 'active'`);
  const row = rowsOf<Record<string, unknown>>(r)[0] ?? {};
  return {
    total: num(row.total),
    missing: {
      description: num(row.description),
      brand: num(row.brand),
      image: num(row.image),
      category: num(row.category),
      stock: num(row.stock),
    },
  };
}

/** Customer completeness: customers (not anonymous visitors) without country, locale or email. */
export async function customerGaps(exec: Executor, ctx: Ctx) {
  const r = await exec.execute(sql`
    select count(*)::int as total,
      count(*) filter (where country is null or btrim(country) = '')::int as country,
      count(*) filter (where locale is null or btrim(locale) = '')::int as locale,
      -- sealed emails are never blank (lib/privacy/pii-shoppers.ts); legacy clear ones may be
      count(*) filter (where email_enc is null and (email is null or btrim(email) = ''))::int as email
    from shoppers where tenant_id = ${ctx.tenantId} and kind = 'customer'`);
  const row = rowsOf<Record<string, unknown>>(r)[0] ?? {};
  return {
    total: num(row.total),
    missing: { country: num(row.country), locale: num(row.locale), email: num(row.email) },
  };
}

/** Identity stitching: anonymous ids seen (visitors and linked ids) and how many are linked to a customer. */
export async function stitching(exec: Executor, ctx: Ctx) {
  const r = await exec.execute(sql`
    select
      (select count(*)::int from identity_links where tenant_id = ${ctx.tenantId}) as linked,
      (select count(*)::int from (
         select anonymous_id from shoppers where tenant_id = ${ctx.tenantId} and anonymous_id is not null
         union
         select anonymous_id from identity_links where tenant_id = ${ctx.tenantId}
       ) ids) as anonymous`);
  const row = rowsOf<Record<string, unknown>>(r)[0] ?? {};
  return { linked: num(row.linked), anonymous: num(row.anonymous) };
}

/** The latest file imports, newest first. */
export async function recentImports(exec: Executor, ctx: Ctx, limit = 5) {
  const r = await exec.execute(sql`
    select id, kind, format, file_name, status, created_at, finished_at, summary
    from imports where tenant_id = ${ctx.tenantId} order by created_at desc limit ${limit}`);
  return rowsOf<Record<string, unknown>>(r).map((x) => ({
    id: String(x.id),
    kind: String(x.kind),
    format: String(x.format),
    fileName: String(x.file_name),
    status: String(x.status),
    createdAt: date(x.created_at) ?? new Date(0),
    finishedAt: date(x.finished_at),
    summary: (x.summary ?? null) as Record<string, unknown> | null,
  }));
}

/** Row-level import rejections since `from`, grouped by field and reason, most frequent first. */
export async function importRejectionReasons(exec: Executor, ctx: Ctx, from: Date, limit = 10) {
  const r = await exec.execute(sql`
    select x.field, x.reason, count(*)::int as n
    from import_rejections x
    join imports i on i.tenant_id = x.tenant_id and i.id = x.import_id
    where x.tenant_id = ${ctx.tenantId} and i.created_at >= ${from.toISOString()}
    group by x.field, x.reason order by n desc, x.field limit ${limit}`);
  return rowsOf<{ field: string; reason: string; n: number }>(r).map((x) => ({ ...x, n: num(x.n) }));
}

/** Store connections with their sync state. */
export async function connectionStates(exec: Executor, ctx: Ctx) {
  const r = await exec.execute(sql`
    select id, platform, name, base_url, status, last_sync_started_at, last_success_at, last_error
    from connections where tenant_id = ${ctx.tenantId} order by platform, name`);
  return rowsOf<Record<string, unknown>>(r).map((x) => ({
    id: String(x.id),
    platform: String(x.platform),
    name: String(x.name),
    baseUrl: String(x.base_url),
    status: String(x.status),
    lastSyncStartedAt: date(x.last_sync_started_at),
    lastSuccessAt: date(x.last_success_at),
    lastError: x.last_error ? String(x.last_error) : null,
  }));
}

/** Whether the tenant has any stored data at all (for the empty state). */
export async function hasAnyData(exec: Executor, ctx: Ctx): Promise<boolean> {
  const r = await exec.execute(sql`
    select exists(select 1 from events where tenant_id = ${ctx.tenantId})
      or exists(select 1 from products where tenant_id = ${ctx.tenantId})
      or exists(select 1 from shoppers where tenant_id = ${ctx.tenantId})
      or exists(select 1 from ingest_daily where tenant_id = ${ctx.tenantId})
      or exists(select 1 from imports where tenant_id = ${ctx.tenantId})
      or exists(select 1 from connections where tenant_id = ${ctx.tenantId}) as any`);
  return Boolean(rowsOf<{ any: boolean }>(r)[0]?.any);
}
