import { sql } from 'drizzle-orm';
import type { MaybePromise } from '@/lib/sync-first';
import { type Db, type Executor, rowsOf } from '@/db/client';
import { log } from '@/lib/log';
import { TopK, dotRow } from './top-k';
import type { VectorHit, VectorSearchOptions } from './types';

/**
 * The portable vector index: every vector of one (workspace, space) in one row-major Float32Array
 * and an id array, searched by brute force. Exact, needs no extension, and at catalog sizes
 * (10k–100k vectors) a scan of contiguous floats is milliseconds — cheaper than any SQL path
 * without pgvector. Entries are cached per process and bounded by the number of floats held.
 */
export interface MemoryIndex {
  tenantId: string;
  space: string;
  /** `embedding_spaces.version` of the snapshot the entry was loaded from. */
  version: number;
  dims: number;
  ids: string[];
  matrix: Float32Array;
  /** product id → row, built on first use (allow lists, "similar"). */
  rowOf?: Map<string, number>;
  /** How long loading this index took (ms): decides whether the next reload may block a query. */
  loadMs: number;
}

interface CacheState {
  entries: Map<string, MemoryIndex>;
  loading: Map<string, Promise<MemoryIndex>>;
  floats: number;
  budget: number;
  dbIds: WeakMap<object, number>;
  nextDbId: number;
}

// 64M floats = 256 MB: a 100k-product catalog at 384 dims is 38M. The machines this runs on are
// small and share memory with Next and the embedded database, so the default is well below the
// 200M a dedicated search box could afford (setVectorCacheBudget raises it).
const DEFAULT_BUDGET_FLOATS = 64_000_000;

// One cache per process, shared by Next's bundle and the custom server (two module graphs).
const g = globalThis as unknown as { __tailorVectorCache?: CacheState };
g.__tailorVectorCache ??= {
  entries: new Map(),
  loading: new Map(),
  floats: 0,
  budget: DEFAULT_BUDGET_FLOATS,
  dbIds: new WeakMap(),
  nextDbId: 1,
};
const cache = g.__tailorVectorCache;

/** Tests and benchmarks can open several databases in one process: a tenant id alone is not a key. */
function keyOf(db: Db, tenantId: string, space: string): string {
  let id = cache.dbIds.get(db);
  if (id === undefined) {
    id = cache.nextDbId++;
    cache.dbIds.set(db, id);
  }
  return `${id}\u0000${tenantId}\u0000${space}`;
}

const PAGE = 5_000;

function toFloats(v: unknown): ArrayLike<number> | null {
  if (Array.isArray(v)) return v as number[];
  // Some drivers hand arrays of unknown element types back as the text literal `{0.1,0.2}`.
  if (typeof v === 'string' && v.startsWith('{')) return v.slice(1, -1).split(',').map(Number);
  return null;
}

