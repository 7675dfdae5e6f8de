// Nearest-neighbour search on every path it can take: exact paths against a brute-force
// reference, workspaces that never see each other's vectors, HNSW recall, the in-memory cache
// reloading after writes, and allow/exclude lists.
import { beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { upsertVectors } from './queries';
import {
  insertTestProducts,
  randomUnitVectors,
  withoutHnswIndexes,
  writeTestVectors,
} from './testing/vector-fixtures';
import type { VectorHit } from './types';
import { type VectorPath, choosePath, searchVectors, similarToProduct } from './vector-index';
import { clearVectorCache, vectorCacheStats } from './vector-index-memory';

const SPACE = 'test@1';

function bruteForce(ids: string[], vectors: Float32Array[], q: Float32Array, k: number): VectorHit[] {
  return ids
    .map((productId, i) => {
      let s = 0;
      const v = vectors[i]!;
      for (let j = 0; j < q.length; j++) s += v[j]! * q[j]!;
      return { productId, score: s };
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

const idsOf = (hits: VectorHit[]) => hits.map((h) => h.productId);

describe.each(testDrivers())('vector index (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const exactPaths: VectorPath[] = ['memory', 'exact-sql'];
  // HNSW needs pgvector (PGlite here); Debian's Postgres 15 has none.
  const allPaths = (): VectorPath[] => (handle().hasPgvector ? [...exactPaths, 'hnsw'] : exactPaths);

  let tenantA = '';
  let tenantB = '';
  let idsA: string[] = [];
  let idsB: string[] = [];
  let vecsA: Float32Array[] = [];
  let vecsB: Float32Array[] = [];

  beforeAll(async () => {
    const db = handle().db;
    tenantA = (await createTestTenant(db, 'vecA')).ctx.tenantId;
    tenantB = (await createTestTenant(db, 'vecB')).ctx.tenantId;
    idsA = await insertTestProducts(db, tenantA, 300, 'a');
    idsB = await insertTestProducts(db, tenantB, 200, 'b');
    vecsA = randomUnitVectors(300, 384, 1);
    vecsB = randomUnitVectors(200, 384, 2);
    await withoutHnswIndexes(db, async () => {
      await writeTestVectors(db, tenantA, SPACE, idsA, vecsA, 128);
      await writeTestVectors(db, tenantB, SPACE, idsB, vecsB, 128);
    });
  });

  it('chooses exact SQL for small workspaces with pgvector, HNSW for large ones on a server, memory on PGlite and without pgvector', () => {
    const pglite = { pgvector: true, wasm: true };
    const server = { pgvector: true, wasm: false };
    expect(choosePath(pglite, { dims: 384, vectors: 1000 })).toBe('exact-sql');
    expect(choosePath(pglite, { dims: 384, vectors: 10_000 })).toBe('memory'); // WASM graph walks lose to the in-process index
    expect(choosePath(server, { dims: 384, vectors: 10_000 })).toBe('exact-sql');
    expect(choosePath(server, { dims: 512, vectors: 50_000 })).toBe('hnsw');
    expect(choosePath(pglite, { dims: 384, vectors: 50_000 }, new Set(['x']))).toBe('exact-sql');
    expect(choosePath(pglite, { dims: 32, vectors: 50_000 })).toBe('memory');
    expect(choosePath({ pgvector: false, wasm: false }, { dims: 384, vectors: 50_000 })).toBe('memory');
  });

  it('exact paths return what a brute-force scan returns', async () => {
    const queries = randomUnitVectors(5, 384, 99);
    for (const path of exactPaths) {
      for (const q of queries) {
        const hits = await searchVectors(handle(), {
          tenantId: tenantA,
          space: SPACE,
          k: 10,
          query: q,
          path,
        });
        const ref = bruteForce(idsA, vecsA, q, 10);
        expect(idsOf(hits), path).toEqual(idsOf(ref));
        for (const [i, h] of hits.entries()) expect(h.score).toBeCloseTo(ref[i]!.score, 4);
      }
    }
  });

  it('a bare database (no handle) is detected and gives the same answer', async () => {
    const q = randomUnitVectors(1, 384, 7)[0]!;
    const viaHandle = await searchVectors(handle(), { tenantId: tenantA, space: SPACE, k: 5, query: q });
    const viaDb = await searchVectors(handle().db, { tenantId: tenantA, space: SPACE, k: 5, query: q });
    expect(idsOf(viaDb)).toEqual(idsOf(viaHandle));
  });

  it('never returns another workspace’s vectors, even in the same space', async () => {
    // B's own vectors as queries: the best match in A can only be one of A's products.
    for (const path of allPaths()) {
      for (const q of vecsB.slice(0, 5)) {
        const hits = await searchVectors(handle(), {
          tenantId: tenantA,
          space: SPACE,
          k: 20,
          query: q,
          path,
        });
        expect(hits.length).toBe(20);
        for (const h of hits) expect(idsA).toContain(h.productId);
      }
      const own = await searchVectors(handle(), {
        tenantId: tenantB,
        space: SPACE,
        k: 1,
        query: vecsB[3]!,
        path,
      });
      expect(own[0]).toMatchObject({ productId: idsB[3] });
      expect(own[0]!.score).toBeCloseTo(1, 4);
    }
    // Similar-to with another workspace's product id: that product does not exist here.
    expect(
      await similarToProduct(handle(), { tenantId: tenantA, space: SPACE, productId: idsB[0]!, k: 5 }),
    ).toBeNull();
    // An unknown space or a query of another dimension finds nothing.
    expect(
      await searchVectors(handle(), { tenantId: tenantA, space: 'other@1', k: 5, query: vecsA[0]! }),
    ).toEqual([]);
    expect(
      await searchVectors(handle(), {
        tenantId: tenantA,
        space: SPACE,
        k: 5,
        query: new Float32Array(8).fill(1),
      }),
    ).toEqual([]);
  });

  it('honours allow and exclude lists', async () => {
    const q = vecsA[10]!;
    const allow = new Set(idsA.slice(100, 150));
    for (const path of allPaths()) {
      const allowed = await searchVectors(handle(), {
        tenantId: tenantA,
        space: SPACE,
        k: 10,
        query: q,
        allow,
        path,
      });
      const ref = bruteForce(idsA.slice(100, 150), vecsA.slice(100, 150), q, 10);
      if (path === 'hnsw') {
        // Approximate: only what the filter guarantees.
        for (const h of allowed) expect(allow.has(h.productId)).toBe(true);
      } else {
        expect(idsOf(allowed), path).toEqual(idsOf(ref));
      }

      const exclude = new Set([idsA[10]!, ...idsOf(bruteForce(idsA, vecsA, q, 4))]);
      const rest = await searchVectors(handle(), {
        tenantId: tenantA,
        space: SPACE,
        k: 5,
        query: q,
        exclude,
        path,
      });
      for (const h of rest) expect(exclude.has(h.productId)).toBe(false);
      expect(rest.length).toBe(5);

      // Ids of another workspace in the allow list stay invisible.
      const foreign = await searchVectors(handle(), {
        tenantId: tenantA,
        space: SPACE,
        k: 5,
        query: q,
        allow: new Set(idsB.slice(0, 10)),
        path,
      });
      expect(foreign).toEqual([]);

      const similar = await similarToProduct(handle(), {
        tenantId: tenantA,
        space: SPACE,
        productId: idsA[10]!,
        k: 3,
        path,
      });
      expect(similar?.length).toBe(3);
      expect(similar?.map((h) => h.productId)).not.toContain(idsA[10]);
      if (path !== 'hnsw')
        expect(similar?.map((h) => h.productId)).toEqual(idsOf(bruteForce(idsA, vecsA, q, 4)).slice(1));
    }
  });

  it('the in-memory index reloads when vectors are written', async () => {
    clearVectorCache();
    const db = handle().db;
    const q = randomUnitVectors(1, 384, 1234)[0]!;
    const before = await searchVectors(handle(), {
      tenantId: tenantA,
      space: SPACE,
      k: 3,
      query: q,
      path: 'memory',
    });
    expect(vectorCacheStats().entries).toBe(1);
    // A new product whose vector is the query itself must come first after the write.
    const [fresh] = await insertTestProducts(db, tenantA, 1, 'fresh');
    await upsertVectors(
      db,
      { tenantId: tenantA },
      { space: SPACE, dims: 384, rows: [{ productId: fresh!, textHash: 'h', vector: q }] },
    );
    const after = await searchVectors(handle(), {
      tenantId: tenantA,
      space: SPACE,
      k: 3,
      query: q,
      path: 'memory',
    });
    expect(after[0]).toMatchObject({ productId: fresh });
    expect(after[0]!.score).toBeCloseTo(1, 5);
    expect(idsOf(after).slice(1)).toEqual(idsOf(before).slice(0, 2));
    // Same version: served from the cache (still one entry, nothing reloaded by other workspaces).
    await searchVectors(handle(), { tenantId: tenantA, space: SPACE, k: 3, query: q, path: 'memory' });
    expect(vectorCacheStats().entries).toBe(1);
  });

  it('HNSW finds at least 90% of the exact top 20 on a few thousand random vectors', async (ctx) => {
    if (!handle().hasPgvector) ctx.skip(); // pgvector exists on PGlite only here
    const db = handle().db;
    const tenant = (await createTestTenant(db, 'hnsw')).ctx.tenantId;
    const n = 2000;
    const ids = await insertTestProducts(db, tenant, n, 'h');
    const vecs = randomUnitVectors(n, 384, 5);
    await withoutHnswIndexes(db, () => writeTestVectors(db, tenant, SPACE, ids, vecs, 500));
    const queries = randomUnitVectors(20, 384, 77);
    let found = 0;
    for (const q of queries) {
      const approx = await searchVectors(handle(), {
        tenantId: tenant,
        space: SPACE,
        k: 20,
        query: q,
        path: 'hnsw',
      });
      const exact = new Set(idsOf(bruteForce(ids, vecs, q, 20)));
      for (const h of approx) {
        expect(ids).toContain(h.productId); // the other workspaces' 500 vectors share the index
        if (exact.has(h.productId)) found += 1;
      }
    }
    expect(found / (20 * queries.length)).toBeGreaterThanOrEqual(0.9);
  }, 180_000); // building the graph of 2,500 vectors in WASM takes a while on a busy machine
});
