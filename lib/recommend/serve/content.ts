/**
 * Content-based serving from product embeddings: "similar" for a product nobody bought yet, and a
 * shopper's interest (a weighted mean of the vectors of what they viewed or bought) for visitors
 * the collaborative models know little about. The vectors are the tenant's current embedding
 * space as the shared in-memory vector index holds it (one row-major Float32Array per space,
 * reloaded when the space's version moves), so nothing is copied per model; only the mapping
 * between catalog indexes and matrix rows is built here, once per catalog and space version. Warm
 * requests read cached similarity rows and shoppers' history parts (./content-rows.ts) instead of
 * scanning the matrix.
 */
import type { Db } from '@/db/client';
import { dotRow, TopK } from '@/lib/embeddings/top-k';
import { selectTop, type TopSelection } from '../matrix/select';
import { getMemoryIndex, type MemoryIndex, rowOfProduct } from '@/lib/embeddings/vector-index-memory';
import { dotsByItem, rowVector, seedSum } from './content-math';
import { similarityRowsOf } from './content-rows';
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
 * Exact: from the seeds' cached similarity rows when they are all kept (serve/content-rows.ts),
 * else by a scan of the matrix, which also queues the missing rows. Returns [] when no seed has a
 * vector. Without `attribute`, `seed` is the heaviest seed and `seedSimilarity` NaN.
 */
export function contentNeighbours(
  cv: ContentVectors,
  seeds: readonly ContentSeed[],
  k: number,
  exclude?: ReadonlySet<number>,
  /** Name each hit's nearest seed (among the ATTRIBUTED heaviest): for explanations only. */
  attribute = true,
): ContentHit[] {
  const live = seeds.filter((s) => (cv.rowOfItem[s.item] ?? -1) >= 0 && s.weight > 0);
  if (live.length === 0 || k <= 0) return [];
  const rowCount = cv.itemOfRow.length;
  if (byRow.length < rowCount) byRow = new Float64Array(Math.max(rowCount, 2 * byRow.length));
  // Rows pay off while seeds × catalog stays below catalog × dimensions.
  const rows = live.length < cv.dims / 2 ? similarityRowsOf(cv).rowsFor(live.map((s) => s.item)) : null;
  if (!(rows ? scoreByRows(cv, live, rows) : scoreByScan(cv, live))) return [];
  const skip = new Set(live.map((s) => s.item));
  const top = new TopK(k);
  for (let row = 0; row < rowCount; row++) {
    const item = cv.itemOfRow[row]!;
    if (item < 0) continue;
    const score = byRow[row]!;
    if (score > top.threshold && score > 0 && !skip.has(item) && !exclude?.has(item)) top.push(row, score);
  }
  const heaviest = [...live]
    .sort((x, y) => y.weight - x.weight)
    .slice(0, ATTRIBUTED)
    .map((s) => s.item);
  const n = top.count;
  const hitRows = new Int32Array(n);
  const hitScores = new Float64Array(n);
  top.drainSorted(hitRows, hitScores);
  const kept = similarityRowsOf(cv);
  const hits: ContentHit[] = [];
  for (let h = 0; h < n; h++) {
    const row = hitRows[h]!;
    const item = cv.itemOfRow[row]!;
    let seed = heaviest[0]!;
    let seedSimilarity = Number.NaN;
    if (attribute) {
      seedSimilarity = Number.NEGATIVE_INFINITY;
      for (const s of heaviest) {
        const sim = kept.get(s)?.[item] ?? dotRow(cv.matrix, cv.rowOfItem[s]!, rowVector(cv, row), cv.dims);
        if (sim > seedSimilarity) {
          seed = s;
          seedSimilarity = sim;
        }
      }
    }
    hits.push({ item, score: hitScores[h]!, seed, seedSimilarity });
  }
  return hits;
}

/** Cosine of every matrix row to the seeds' mean, into `byRow`, by scanning: false for a zero mean. */
function scoreByScan(cv: ContentVectors, live: readonly ContentSeed[]): boolean {
  const { dims, matrix } = cv;
  const query = seedSum(cv, live);
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += query[d]! * query[d]!;
  if (norm === 0) return false;
  norm = Math.sqrt(norm);
  for (let d = 0; d < dims; d++) query[d]! /= norm;
  for (let row = 0; row < cv.itemOfRow.length; row++)
    byRow[row] = cv.itemOfRow[row]! < 0 ? 0 : dotRow(matrix, row, query, dims);
  return true;
}

