import { and, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { type DetectedLanguage, productTexts, tenants } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { ProductText, ProductTextSource } from './types';

export * from './queries-vectors';

/**
 * Tenant-scoped SQL of product understanding. Every statement filters `tenant_id` (joins repeat it
 * on both sides, so each table is read through its `(tenant_id, …)` key). Statements with many rows
 * take one JSON parameter unpacked by `jsonb_to_recordset`: one round trip per batch, and no JS
 * arrays in `sql` templates (drizzle would expand them into parameter lists).
 */
type Ctx = Pick<TenantContext, 'tenantId'>;

/** A product as analysis needs it, with its version (`updated_at` as exact epoch text). */
export interface ProductToAnalyze extends ProductTextSource {
  id: string;
  /** `extract(epoch from updated_at)::text`: exact to the microsecond, unlike a JS Date. */
  version: string;
}

// Active products whose analysis is missing or of another version of the product (or all, `full`).
// `analyzed_at` holds the product's `updated_at` the analysis was made from, not the wall clock:
// a change committed by a transaction that began before the analysis (so its `updated_at = now()`
// is older than the analysis) still differs from it, where a wall-clock comparison would miss it.
const needsAnalysis = (full: boolean) =>
  full ? sql`true` : sql`(pt.product_id is null or p.updated_at <> pt.analyzed_at)`;

const PRODUCT_COLUMNS = sql`p.id, p.title, p.description, p.category_path, p.brand, p.attributes,
  extract(epoch from p.updated_at)::text as version`;

interface ProductSourceRow {
  id: string;
  title: Record<string, string>;
  description: Record<string, string>;
  category_path: string[] | null;
  brand: string | null;
  attributes: Record<string, string | number | boolean>;
  version: string;
}

const toSource = (r: ProductSourceRow): ProductToAnalyze => ({
  id: r.id,
  title: r.title ?? {},
  description: r.description ?? {},
  categoryPath: r.category_path ?? [],
  brand: r.brand,
  attributes: r.attributes ?? {},
  version: r.version,
});

/** Products to analyze after `after` (keyset by id), at most `limit`. */
export async function listProductsToAnalyze(
  exec: Executor,
  ctx: Ctx,
  opts: { after?: string | null; limit: number; full?: boolean },
): Promise<ProductToAnalyze[]> {
  const cursor = opts.after ? sql`and p.id > ${opts.after}` : sql``;
  const rows = rowsOf<ProductSourceRow>(
    await exec.execute(sql`
      select ${PRODUCT_COLUMNS}
      from products p
      left join product_texts pt on pt.tenant_id = ${ctx.tenantId} and pt.product_id = p.id
      where p.tenant_id = ${ctx.tenantId} and p.status = 'active' and ${needsAnalysis(Boolean(opts.full))} ${cursor}
      order by p.id
      limit ${opts.limit}`),
  );
  return rows.map(toSource);
}

/** How many products `listProductsToAnalyze` would return in all. */
export async function countProductsToAnalyze(exec: Executor, ctx: Ctx, full = false): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await exec.execute(sql`
      select count(*)::int as n
      from products p
      left join product_texts pt on pt.tenant_id = ${ctx.tenantId} and pt.product_id = p.id
      where p.tenant_id = ${ctx.tenantId} and p.status = 'active' and ${needsAnalysis(full)}`),
  );
  return Number(row?.n ?? 0);
}

export interface AnalyzedProduct {
  productId: string;
  /** The `version` the analysis was made from. */
  version: string;
  text: ProductText;
  languages: Record<string, DetectedLanguage>;
}

/**
 * Stores analyses in one statement, `analyzed_at` = the product version analysed (see
 * needsAnalysis). A product changed since it was read (its version moved) is left alone: it still counts as needing analysis, so the next pass picks up the new text instead
 * of marking a stale one current. An `embed_*` skip reason survives re-analysis of the same text
 * (the embedder would fail on it again). Returns how many rows were written.
 */
export async function upsertProductTexts(exec: Executor, ctx: Ctx, rows: AnalyzedProduct[]): Promise<number> {
  if (rows.length === 0) return 0;
  const json = JSON.stringify(
    rows.map((r) => ({
      product_id: r.productId,
      version: r.version,
      text_hash: r.text.hash,
      languages: r.languages,
      search_text: r.text.searchText,
      skip_reason: r.text.skipReason,
    })),
  );
  const written = rowsOf<{ product_id: string }>(
    await exec.execute(sql`
      insert into product_texts (tenant_id, product_id, text_hash, languages, search_text, skip_reason, analyzed_at)
      select ${ctx.tenantId}, v.product_id, v.text_hash, v.languages, v.search_text, v.skip_reason, p.updated_at
      from jsonb_to_recordset(${json}::jsonb)
        as v(product_id uuid, version numeric, text_hash text, languages jsonb, search_text text, skip_reason text)
      join products p on p.tenant_id = ${ctx.tenantId} and p.id = v.product_id
        and extract(epoch from p.updated_at) = v.version
      on conflict (tenant_id, product_id) do update set
        skip_reason = case
          when product_texts.text_hash = excluded.text_hash and product_texts.skip_reason like 'embed_%'
            then product_texts.skip_reason
          else excluded.skip_reason end,
        text_hash = excluded.text_hash,
        languages = excluded.languages,
        search_text = excluded.search_text,
        analyzed_at = excluded.analyzed_at
      returning product_id`),
  );
  return written.length;
}