/** Reads the whole space in one snapshot, so the version matches the vectors exactly. */
async function load(db: Db, tenantId: string, space: string): Promise<MemoryIndex> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`); // row-level security
      const [head] = rowsOf<{ dims: number; version: string | number }>(
        await tx.execute(
          sql`select dims, version from embedding_spaces where tenant_id = ${tenantId} and space = ${space}`,
        ),
      );
      const dims = head?.dims ?? 0;
      const ids: string[] = [];
      const chunks: Float32Array[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await readPage(tx, tenantId, space, dims, after);
        if (page.length === 0) break;
        const block = new Float32Array(page.length * dims);
        let n = 0;
        for (const r of page) {
          const v = toFloats(r.vector);
          if (!v || v.length !== dims) continue; // a vector of another shape cannot be compared
          block.set(v, n * dims);
          ids.push(r.product_id);
          n += 1;
        }
        chunks.push(block.subarray(0, n * dims));
        after = page[page.length - 1]!.product_id;
        if (page.length < PAGE) break;
      }
      const matrix = new Float32Array(ids.length * dims);
      let at = 0;
      for (const c of chunks) {
        matrix.set(c, at);
        at += c.length;
      }
      return { tenantId, space, version: Number(head?.version ?? 0), dims, ids, matrix, loadMs: 0 };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function readPage(exec: Executor, tenantId: string, space: string, dims: number, after: string | null) {
  const cursor = after === null ? sql`` : sql` and product_id > ${after}`;
  return rowsOf<{ product_id: string; vector: unknown }>(
    await exec.execute(sql`
      select product_id, vector from product_embeddings
      where tenant_id = ${tenantId} and space = ${space} and dims = ${dims}${cursor}
      order by product_id limit ${PAGE}`),
  );
}

function remember(key: string, entry: MemoryIndex): void {
  const size = entry.matrix.length;
  const old = cache.entries.get(key);
  if (old) {
    cache.entries.delete(key);
    cache.floats -= old.matrix.length;
  }
  if (size > cache.budget) return; // larger than the whole budget: used for this query, not kept
  // Map iteration order is insertion order: the first entries are the least recently used.
  for (const [k, e] of cache.entries) {
    if (cache.floats + size <= cache.budget) break;
    cache.entries.delete(k);
    cache.floats -= e.matrix.length;
  }
  cache.entries.set(key, entry);
  cache.floats += size;
}

/**
 * The in-memory index of a workspace's space at `version` (read by the caller from
 * `embedding_spaces`, a primary-key lookup): the cached one when its version matches, else a
 * fresh load. Concurrent callers share one load. An index whose last load took longer than
 * SYNC_RELOAD_MS is replaced in the background instead: while an embed job writes batch after
 * batch, every version bump would otherwise make the next query wait for a whole reload (28 s for
 * 100k vectors on PGlite); queries answer from the previous version until the new one is in.
 */
export function getMemoryIndex(
  db: Db,
  tenantId: string,
  space: string,
  version: number,
): MaybePromise<MemoryIndex> {
  const key = keyOf(db, tenantId, space);
  const hit = cache.entries.get(key);
  if (hit && hit.version === version) {
    cache.entries.delete(key); // move to the most-recently-used end
    cache.entries.set(key, hit);
    return hit;
  }
  const pending = cache.loading.get(key);
  if (hit && hit.loadMs > SYNC_RELOAD_MS && hit.ids.length >= BACKGROUND_MIN_VECTORS) {
    if (!pending) {
      startLoad(db, key, tenantId, space).catch((error: unknown) =>
        log('warn', 'embeddings.vector_reload_failed', { tenantId, space, error }),
      );
    }
    return hit;
  }
  if (pending)
    return pending.then((entry) => (entry.version >= version ? entry : startLoad(db, key, tenantId, space)));
  return startLoad(db, key, tenantId, space);
}

// Reloads up to this long keep a query waiting (fresh results right after a write); longer ones
// run in the background. Small indexes always reload in line, whatever a busy machine measured.
const SYNC_RELOAD_MS = 500;
const BACKGROUND_MIN_VECTORS = 1_000;

function startLoad(db: Db, key: string, tenantId: string, space: string): Promise<MemoryIndex> {
  const t0 = performance.now();
  const loading = load(db, tenantId, space)
    .then((entry) => {
      entry.loadMs = performance.now() - t0;
      remember(key, entry);
      return entry;
    })
    .finally(() => cache.loading.delete(key));
  cache.loading.set(key, loading);
  return loading;
}

/** Drops a cached index whose space no longer exists (frees its memory before LRU would). */
export function forgetMemoryIndex(db: Db, tenantId: string, space: string): void {
  const key = keyOf(db, tenantId, space);
  const hit = cache.entries.get(key);
  if (!hit) return;
  cache.entries.delete(key);
  cache.floats -= hit.matrix.length;
}

/** Row of a product in the index, or undefined. */
export function rowOfProduct(index: MemoryIndex, productId: string): number | undefined {
  if (!index.rowOf) {
    const m = new Map<string, number>();
    for (let i = 0; i < index.ids.length; i++) m.set(index.ids[i]!, i);
    index.rowOf = m;
  }
  return index.rowOf.get(productId);
}

/** Exact top-k by dot product (vectors are unit length: cosine similarity), honouring allow/exclude. */
export function searchMemoryIndex(
  index: MemoryIndex,
  query: Float32Array,
  opts: Pick<VectorSearchOptions, 'k' | 'allow' | 'exclude'>,
): VectorHit[] {
  const { dims, matrix, ids } = index;
  if (query.length !== dims || opts.k <= 0) return [];
  const top = new TopK(opts.k);
  const consider = (row: number) => {
    const score = dotRow(matrix, row, query, dims);
    // The exclude set is only consulted for rows good enough to enter the heap.
    if (score > top.threshold && !opts.exclude?.has(ids[row]!)) top.push(row, score);
  };
  if (opts.allow) {
    for (const id of opts.allow) {
      const row = rowOfProduct(index, id);
      if (row !== undefined) consider(row);
    }
  } else {
    for (let row = 0; row < ids.length; row++) consider(row);
  }
  return top.sorted().map(({ row, score }) => ({ productId: ids[row]!, score }));
}

/** Caps the floats the cache may hold (tests, benchmarks, large deployments); evicts at once. */
export function setVectorCacheBudget(floats: number): void {
  cache.budget = Math.max(0, Math.floor(floats));
  for (const [k, e] of cache.entries) {
    if (cache.floats <= cache.budget) break;
    cache.entries.delete(k);
    cache.floats -= e.matrix.length;
  }
}

/** Forgets every cached index (tests, and after a workspace is deleted). */
export function clearVectorCache(): void {
  cache.entries.clear();
  cache.floats = 0;
}

export function vectorCacheStats(): { entries: number; floats: number; budget: number } {
  return { entries: cache.entries.size, floats: cache.floats, budget: cache.budget };
}
