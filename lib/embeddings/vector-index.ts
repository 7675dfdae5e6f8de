import { sql } from 'drizzle-orm';
import { type Db, type DbHandle, rowsOf } from '@/db/client';
import { normalized, sortHits } from './top-k';
import type { VectorHit, VectorSearchOptions } from './types';
import { forgetMemoryIndex, getMemoryIndex, rowOfProduct, searchMemoryIndex } from './vector-index-memory';
import {
  HNSW_DIMS,
  type HnswTuning,
  getProductVector,
  databaseTraits,
  hasIterativeScan,
  searchExactSql,
  searchHnsw,
} from './vector-index-sql';

/**
 * Nearest neighbours within one workspace and one embedding space, behind one function:
 * - `hnsw`: pgvector's HNSW index (databases with pgvector, 384 or 512 dimensions), for large
 *   workspaces; approximate.
 * - `exact-sql`: an exact scan of the workspace's rows in SQL — with pgvector it beats the index
 *   for small workspaces (see HNSW_MIN_VECTORS) and for short allow lists.
 * - `memory`: the portable exact index (lib/embeddings/vector-index-memory.ts), used wherever
 *   pgvector is missing or the dimension has no HNSW index.
 */
export type VectorPath = 'hnsw' | 'exact-sql' | 'memory';

/** A database handle (knows whether pgvector exists) or a bare database (asked once). */
export type VectorDb = Db | (Pick<DbHandle, 'db' | 'hasPgvector'> & Partial<Pick<DbHandle, 'driver'>>);

export interface SearchVectorsOptions extends VectorSearchOptions {
  /** The query vector, in the space's dimensions; normalized here. */
  query: Float32Array;
  /** Forces a path (benchmarks, tests); throws when the database cannot take it. */
  path?: VectorPath;
}

/**
 * Below this many vectors in a workspace's space an exact SQL scan is as fast as HNSW and exact.
 * Measured on PGlite (`npm run bench:embed -- --full`, 384 dims, k=20, p50): exact SQL 36–53 ms
 * at 10k and 430–630 ms at 100k (~5 µs a vector), HNSW 16–35 ms at 10k and 75 ms at 100k, so
 * they meet near 3–5k. Not measured on a server (no pgvector on these machines): native scans
 * cost a fraction of WASM's per vector, which moves the crossover up to about 20k there.
 */
export const HNSW_MIN_VECTORS = { wasm: 5_000, server: 20_000 } as const;
/** An allow list this short is read by primary key and scored exactly instead of filtering the graph. */
export const ALLOW_EXACT_MAX = 20_000;

/**
 * Recall@20 by ef_search on random unit vectors (the hardest case: no clusters), PGlite:
 * at 3k: 100 → 0.87, 200 → 0.96, 400 → 0.99; at 10k: 100 → 0.58, 200 → 0.79, 400 → 0.93,
 * 800 → 0.99 (9, 23, 20, 30 ms a query); at 100k, 400 → 0.37. 400 (or 20×k for larger k) keeps
 * the cost well below an exact scan; real embeddings cluster and reach far higher recall than
 * random vectors at the same setting.
 */
const TUNING: HnswTuning = { efSearch: 400, iterative: true, maxScanTuples: 50_000 };

interface Target {
  db: Db;
  pgvector: boolean;
  wasm: boolean;
}

async function resolveDb(target: VectorDb): Promise<Target> {
  if ('hasPgvector' in target && 'db' in target) {
    const wasm = 'driver' in target ? target.driver === 'pglite' : (await databaseTraits(target.db)).wasm;
    return { db: target.db, pgvector: target.hasPgvector, wasm };
  }
  const db = target as Db;
  const t = await databaseTraits(db);
  return { db, pgvector: t.pgvector !== null, wasm: t.wasm };
}

interface SpaceHead {
  dims: number;
  vectors: number;
  version: number;
}

/** The space's size and version: one primary-key lookup, done before every search. */
async function readHead(db: Db, tenantId: string, space: string): Promise<SpaceHead | null> {
  const [row] = rowsOf<{ dims: number; vectors: number; version: string | number }>(
    await db.execute(sql`
      select dims, vectors, version from embedding_spaces where tenant_id = ${tenantId} and space = ${space}`),
  );
  return row ? { dims: row.dims, vectors: row.vectors, version: Number(row.version) } : null;
}

