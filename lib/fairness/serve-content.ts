/**
 * Content relevance of the protected items the serving mitigation adds (issue 8): cosine
 * similarity to the request's seeds (the product on screen, the cart, this visit's views, the
 * shopper's purchases) over the tenant's product vectors. Read-only use of the serving vectors;
 * one query vector per request, one dot product per protected item scanned.
 */
import { dotRow } from '@/lib/embeddings/top-k';
import type { Reason } from '@/lib/recommend/explain/reasons';
import type { ContentSeed, ContentVectors } from '@/lib/recommend/serve/content';

export interface ServeSeeds {
  vectors: ContentVectors | null;
  seeds: readonly ContentSeed[];
}

/** Seeds an added item's reason may name (each costs a dot product per named item). */
const NAMED_SEEDS = 8;

export interface SeedSimilarity {
  /** Cosine similarity of an item to the seeds' weighted mean, NaN when it has no vector. */
  score(item: number): number;
  /** A content reason naming the seed most similar to the item, or [] without a vector. */
  reason(item: number): Reason[];
}

/** Null when there are no vectors or no seed has one (the category mix then decides). */
export function seedSimilarity(s: ServeSeeds): SeedSimilarity | null {
  const cv = s.vectors;
  if (!cv) return null;
  const { dims, matrix } = cv;
  const query = new Float32Array(dims);
  const used: ContentSeed[] = [];
  for (const seed of s.seeds) {
    const row = cv.rowOfItem[seed.item] ?? -1;
    if (row < 0 || !(seed.weight > 0)) continue;
    used.push(seed);
    for (let d = 0; d < dims; d++) query[d]! += seed.weight * matrix[row * dims + d]!;
  }
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += query[d]! * query[d]!;
  if (used.length === 0 || norm === 0) return null;
  norm = Math.sqrt(norm);
  for (let d = 0; d < dims; d++) query[d]! /= norm;
  const named = used
    .sort((a, b) => b.weight - a.weight)
    .slice(0, NAMED_SEEDS)
    .map((x) => x.item);
  return {
    score: (item) => {
      const row = cv.rowOfItem[item] ?? -1;
      return row < 0 ? Number.NaN : dotRow(matrix, row, query, dims);
    },
    reason: (item) => {
      const row = cv.rowOfItem[item] ?? -1;
      if (row < 0) return [];
      const v = matrix.subarray(row * dims, (row + 1) * dims);
      let best = named[0]!;
      let similarity = Number.NEGATIVE_INFINITY;
      for (const seed of named) {
        const sim = dotRow(matrix, cv.rowOfItem[seed]!, v, dims);
        if (sim > similarity) {
          best = seed;
          similarity = sim;
        }
      }
      return [{ kind: 'content', similarTo: best, similarity, contribution: 1 }];
    },
  };
}

const VIEW_DECAY = 0.8;
const PURCHASE_HALF_LIFE_DAYS = 60;

/**
 * A request's content seeds, as the serving content step weighs them: the product on screen and
 * the cart 2, this visit's views 2·0.8^rank, each purchase 2^(−age/60 days).
 */
export function requestSeeds(r: {
  item?: number;
  cart: readonly number[];
  recent: readonly number[];
  /** Last purchase time (epoch ms) per bought item. */
  bought: ReadonlyMap<number, number>;
  now: number;
}): ContentSeed[] {
  const seeds: ContentSeed[] = [];
  for (const item of [...(r.item === undefined ? [] : [r.item]), ...r.cart]) seeds.push({ item, weight: 2 });
  r.recent.forEach((item, rank) => {
    seeds.push({ item, weight: 2 * VIEW_DECAY ** rank });
  });
  for (const [item, last] of r.bought) {
    const days = Math.max(0, (r.now - last) / 86_400_000);
    seeds.push({ item, weight: 2 ** (-days / PURCHASE_HALF_LIFE_DAYS) });
  }
  return seeds;
}
