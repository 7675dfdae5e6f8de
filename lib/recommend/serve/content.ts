/**
 * Content-based serving from product embeddings: "similar" for a product nobody bought yet, and a
 * shopper's interest (a weighted mean of the vectors of what they viewed or bought) for visitors
 * the collaborative models know little about. The vectors are the tenant's current embedding
 * space as the shared in-memory vector index holds it (one row-major Float32Array per space,
 * reloaded when the space's version moves), so nothing is copied per model; only the mapping
 * between catalog indexes and matrix rows is built here, once per catalog and space version.
 */
import type { Db } from '@/db/client';
import { dotRow, TopK } from '@/lib/embeddings/top-k';
import { getMemoryIndex, type MemoryIndex, rowOfProduct } from '@/lib/embeddings/vector-index-memory';
import { type MaybePromise, runSyncFirst, wait } from '@/lib/sync-first';
import type { ServingCatalog } from './catalog-cache';
import { getServedSpace } from './lookups';

export interface ContentVectors {
  dims: number;
  /** Unit vectors, row-major (the vector index's matrix, shared). */
  matrix: Float32Array;
  /** Matrix row by catalog index, −1 for a product without a vector. */
  rowOfItem: Int32Array;
  /** Catalog index by matrix row, −1 for a vector of a product not in the catalog (archived). */
  itemOfRow: Int32Array;
}

/** A seed of a content query: a catalog item and how much it counts. */
export interface ContentSeed {
  item: number;
  weight: number;
}

export interface ContentHit {
  item: number;
  /** Cosine similarity to the query (the seeds' normalised weighted mean). */
  score: number;
  /** The seed most similar to the hit, for its explanation. */
  seed: number;
  seedSimilarity: number;
}

/** Seeds an explanation may name: a long history would cost seeds × hits dot products. */
const ATTRIBUTED = 8;

const aligned = new WeakMap<ServingCatalog, { index: MemoryIndex; vectors: ContentVectors }>();

/**
 * The tenant's product vectors aligned with `catalog`, or null when nothing is embedded. Costs a
 * cached space lookup (5 s TTL) per request; a new space version reloads the vector index.
 */
export function getContentVectors(
  db: Db,
  tenantId: string,
  catalog: ServingCatalog,
): MaybePromise<ContentVectors | null> {
  return runSyncFirst(contentVectorSteps(db, tenantId, catalog));
}

function* contentVectorSteps(db: Db, tenantId: string, catalog: ServingCatalog) {
  const space = yield* wait(getServedSpace(db, tenantId));
  if (!space) return null;
  const index = yield* wait(getMemoryIndex(db, tenantId, space.space, space.version));
  if (index.ids.length === 0 || index.dims === 0) return null;
  const hit = aligned.get(catalog);
  if (hit && hit.index === index) return hit.vectors;
  const rowOfItem = new Int32Array(catalog.products.length).fill(-1);
  const itemOfRow = new Int32Array(index.ids.length).fill(-1);
  catalog.products.forEach((p, i) => {
    const row = p ? rowOfProduct(index, p.id) : undefined;
    if (row === undefined) return;
    rowOfItem[i] = row;
    itemOfRow[row] = i;
  });
  const vectors = { dims: index.dims, matrix: index.matrix, rowOfItem, itemOfRow };
  aligned.set(catalog, { index, vectors });
  return vectors;
}

/**
 * The k catalog items nearest to the seeds' weighted mean vector, seeds and `exclude` left out.
 * Exact scan of the matrix: milliseconds at catalog sizes, and only reached when the
 * collaborative sources come up short. Returns [] when no seed has a vector. Without
 * `attribute`, `seed` is the heaviest seed and `seedSimilarity` NaN.
 */
export function contentNeighbours(
  cv: ContentVectors,
  seeds: readonly ContentSeed[],
  k: number,
  exclude?: ReadonlySet<number>,
  /** Name each hit's nearest seed (among the ATTRIBUTED heaviest): for explanations only. */
  attribute = true,
): ContentHit[] {
  const { dims, matrix } = cv;
  const query = new Float32Array(dims);
  const used: number[] = [];
  for (const s of seeds) {
    const row = cv.rowOfItem[s.item] ?? -1;
    if (row < 0 || s.weight <= 0) continue;
    used.push(s.item);
    for (let d = 0; d < dims; d++) query[d]! += s.weight * matrix[row * dims + d]!;
  }
  if (used.length === 0 || k <= 0) return [];
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += query[d]! * query[d]!;
  if (norm === 0) return [];
  norm = Math.sqrt(norm);
  for (let d = 0; d < dims; d++) query[d]! /= norm;
  const skip = new Set(used);
  const top = new TopK(k);
  const rows = cv.itemOfRow.length;
  for (let row = 0; row < rows; row++) {
    const item = cv.itemOfRow[row]!;
    if (item < 0) continue;
    const score = dotRow(matrix, row, query, dims);
    if (score > top.threshold && score > 0 && !skip.has(item) && !exclude?.has(item)) top.push(row, score);
  }
  const heaviest = seeds
    .filter((s) => (cv.rowOfItem[s.item] ?? -1) >= 0 && s.weight > 0)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, ATTRIBUTED)
    .map((s) => s.item);
  return top.sorted().map(({ row, score }) => {
    let seed = heaviest[0]!;
    if (!attribute) return { item: cv.itemOfRow[row]!, score, seed, seedSimilarity: Number.NaN };
    let seedSimilarity = Number.NEGATIVE_INFINITY;
    const v = matrix.subarray(row * dims, (row + 1) * dims);
    for (const s of heaviest) {
      const sim = dotRow(matrix, cv.rowOfItem[s]!, v, dims);
      if (sim > seedSimilarity) {
        seed = s;
        seedSimilarity = sim;
      }
    }
    return { item: cv.itemOfRow[row]!, score, seed, seedSimilarity };
  });
}