/** Which path a search takes when none is forced. Exported for the benchmark and tests. */
export function choosePath(
  db: Pick<Target, 'pgvector' | 'wasm'>,
  head: Pick<SpaceHead, 'dims' | 'vectors'>,
  allow?: ReadonlySet<string>,
): VectorPath {
  if (!db.pgvector || !HNSW_DIMS.includes(head.dims)) return 'memory';
  if (head.vectors < HNSW_MIN_VECTORS[db.wasm ? 'wasm' : 'server']) return 'exact-sql';
  if (allow && allow.size <= ALLOW_EXACT_MAX) return 'exact-sql';
  // Embedded PGlite runs the graph walk in WASM: at 100k vectors the in-process exact index
  // measured faster (p50 44–66 ms vs 75 ms, `npm run bench:embed -- --full`) and has recall 1.
  if (db.wasm) return 'memory';
  return 'hnsw';
}

/**
 * The k nearest products to `query` among one workspace's vectors of one space, best first, with
 * cosine similarity. Only that workspace's vectors are ever read. Returns [] when the space has no
 * vectors or the query has other dimensions. Throws when a forced path is unavailable (`hnsw`
 * without pgvector or for a dimension without an index).
 */
export async function searchVectors(target: VectorDb, opts: SearchVectorsOptions): Promise<VectorHit[]> {
  if (opts.k <= 0 || opts.allow?.size === 0) return [];
  const t = await resolveDb(target);
  const { db, pgvector } = t;
  const head = await readHead(db, opts.tenantId, opts.space);
  if (!head) forgetMemoryIndex(db, opts.tenantId, opts.space); // a space removed after a switch
  if (!head || head.vectors === 0 || opts.query.length !== head.dims) return [];
  const query = normalized(opts.query);
  const path = opts.path ?? choosePath(t, head, opts.allow);
  const args = { ...opts, query, dims: head.dims };
  if (path === 'memory') {
    const index = await getMemoryIndex(db, opts.tenantId, opts.space, head.version);
    return searchMemoryIndex(index, query, opts);
  }
  if (path === 'exact-sql') return sortHits(await searchExactSql(db, { ...args, pgvector }));
  if (!pgvector || !HNSW_DIMS.includes(head.dims)) {
    throw new Error(`No HNSW index for ${head.dims} dimensions on this database.`);
  }
  const iterative = hasIterativeScan((await databaseTraits(db)).pgvector);
  const efSearch = Math.max(TUNING.efSearch, opts.k * 20);
  const hits = await searchHnsw(db, args, { ...TUNING, efSearch, iterative });
  // A filter the graph walk could not satisfy (tiny share of the index, long exclude list) leaves
  // the result short: the exact scan then answers, since correctness beats speed here.
  const available = opts.allow ? opts.allow.size : head.vectors - (opts.exclude?.size ?? 0);
  if (hits.length < Math.min(opts.k, available) && !opts.path) {
    return sortHits(await searchExactSql(db, { ...args, pgvector }));
  }
  return sortHits(hits);
}

export interface SimilarOptions extends Omit<VectorSearchOptions, 'exclude'> {
  productId: string;
  exclude?: ReadonlySet<string>;
  path?: VectorPath;
}

/**
 * The k products nearest to one product (itself excluded), in the same workspace and space.
 * Returns null when that product has no vector in the space (not embedded yet, or skipped).
 */
export async function similarToProduct(target: VectorDb, opts: SimilarOptions): Promise<VectorHit[] | null> {
  const t = await resolveDb(target);
  const { db, pgvector } = t;
  const head = await readHead(db, opts.tenantId, opts.space);
  if (!head) return null;
  let vector: Float32Array | null = null;
  const path = opts.path ?? choosePath(t, head, opts.allow);
  if (path === 'memory') {
    // The cached matrix already holds the product's vector: no extra read.
    const index = await getMemoryIndex(db, opts.tenantId, opts.space, head.version);
    const row = rowOfProduct(index, opts.productId);
    if (row !== undefined) vector = index.matrix.slice(row * index.dims, (row + 1) * index.dims);
  } else {
    vector = await getProductVector(db, opts);
  }
  if (!vector) return null;
  const exclude = new Set(opts.exclude ?? []);
  exclude.add(opts.productId);
  return searchVectors(
    { db, hasPgvector: pgvector, driver: t.wasm ? 'pglite' : 'node-postgres' },
    {
      ...opts,
      query: vector,
      exclude,
      path,
    },
  );
}
