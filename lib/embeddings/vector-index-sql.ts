import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Executor, rowsOf } from '@/db/client';
import type { VectorHit, VectorSearchOptions } from './types';

/** Dimensions with a partial HNSW expression index (migration 0007). */
export const HNSW_DIMS: readonly number[] = [384, 512];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One `'{…}'::uuid[]` literal for a set of ids (drizzle would expand a JS array into a list of
 * parameters; see environment.md). Ids that are not UUIDs cannot match and are dropped.
 */
function uuidArray(ids: Iterable<string>): string {
  const ok: string[] = [];
  for (const id of ids) if (UUID.test(id)) ok.push(id);
  return `{${ok.join(',')}}`;
}

/** The shared WHERE: tenant first, one space, one dimension (a literal, so the partial index applies). */
function whereOf(opts: VectorSearchOptions, dims: number): SQL {
  const parts = [
    sql`tenant_id = ${opts.tenantId}`,
    sql`space = ${opts.space}`,
    sql.raw(`dims = ${Math.trunc(dims)}`),
  ];
  if (opts.allow) parts.push(sql`product_id = any(${uuidArray(opts.allow)}::uuid[])`);
  if (opts.exclude?.size) parts.push(sql`product_id <> all(${uuidArray(opts.exclude)}::uuid[])`);
  return sql.join(parts, sql` and `);
}

const vectorLiteral = (q: Float32Array) => `[${Array.from(q).join(',')}]`;
const realArrayLiteral = (q: Float32Array) => `{${Array.from(q).join(',')}}`;

function hitsOf(rows: { product_id: string; score: number | string }[]): VectorHit[] {
  return rows.map((r) => ({ productId: r.product_id, score: Number(r.score) }));
}

async function setLocal(tx: Executor, tenantId: string, settings: Record<string, string>): Promise<void> {
  const calls = [sql`set_config('app.tenant_id', ${tenantId}, true)`]; // row-level security
  for (const [name, value] of Object.entries(settings)) calls.push(sql`set_config(${name}, ${value}, true)`);
  await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
}

export interface HnswTuning {
  /** Candidate list size of the search (pgvector default 40; higher = better recall, slower). */
  efSearch: number;
  /** pgvector ≥ 0.8: keep scanning the graph until k rows pass the tenant filter. */
  iterative: boolean;
  /** Upper bound of tuples an iterative scan visits before giving up. */
  maxScanTuples: number;
}

/**
 * Approximate search through the partial HNSW expression index. The ORDER BY repeats the indexed
 * expression `(vector::vector(D)) <=> q` exactly, or the planner cannot use the index; sorting is
 * disabled for the transaction so the planner never prefers "scan the tenant, sort by distance".
 * The workspace filter is applied while walking the graph; the iterative scan keeps walking until
 * k rows pass it, so a workspace that is a small share of the index still gets k results.
 */
export async function searchHnsw(
  db: Db,
  opts: VectorSearchOptions & { query: Float32Array; dims: number },
  tuning: HnswTuning,
): Promise<VectorHit[]> {
  const d = Math.trunc(opts.dims);
  const expr = sql.raw(`(vector::vector(${d}))`);
  const q = sql`${vectorLiteral(opts.query)}::${sql.raw(`vector(${d})`)}`;
  const settings: Record<string, string> = {
    'hnsw.ef_search': String(Math.min(1000, Math.max(opts.k, tuning.efSearch))),
    enable_sort: 'off',
  };
  if (tuning.iterative) {
    settings['hnsw.iterative_scan'] = 'relaxed_order';
    settings['hnsw.max_scan_tuples'] = String(tuning.maxScanTuples);
  }
  const rows = await db.transaction(async (tx) => {
    await setLocal(tx, opts.tenantId, settings);
    return rowsOf<{ product_id: string; score: number }>(
      await tx.execute(sql`
        select product_id, 1 - (${expr} <=> ${q}) as score
        from product_embeddings
        where ${whereOf(opts, d)}
        order by ${expr} <=> ${q}
        limit ${opts.k}`),
    );
  });
  // relaxed_order may return neighbours slightly out of order: sorted by the caller.
  return hitsOf(rows);
}

/**
 * Exact search in SQL. With pgvector: negative inner product on the cast vectors (unit vectors:
 * the same order as cosine), an operator no index serves, so it reads the workspace's rows through
 * the primary key `(tenant_id, space, …)` and computes in C. Without pgvector: the dot product in
 * plain SQL over `unnest` — portable but slow (the in-memory path is the one to use there).
 */
export async function searchExactSql(
  db: Db,
  opts: VectorSearchOptions & { query: Float32Array; dims: number; pgvector: boolean },
): Promise<VectorHit[]> {
  const d = Math.trunc(opts.dims);
  const query = opts.pgvector
    ? sql`
        select product_id, -(${sql.raw(`(vector::vector(${d}))`)} <#> ${vectorLiteral(opts.query)}::${sql.raw(`vector(${d})`)}) as score
        from product_embeddings
        where ${whereOf(opts, d)}
        order by score desc, product_id
        limit ${opts.k}`
    : sql`
        select product_id, score from (
          select product_id,
            (select sum(a::float8 * b) from unnest(vector, ${realArrayLiteral(opts.query)}::real[]) as t(a, b)) as score
          from product_embeddings
          where ${whereOf(opts, d)}
        ) s
        order by score desc, product_id
        limit ${opts.k}`;
  const rows = await db.transaction(async (tx) => {
    await setLocal(tx, opts.tenantId, {});
    return rowsOf<{ product_id: string; score: number }>(await tx.execute(query));
  });
  return hitsOf(rows);
}

/** One product's stored vector in a space, or null. */
export async function getProductVector(
  exec: Executor,
  ref: { tenantId: string; space: string; productId: string },
): Promise<Float32Array | null> {
  if (!UUID.test(ref.productId)) return null;
  const [row] = rowsOf<{ vector: unknown }>(
    await exec.execute(sql`
      select vector from product_embeddings
      where tenant_id = ${ref.tenantId} and space = ${ref.space} and product_id = ${ref.productId}`),
  );
  if (!row) return null;
  const v = row.vector;
  if (Array.isArray(v)) return Float32Array.from(v as number[]);
  if (typeof v === 'string') return Float32Array.from(v.slice(1, -1).split(',').map(Number));
  return null;
}

/** What the search needs to know about a database, read once per database object. */
export interface DatabaseTraits {
  /** Installed pgvector version (`0.8.7`), or null. */
  pgvector: string | null;
  /** PostgreSQL compiled to WebAssembly (PGlite): every scan costs several times more CPU. */
  wasm: boolean;
}

const traits = new WeakMap<object, Promise<DatabaseTraits>>();

export function databaseTraits(db: Db): Promise<DatabaseTraits> {
  let t = traits.get(db);
  if (!t) {
    t = db
      .execute(
        sql`select (select extversion from pg_extension where extname = 'vector') as pgvector, version() as version`,
      )
      .then((r) => {
        const row = rowsOf<{ pgvector: string | null; version: string }>(r)[0];
        return { pgvector: row?.pgvector ?? null, wasm: /wasm|emscripten|pglite/i.test(row?.version ?? '') };
      });
    t.catch(() => traits.delete(db));
    traits.set(db, t);
  }
  return t;
}

/** True for pgvector ≥ 0.8, which has iterative index scans. */
export function hasIterativeScan(version: string | null): boolean {
  if (!version) return false;
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 0 || minor >= 8;
}
