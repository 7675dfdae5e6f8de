import { sql } from 'drizzle-orm';
import { type Db, type Executor, rowsOf } from '@/db/client';
import { products } from '@/db/schema';
import { upsertVectors } from '../queries';

/** Seeded PRNG (mulberry32): the same seed gives the same vectors on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` random unit vectors of `dims` (Gaussian-ish: sum of uniforms), deterministic per seed. */
export function randomUnitVectors(n: number, dims: number, seed: number): Float32Array[] {
  const rand = seededRandom(seed);
  const out: Float32Array[] = [];
  for (let i = 0; i < n; i++) {
    const v = new Float32Array(dims);
    let s = 0;
    for (let j = 0; j < dims; j++) {
      const x = rand() + rand() + rand() - 1.5;
      v[j] = x;
      s += x * x;
    }
    const inv = 1 / Math.sqrt(s);
    for (let j = 0; j < dims; j++) v[j] = v[j]! * inv;
    out.push(v);
  }
  return out;
}

/** Inserts `n` bare products for a tenant (chunks of 1,000 rows) and returns their ids in order. */
export async function insertTestProducts(
  db: Executor,
  tenantId: string,
  n: number,
  prefix = 'p',
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      rows.push({
        tenantId,
        externalId: `${prefix}-${i}`,
        title: { en: `Product ${prefix} ${i}` },
        priceMinor: 1000 + i,
        currency: 'EUR',
      });
    }
    const inserted = await db.insert(products).values(rows).returning({ id: products.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Writes one vector per id into `space` (batches of `batch`), as the embed job does. */
export async function writeTestVectors(
  db: Executor,
  tenantId: string,
  space: string,
  ids: readonly string[],
  vectors: readonly Float32Array[],
  batch = 500,
): Promise<void> {
  const dims = vectors[0]?.length ?? 0;
  for (let start = 0; start < ids.length; start += batch) {
    const rows = ids.slice(start, start + batch).map((productId, i) => ({
      productId,
      textHash: 'h',
      vector: vectors[start + i]!,
    }));
    await upsertVectors(db, { tenantId }, { space, dims, rows });
  }
}

/**
 * Runs `fn` with the HNSW indexes of product_embeddings dropped, then rebuilds them from their
 * stored definitions. Building once over all rows is several times faster on PGlite than growing
 * the graph row by row, which is what a bulk load in a test would otherwise do.
 */
export async function withoutHnswIndexes<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const defs = rowsOf<{ indexname: string; indexdef: string }>(
    await db.execute(
      sql`select indexname, indexdef from pg_indexes where tablename = 'product_embeddings' and indexdef ilike '%using hnsw%'`,
    ),
  );
  for (const d of defs) await db.execute(sql.raw(`drop index if exists "${d.indexname}"`));
  try {
    return await fn();
  } finally {
    await db.execute(sql.raw(`set maintenance_work_mem = '256MB'`));
    for (const d of defs) await db.execute(sql.raw(d.indexdef));
  }
}
