import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { sealShopperRecords } from '@/lib/privacy/pii-shoppers';
import type { TenantContext } from '@/lib/tenant/context';
import type { ProductRecord, ShopperRecord, UpsertCounts } from './records';
import {
  type ColumnSpec,
  addCounts,
  groupByShape,
  lastByKey,
  upsertSameShape,
  zeroCounts,
} from './upsert-core';

type Tenant = Pick<TenantContext, 'tenantId'>;

const PRODUCT_REQUIRED: ColumnSpec<ProductRecord>[] = [
  { key: 'title', column: 'title', type: 'jsonb', update: 'merge' },
  { key: 'priceMinor', column: 'price_minor', type: 'bigint' },
  { key: 'currency', column: 'currency', type: 'text' },
];
const PRODUCT_OPTIONAL: ColumnSpec<ProductRecord>[] = [
  { key: 'description', column: 'description', type: 'jsonb', update: 'merge' },
  { key: 'categoryPath', column: 'category_path', type: 'text[]' },
  { key: 'brand', column: 'brand', type: 'text' },
  { key: 'stock', column: 'stock', type: 'integer' },
  { key: 'attributes', column: 'attributes', type: 'jsonb', update: 'merge' },
  { key: 'imageUrls', column: 'image_urls', type: 'text[]' },
  { key: 'status', column: 'status', type: 'text' },
  { key: 'publishedAt', column: 'published_at', type: 'timestamptz' },
];

/**
 * Upserts products by `(tenant, externalId)` in statements of 500 rows. Fields left
 * `undefined` keep their stored values (null clears them); `title`, `description` and
 * `attributes` are merged into the stored maps, so a file with English titles keeps the German
 * ones. Unchanged products are not rewritten. Order lines that named a product before it
 * existed are linked to it when it is inserted. Use inside the caller's transaction.
 */
export async function upsertProducts(
  exec: Executor,
  ctx: Tenant,
  records: readonly ProductRecord[],
): Promise<UpsertCounts> {
  const total = zeroCounts();
  const unique = lastByKey(records, (r) => r.externalId);
  total.unchanged += records.length - unique.length;
  const inserted: string[] = [];
  const optionalKeys = PRODUCT_OPTIONAL.map((c) => c.key);
  for (const group of groupByShape(unique, optionalKeys)) {
    const first = group[0]!;
    const columns = [...PRODUCT_REQUIRED, ...PRODUCT_OPTIONAL.filter((c) => first[c.key] !== undefined)];
    const r = await upsertSameShape(exec, ctx.tenantId, { table: 'products' }, columns, group);
    addCounts(total, r.counts);
    inserted.push(...r.insertedIds);
  }
  if (inserted.length > 0) await linkOrphanLines(exec, ctx, inserted);
  return total;
}

/** Points order lines that carry these product external ids, and no product yet, at the products. */
async function linkOrphanLines(exec: Executor, ctx: Tenant, externalIds: string[]): Promise<void> {
  await exec.execute(sql`
    update order_lines l set product_id = p.id
    from products p
    where l.tenant_id = ${ctx.tenantId} and l.product_id is null
      and p.tenant_id = ${ctx.tenantId} and p.external_id = l.product_external_id
      and p.external_id in (select json_array_elements_text(${JSON.stringify(externalIds)}::json))`);
}

type SealedShopper = Awaited<ReturnType<typeof sealShopperRecords<ShopperRecord>>>[number];

const SHOPPER_OPTIONAL: ColumnSpec<SealedShopper>[] = [
  // Personal fields are sealed (lib/privacy/pii-shoppers.ts) and always written together.
  { key: 'emailHash', column: 'email_hash', type: 'text' },
  { key: 'emailEnc', column: 'email_enc', type: 'text' },
  { key: 'nameEnc', column: 'name_enc', type: 'text' },
  { key: 'piiKeyVersion', column: 'pii_key_version', type: 'integer' },
  { key: 'emailClear', column: 'email', type: 'text' },
  { key: 'nameClear', column: 'name', type: 'text' },
  { key: 'country', column: 'country', type: 'text' },
  { key: 'locale', column: 'locale', type: 'text' },
  { key: 'attributes', column: 'attributes', type: 'jsonb', update: 'merge' },
  // The earliest known first visit wins, whichever source reported it.
  { key: 'firstSeenAt', column: 'first_seen_at', type: 'timestamptz', update: 'least' },
];

/**
 * Upserts customers by `(tenant, externalId)` (kind `customer`), 500 per statement, with the
 * same rules as products: undefined keeps, null clears, attributes merge, unchanged rows are
 * not rewritten; `firstSeenAt` only ever moves earlier. Email and name are stored encrypted
 * (never in clear), with the email's keyed hash for lookups.
 */
export async function upsertShoppers(
  exec: Executor,
  ctx: Tenant,
  records: readonly ShopperRecord[],
): Promise<UpsertCounts> {
  const total = zeroCounts();
  const latest = lastByKey(records, (r) => r.externalId);
  total.unchanged += records.length - latest.length;
  const unique = await sealShopperRecords(exec, ctx.tenantId, latest);
  const optionalKeys = SHOPPER_OPTIONAL.map((c) => c.key);
  for (const group of groupByShape(unique, optionalKeys)) {
    const first = group[0]!;
    const columns = SHOPPER_OPTIONAL.filter((c) => first[c.key] !== undefined);
    const r = await upsertSameShape(
      exec,
      ctx.tenantId,
      { table: 'shoppers', conflictWhere: 'external_id is not null', constants: { kind: "'customer'" } },
      columns,
      group,
    );
    addCounts(total, r.counts);
  }
  return total;
}
