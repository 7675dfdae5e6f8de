/**
 * Vector search for `npm run bench:embed`: k=20 latency on random unit vectors (384 dims) in a
 * fresh file-backed PGlite per size, through lib/embeddings/vector-index.ts with each path forced:
 * pgvector HNSW (with its build time), exact SQL, and the in-memory index (with its load time);
 * recall@20 of HNSW against the exact answer; and vector writes/s with and without the HNSW index.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type DbHandle, openDatabase, rowsOf } from '@/db/client';
import { tenants } from '@/db/schema';
import { upsertVectors } from '@/lib/embeddings/queries';
import { insertTestProducts, randomUnitVectors } from '@/lib/embeddings/testing/vector-fixtures';
import type { VectorHit } from '@/lib/embeddings/types';
import { type VectorPath, searchVectors } from '@/lib/embeddings/vector-index';
import { clearVectorCache } from '@/lib/embeddings/vector-index-memory';
import { percentile } from './support/stats';

const DIMS = 384;
const SPACE = 'bench@1';
const K = 20;

export interface SearchRow {
  size: number;
  path: VectorPath;
  p50: number;
  p99: number;
  queries: number;
  note: string;
}

export interface WriteRow {
  label: string;
  vectorsPerSecond: number;
}

/** Random unit vectors for every product of a tenant, generated inside the database (seeded). */
async function loadVectors(h: DbHandle, tenantId: string, n: number): Promise<void> {
  await h.db.execute(sql`select setseed(0.42)`);
  await h.db.execute(sql`
    insert into products (tenant_id, external_id, title, price_minor, currency)
    select ${tenantId}, 'p' || i, '{"en":"x"}'::jsonb, 100, 'EUR' from generate_series(1, ${n}::int) i`);
  await h.db.execute(sql`
    insert into product_embeddings (tenant_id, space, product_id, dims, text_hash, vector)
    select p.tenant_id, ${SPACE}, p.id, ${DIMS}::int, 'h', v.vec
    from products p cross join lateral (
      select array_agg((x / norm)::real order by g) as vec from (
        select g, x, sqrt(sum(x * x) over ()) as norm
        from (select g, random() - 0.5 as x from generate_series(1, ${DIMS}::int) g where p.id is not null) r
      ) s
    ) v
    where p.tenant_id = ${tenantId}`);
  await h.db.execute(sql`
    insert into embedding_spaces (tenant_id, space, dims, vectors, version)
    values (${tenantId}, ${SPACE}, ${DIMS}::int, ${n}::int, 1)
    on conflict (tenant_id, space) do update set vectors = embedding_spaces.vectors + excluded.vectors,
      version = embedding_spaces.version + 1`);
}

async function hnswDefinitions(h: DbHandle): Promise<string[]> {
  const defs = rowsOf<{ indexname: string; indexdef: string }>(
    await h.db.execute(
      sql`select indexname, indexdef from pg_indexes where tablename = 'product_embeddings' and indexdef ilike '%using hnsw%'`,
    ),
  );
  // Built after the bulk load (one pass is far faster than growing the graph row by row).
  for (const d of defs) await h.db.execute(sql.raw(`drop index "${d.indexname}"`));
  return defs.map((d) => d.indexdef).filter((d) => d.includes(`vector(${DIMS})`));
}

async function timeQueries(
  h: DbHandle,
  tenantId: string,
  path: VectorPath,
  queries: Float32Array[],
): Promise<{ times: number[]; hits: VectorHit[][] }> {
  const times: number[] = [];
  const hits: VectorHit[][] = [];
  for (const query of queries) {
    const t0 = performance.now();
    hits.push(await searchVectors(h, { tenantId, space: SPACE, k: K, query, path }));
    times.push(performance.now() - t0);
  }
  return { times, hits };
}

const row = (size: number, path: VectorPath, times: number[], note: string): SearchRow => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    size,
    path,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    queries: times.length,
    note,
  };
};