/** An analyzed product whose current text has no vector in a space yet. */
export interface ProductToEmbed extends ProductToAnalyze {
  textHash: string;
}

// Analyzed, embeddable, active products without a vector of their current text in `space`
// (or every one of them, `all`: a full re-embed).
function needsVector(ctx: Ctx, space: string, all: boolean) {
  const missing = all ? sql`` : sql`and (pe.product_id is null or pe.text_hash <> pt.text_hash)`;
  return sql`
    from product_texts pt
    join products p on p.tenant_id = ${ctx.tenantId} and p.id = pt.product_id and p.status = 'active'
    left join product_embeddings pe
      on pe.tenant_id = ${ctx.tenantId} and pe.space = ${space} and pe.product_id = pt.product_id
    where pt.tenant_id = ${ctx.tenantId} and pt.skip_reason is null ${missing}`;
}

/** Products to embed into `space` after `after` (keyset by id), with the hash of their analysed text. */
export async function listProductsToEmbed(
  exec: Executor,
  ctx: Ctx,
  opts: { space: string; after?: string | null; limit: number; all?: boolean },
): Promise<ProductToEmbed[]> {
  const cursor = opts.after ? sql`and pt.product_id > ${opts.after}` : sql``;
  const rows = rowsOf<ProductSourceRow & { text_hash: string }>(
    await exec.execute(sql`
      select ${PRODUCT_COLUMNS}, pt.text_hash
      ${needsVector(ctx, opts.space, Boolean(opts.all))} ${cursor}
      order by pt.product_id
      limit ${opts.limit}`),
  );
  return rows.map((r) => ({ ...toSource(r), textHash: r.text_hash }));
}

/** How many products `listProductsToEmbed` would return in all. */
export async function countProductsToEmbed(
  exec: Executor,
  ctx: Ctx,
  space: string,
  all = false,
): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await exec.execute(sql`select count(*)::int as n ${needsVector(ctx, space, all)}`),
  );
  return Number(row?.n ?? 0);
}

/** Marks products that cannot be embedded (`embed_failed` …), so runs do not retry them until their text changes. */
export async function markProductsSkipped(
  exec: Executor,
  ctx: Ctx,
  rows: { productId: string; reason: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ product_id: r.productId, reason: r.reason })));
  await exec.execute(sql`
    update product_texts pt set skip_reason = v.reason
    from jsonb_to_recordset(${json}::jsonb) as v(product_id uuid, reason text)
    where pt.tenant_id = ${ctx.tenantId} and pt.product_id = v.product_id`);
}

export interface EmbeddingCounts {
  /** Active products. */
  active: number;
  /** With a vector of their current text in the space. */
  embedded: number;
  /** With a vector in the space made from an older text. */
  stale: number;
  /** Neither embedded nor skipped (not analysed yet, or waiting for the embed step). */
  missing: number;
  /** Skip reason → products (no text, embedding failed …). */
  skipped: Record<string, number>;
  lastEmbeddedAt: Date | null;
}

/** Where the workspace's catalog stands in `space` (the Models page). */
export async function getEmbeddingCounts(exec: Executor, ctx: Ctx, space: string): Promise<EmbeddingCounts> {
  const rows = rowsOf<{ state: string; reason: string | null; n: number; last: string | Date | null }>(
    await exec.execute(sql`
      select state, reason, count(*)::int as n, max(embedded_at) as last from (
        select
          case
            when pt.skip_reason is not null then 'skipped'
            when pe.product_id is null then 'missing'
            when pt.product_id is null or pe.text_hash <> pt.text_hash then 'stale'
            else 'embedded' end as state,
          pt.skip_reason as reason,
          pe.embedded_at
        from products p
        left join product_texts pt on pt.tenant_id = ${ctx.tenantId} and pt.product_id = p.id
        left join product_embeddings pe
          on pe.tenant_id = ${ctx.tenantId} and pe.space = ${space} and pe.product_id = p.id
        where p.tenant_id = ${ctx.tenantId} and p.status = 'active'
      ) s
      group by state, reason`),
  );
  const out: EmbeddingCounts = {
    active: 0,
    embedded: 0,
    stale: 0,
    missing: 0,
    skipped: {},
    lastEmbeddedAt: null,
  };
  for (const r of rows) {
    const n = Number(r.n);
    out.active += n;
    if (r.state === 'skipped')
      out.skipped[r.reason ?? 'unknown'] = (out.skipped[r.reason ?? 'unknown'] ?? 0) + n;
    else if (r.state === 'embedded' || r.state === 'stale' || r.state === 'missing') out[r.state] += n;
    const last = r.last ? new Date(r.last) : null;
    if (last && (!out.lastEmbeddedAt || last > out.lastEmbeddedAt)) out.lastEmbeddedAt = last;
  }
  return out;
}

/** One product's analysis (languages, skip reason), or null when not analysed yet. */
export async function getProductText(exec: Executor, ctx: Ctx, productId: string) {
  const [row] = await exec
    .select()
    .from(productTexts)
    .where(and(tenantFilter(ctx, productTexts), eq(productTexts.productId, productId)))
    .limit(1);
  return row ?? null;
}

/** The workspace's embedder setting (`auto`, `lexical`, `model:<id>`); `auto` when the workspace is gone. */
export async function getEmbedderSetting(exec: Executor, ctx: Ctx): Promise<string> {
  const [row] = await exec
    .select({ embedder: tenants.embedder })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId))
    .limit(1);
  return row?.embedder ?? 'auto';
}