/** The same from the seeds' similarity rows: Σ w_s row_s, over ||Σ w_s v_s|| from the rows too. */
function scoreByRows(
  cv: ContentVectors,
  live: readonly ContentSeed[],
  rows: readonly Float32Array[],
): boolean {
  const nItems = cv.rowOfItem.length;
  if (sums.length < nItems) sums = new Float64Array(Math.max(nItems, 2 * sums.length));
  const acc = sums;
  const n = live.length;
  const items = Int32Array.from(live, (s) => s.item);
  const weights = Float64Array.from(live, (s) => s.weight);
  acc.fill(0, 0, nItems);
  let norm2 = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    const row = rows[i]!;
    for (let x = 0; x < nItems; x++) acc[x]! += w * row[x]!;
  }
  for (let j = 0; j < n; j++) norm2 += weights[j]! * acc[items[j]!]!;
  if (!(norm2 > 0)) return false;
  const inv = 1 / Math.sqrt(norm2);
  const { itemOfRow } = cv;
  const out = byRow;
  for (let row = 0; row < itemOfRow.length; row++) {
    const item = itemOfRow[row]!;
    out[row] = item < 0 ? 0 : acc[item]! * inv;
  }
  return true;
}

/**
 * A shopper's history part of a content query, kept per model version (serve/content-rows.ts):
 * purchases weigh 2^(−age / half-life), so at `now` their part is a(now) = 2^(−(now − t0) / half-life)
 * times the part at t0 (their latest), and views weigh a constant. For every catalog item x:
 * `purchases[x]` = Σ w_p(t0) v_p · v_x, `views[x]` = Σ w_v v_v · v_x; with the three products
 * ||P||², P·V and ||V||² the query's norm follows without a scan.
 */
export interface HistoryContent {
  t0: number;
  halfLifeMs: number;
  purchases: Float64Array;
  views: Float64Array;
  pp: number;
  pv: number;
  vv: number;
  /** The history's items (left out of the hits, like every seed). */
  items: Int32Array;
}

/**
 * The k best content candidates for a history part plus the visit's seeds: the set contentNeighbours
 * would return for all the seeds together (ties at the cut to the lower matrix row, as its heap),
 * without naming seeds and without ranking them, since the blend only needs the set and its lowest
 * and highest score: the storefront's hot path (no explanations). A view into shared scratch, valid
 * until the next selection (matrix/select.ts). Null when the history has no weight at `now` (the
 * caller scans).
 */
export function contentCandidates(
  cv: ContentVectors,
  history: HistoryContent,
  now: number,
  seeds: readonly ContentSeed[],
  /** The seeds' similarity rows (aligned with `seeds`), or their summed part (contextSums). */
  context: readonly Float32Array[] | Float64Array,
  k: number,
  /** Candidates must be below this catalog index (the model's items). */
  limit: number,
): TopSelection | null {
  if (now < history.t0 || k <= 0) return null;
  const a = 2 ** (-(now - history.t0) / history.halfLifeMs);
  const nItems = cv.rowOfItem.length;
  if (sums.length < nItems) sums = new Float64Array(Math.max(nItems, 2 * sums.length));
  const acc = sums;
  const { purchases, views } = history;
  for (let x = 0; x < nItems; x++) acc[x] = a * purchases[x]! + views[x]!;
  // ||h + c||² = ||h||² + Σ_c w_c (2 h·v_c + c·v_c): the context's terms read before and after adding it.
  let norm2 = a * a * history.pp + 2 * a * history.pv + history.vv;
  for (const s of seeds) norm2 += s.weight * acc[s.item]!;
  if (context instanceof Float64Array) for (let x = 0; x < nItems; x++) acc[x]! += context[x]!;
  else
    for (let i = 0; i < seeds.length; i++) {
      const w = seeds[i]!.weight;
      const row = context[i]!;
      for (let x = 0; x < nItems; x++) acc[x]! += w * row[x]!;
    }
  for (const s of seeds) norm2 += s.weight * acc[s.item]!;
  if (!(norm2 > 0)) return null;
  const inv = 1 / Math.sqrt(norm2);
  // Scores by matrix row (the seeds and the history's items score −1: never candidates), so the
  // selection breaks ties by row like the scan's heap.
  for (const item of history.items) acc[item] = Number.NEGATIVE_INFINITY;
  for (const s of seeds) acc[s.item] = Number.NEGATIVE_INFINITY;
  const { itemOfRow } = cv;
  const nRows = itemOfRow.length;
  if (byRow.length < nRows) byRow = new Float64Array(Math.max(nRows, 2 * byRow.length));
  const scored = byRow;
  for (let row = 0; row < nRows; row++) {
    const item = itemOfRow[row]!;
    scored[row] = item < 0 ? -1 : acc[item]! * inv;
  }
  const cut = selectTop(rowsUpTo(nRows), nRows, scored, k, { minScore: 0 });
  // Rows → catalog items in place, dropping items past the model's: the cut was over all rows.
  let kept = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < cut.count; t++) {
    const item = itemOfRow[cut.items[t]!]!;
    if (item >= limit) continue;
    const s = cut.scores[t]!;
    cut.items[kept] = item;
    cut.scores[kept] = s;
    if (s < min) min = s;
    if (s > max) max = s;
    kept++;
  }
  return kept === 0
    ? { items: cut.items, scores: cut.scores, count: 0, min: Number.NaN, max: Number.NaN }
    : { items: cut.items, scores: cut.scores, count: kept, min, max };
}