async function writeRate(h: DbHandle, tenantId: string, n: number, prefix: string): Promise<number> {
  const ids = await insertTestProducts(h.db, tenantId, n, prefix);
  const vectors = randomUnitVectors(n, DIMS, 11);
  const t0 = performance.now();
  for (let i = 0; i < n; i += 256) {
    const rows = ids
      .slice(i, i + 256)
      .map((productId, j) => ({ productId, textHash: 'h', vector: vectors[i + j]! }));
    await upsertVectors(h.db, { tenantId }, { space: SPACE, dims: DIMS, rows });
  }
  return n / ((performance.now() - t0) / 1000);
}

export interface SearchBenchOptions {
  size: number;
  hnsw: boolean;
  /** Timed queries per path (exact SQL at 100k gets fewer: it is the slow one). */
  queries: number;
  measureWrites: boolean;
  log: (line: string) => void;
}

/** Measures one catalog size; returns its rows (and write rates when asked). */
export async function benchSearch(o: SearchBenchOptions): Promise<{ rows: SearchRow[]; writes: WriteRow[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-embed-'));
  const h = await openDatabase({ driver: 'pglite', dataDir: dir });
  const rows: SearchRow[] = [];
  const writes: WriteRow[] = [];
  try {
    const [t, noise] = await h.db
      .insert(tenants)
      .values([
        { name: 'bench', slug: 'bench' },
        { name: 'noise', slug: 'noise' },
      ])
      .returning();
    const defs = await hnswDefinitions(h);
    let t0 = performance.now();
    await loadVectors(h, t!.id, o.size);
    await loadVectors(h, noise!.id, Math.round(o.size / 10)); // another workspace in the same index
    await h.db.execute(sql`analyze`);
    o.log(
      `  ${o.size.toLocaleString('en')} vectors generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (o.measureWrites) {
      writes.push({
        label: 'vector upserts, no HNSW index',
        vectorsPerSecond: await writeRate(h, noise!.id, 1000, 'w1'),
      });
    }
    const queries = randomUnitVectors(o.queries + 3, DIMS, 7);
    const warm = queries.slice(0, 3);
    const timed = queries.slice(3);

    clearVectorCache();
    t0 = performance.now();
    await searchVectors(h, { tenantId: t!.id, space: SPACE, k: K, query: warm[0]!, path: 'memory' });
    const loadMs = performance.now() - t0;
    const memory = await timeQueries(h, t!.id, 'memory', timed);
    rows.push(row(o.size, 'memory', memory.times, `load ${(loadMs / 1000).toFixed(1)} s`));
    o.log(`  memory done`);

    const exactN = o.size >= 50_000 ? Math.min(o.queries, 20) : o.queries;
    await timeQueries(h, t!.id, 'exact-sql', warm.slice(0, 1));
    const exact = await timeQueries(h, t!.id, 'exact-sql', timed.slice(0, exactN));
    rows.push(row(o.size, 'exact-sql', exact.times, ''));
    o.log(`  exact SQL done`);

    if (o.hnsw) {
      await h.db.execute(sql.raw(`set maintenance_work_mem = '1GB'`));
      t0 = performance.now();
      for (const d of defs) await h.db.execute(sql.raw(d));
      const buildMs = performance.now() - t0;
      await h.db.execute(sql`analyze product_embeddings`);
      await timeQueries(h, t!.id, 'hnsw', warm);
      const hnsw = await timeQueries(h, t!.id, 'hnsw', timed);
      let found = 0;
      hnsw.hits.forEach((hits, i) => {
        const truth = new Set(memory.hits[i]!.map((x) => x.productId));
        for (const x of hits) if (truth.has(x.productId)) found += 1;
      });
      const recall = found / (K * timed.length);
      rows.push(
        row(
          o.size,
          'hnsw',
          hnsw.times,
          `build ${(buildMs / 1000).toFixed(1)} s, recall@20 ${recall.toFixed(3)}`,
        ),
      );
      o.log(`  HNSW done`);
      if (o.measureWrites) {
        writes.push({
          label: 'vector upserts, HNSW index',
          vectorsPerSecond: await writeRate(h, noise!.id, 300, 'w2'),
        });
      }
    }
  } finally {
    clearVectorCache();
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { rows, writes };
}
