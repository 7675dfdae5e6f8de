import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { embeddingSpaces, productEmbeddings } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

/**
 * Tenant-scoped SQL for stored vectors and their spaces (re-exported by queries.ts, the module's
 * one entry point). Every statement filters `tenant_id`.
 */
type Ctx = Pick<TenantContext, 'tenantId'>;

export interface VectorRow {
  productId: string;
  /** The text hash the vector was made from. */
  textHash: string;
  vector: Float32Array;
}

/** Shortest text that reads back as the same float32 (9 significant digits always do). */
function float32Json(v: Float32Array): string {
  let out = '[';
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    out += (i ? ',' : '') + (Number.isFinite(x) ? Number(x.toPrecision(9)) : 0);
  }
  return `${out}]`;
}

/**
 * Writes a batch of vectors of one space in ONE statement that also moves the space's counters:
 * `vectors` grows by the rows that were new, `version` by one (in-memory indexes reload on it).
 * A new space starts its version at the clock in ms, not 1: a space deleted and created again
 * must not repeat a version an in-memory index still holds for the old contents.
 * Products deleted meanwhile are skipped. Returns the rows written and the space's new version.
 */
export async function upsertVectors(
  exec: Executor,
  ctx: Ctx,
  input: { space: string; dims: number; rows: VectorRow[] },
): Promise<{ written: number; inserted: number; version: number }> {
  if (input.rows.length === 0) return { written: 0, inserted: 0, version: -1 };
  const items = input.rows.map(
    (r) =>
      `{"product_id":${JSON.stringify(r.productId)},"text_hash":${JSON.stringify(r.textHash)},"vector":${float32Json(r.vector)}}`,
  );
  const json = `[${items.join(',')}]`;
  const [row] = rowsOf<{ version: string | number; written: number; inserted: number }>(
    await exec.execute(sql`
      with v as (
        select * from jsonb_to_recordset(${json}::jsonb) as v(product_id uuid, text_hash text, vector real[])
      ), up as (
        insert into product_embeddings (tenant_id, space, product_id, dims, text_hash, vector, embedded_at)
        select ${ctx.tenantId}, ${input.space}, v.product_id, ${input.dims}::int, v.text_hash, v.vector, now()
        from v join products p on p.tenant_id = ${ctx.tenantId} and p.id = v.product_id
        on conflict (tenant_id, space, product_id) do update set
          dims = excluded.dims, text_hash = excluded.text_hash, vector = excluded.vector, embedded_at = excluded.embedded_at
        returning (xmax = 0) as inserted
      ), n as (
        select count(*)::int as written, (count(*) filter (where inserted))::int as inserted from up
      ), s as (
        insert into embedding_spaces (tenant_id, space, dims, vectors, version, updated_at)
        select ${ctx.tenantId}, ${input.space}, ${input.dims}::int, n.inserted,
          (extract(epoch from clock_timestamp()) * 1000)::bigint, now() from n
        on conflict (tenant_id, space) do update set
          dims = excluded.dims,
          vectors = embedding_spaces.vectors + excluded.vectors,
          version = embedding_spaces.version + 1,
          updated_at = excluded.updated_at
        returning version
      )
      select s.version, n.written, n.inserted from s, n`),
  );
  return { written: row?.written ?? 0, inserted: row?.inserted ?? 0, version: Number(row?.version ?? -1) };
}

/**
 * Deletes the vectors (every space) of products that are no longer embeddable — archived, or
 * analysed as skipped (their text was removed) — and lowers the spaces' counters to match.
 * Returns how many vectors went.
 */
export async function deleteRetiredVectors(exec: Executor, ctx: Ctx): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await exec.execute(sql`
      with gone as (
        delete from product_embeddings pe
        using products p
        left join product_texts pt on pt.tenant_id = ${ctx.tenantId} and pt.product_id = p.id
        where pe.tenant_id = ${ctx.tenantId} and p.tenant_id = ${ctx.tenantId} and p.id = pe.product_id
          and (p.status <> 'active' or pt.skip_reason is not null)
        returning pe.space
      ), per_space as (
        select space, count(*)::int as n from gone group by space
      ), moved as (
        update embedding_spaces es
        set vectors = greatest(0, es.vectors - per_space.n), version = es.version + 1, updated_at = now()
        from per_space
        where es.tenant_id = ${ctx.tenantId} and es.space = per_space.space
        returning per_space.n
      )
      select coalesce(sum(n), 0)::int as n from moved`),
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Removes every space of the workspace except `keep` (after a switch of embedder, once the new
 * space covers the catalog). Returns the spaces removed.
 */
export async function deleteOtherSpaces(exec: Executor, ctx: Ctx, keep: string): Promise<string[]> {
  await exec.execute(
    sql`delete from product_embeddings where tenant_id = ${ctx.tenantId} and space <> ${keep}`,
  );
  const gone = await exec
    .delete(embeddingSpaces)
    .where(and(tenantFilter(ctx, embeddingSpaces), sql`${embeddingSpaces.space} <> ${keep}`))
    .returning({ space: embeddingSpaces.space });
  return gone.map((g) => g.space);
}

/** The workspace's spaces, most vectors first. */
export async function listSpaces(exec: Executor, ctx: Ctx) {
  return exec
    .select()
    .from(embeddingSpaces)
    .where(tenantFilter(ctx, embeddingSpaces))
    .orderBy(desc(embeddingSpaces.vectors), asc(embeddingSpaces.space));
}

/** One product's vector metadata in a space (not the vector), or null. */
export async function getProductVectorInfo(exec: Executor, ctx: Ctx, space: string, productId: string) {
  const [row] = await exec
    .select({ textHash: productEmbeddings.textHash, embeddedAt: productEmbeddings.embeddedAt })
    .from(productEmbeddings)
    .where(
      and(
        tenantFilter(ctx, productEmbeddings),
        eq(productEmbeddings.space, space),
        eq(productEmbeddings.productId, productId),
      ),
    )
    .limit(1);
  return row ?? null;
}