/** 0 … n − 1, the candidate list of a selection over every matrix row (shared, grown on demand). */
function rowsUpTo(n: number): Int32Array {
  if (rowIds.length < n) {
    rowIds = new Int32Array(Math.max(n, 2 * rowIds.length));
    for (let r = 0; r < rowIds.length; r++) rowIds[r] = r;
  }
  return rowIds;
}

/**
 * The history part, in one pass over the matrix: P[x] = v_x · p and V[x] = v_x · v for the summed
 * purchase vector p (each purchase at its weight at t0, their latest: 2^(−(t0 − at) / half-life))
 * and view vector v, and the three products from p and v themselves. Built once per shopper and
 * model version, so a shopper's first request costs one scan and the next ones none.
 */
export function historyContent(
  cv: ContentVectors,
  purchases: readonly { item: number; at: number }[],
  views: readonly ContentSeed[],
  halfLifeMs: number,
): HistoryContent {
  const { dims, rowOfItem } = cv;
  const live = (item: number) => (rowOfItem[item] ?? -1) >= 0;
  const bought = purchases.filter((p) => live(p.item));
  const viewed = views.filter((v) => live(v.item) && v.weight > 0);
  const t0 = bought.reduce((t, p) => Math.max(t, p.at), Number.NEGATIVE_INFINITY);
  const p = seedSum(
    cv,
    bought.map((b) => ({ item: b.item, weight: 2 ** (-(t0 - b.at) / halfLifeMs) })),
  );
  const v = seedSum(cv, viewed);
  const nItems = rowOfItem.length;
  const P = new Float64Array(nItems);
  const V = new Float64Array(nItems);
  if (bought.length > 0) dotsByItem(cv, p, P);
  if (viewed.length > 0) dotsByItem(cv, v, V);
  let pp = 0;
  let pv = 0;
  let vv = 0;
  for (let d = 0; d < dims; d++) {
    pp += p[d]! * p[d]!;
    pv += p[d]! * v[d]!;
    vv += v[d]! * v[d]!;
  }
  return {
    t0,
    halfLifeMs,
    purchases: P,
    views: V,
    pp,
    pv,
    vv,
    items: Int32Array.from([...bought.map((b) => b.item), ...viewed.map((x) => x.item)]),
  };
}

/** Σ w_s v_s · v_x for every catalog item x, by one pass over the matrix (seeds without rows kept). */
export function contextSums(cv: ContentVectors, seeds: readonly ContentSeed[]): Float64Array {
  return dotsByItem(cv, seedSum(cv, seeds), new Float64Array(cv.rowOfItem.length));
}

/** Scratch of contentNeighbours (never shared across a yield: it runs synchronously). */
let byRow: Float64Array = new Float64Array(1024);
let sums: Float64Array = new Float64Array(1024);
let rowIds: Int32Array = new Int32Array(0);
