import type { CatalogFacts } from './catalog';

export interface SelectOptions {
  maxPerCategory?: number;
  maxPerBrand?: number;
  /** 0..1: 1 is pure relevance, 0 pure variety. Undefined: no MMR, plain score order. */
  mmrLambda?: number;
  /** Item–item similarity in 0..1 for MMR; defaults to "same category" (1) or not (0). */
  similarity?: (a: number, b: number) => number;
}

/**
 * Greedy pick of up to `need` items from a pool (item indexes and their scores) under the per
 * category/brand caps, optionally by maximal marginal relevance:
 *   argmax λ·rel(i) − (1−λ)·max_{j picked} sim(i, j), rel = score min-max scaled to 0..1
 * (scaling puts relevance on the similarity's scale, so λ means the same for every model).
 * `taken` are items already placed (pins): they count against the caps and the similarity.
 * Returns the picked positions in the pool, in order, and how many were passed over for a cap.
 */
export function selectDiverse(
  poolItems: Int32Array,
  poolScores: Float64Array,
  need: number,
  catalog: CatalogFacts,
  opts: SelectOptions,
  taken: readonly number[],
): { picked: Int32Array; capped: number } {
  const n = poolItems.length;
  const perCategory = new Map<number, number>();
  const perBrand = new Map<number, number>();
  const count = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);
  for (const t of taken) {
    count(perCategory, catalog.categoryId[t] ?? -1);
    count(perBrand, catalog.brandId[t] ?? -1);
  }
  const maxCat = opts.maxPerCategory ?? Number.POSITIVE_INFINITY;
  const maxBrand = opts.maxPerBrand ?? Number.POSITIVE_INFINITY;
  // Items without a category or brand (id −1) are never capped: there is nothing to repeat.
  const full = (item: number) => {
    const cat = catalog.categoryId[item] ?? -1;
    const brand = catalog.brandId[item] ?? -1;
    return (
      (cat >= 0 && (perCategory.get(cat) ?? 0) >= maxCat) ||
      (brand >= 0 && (perBrand.get(brand) ?? 0) >= maxBrand)
    );
  };

  const lambda = opts.mmrLambda;
  const mmr = lambda !== undefined && lambda < 1;
  const sim =
    opts.similarity ??
    ((a: number, b: number) => {
      const ca = catalog.categoryId[a] ?? -1;
      return ca >= 0 && ca === catalog.categoryId[b] ? 1 : 0;
    });
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, poolScores[i]!);
    hi = Math.max(hi, poolScores[i]!);
  }
  const span = hi - lo;
  const maxSim = new Float64Array(mmr ? n : 0);
  if (mmr)
    for (let i = 0; i < n; i++)
      for (const t of taken) maxSim[i] = Math.max(maxSim[i]!, sim(poolItems[i]!, t));

  const used = new Uint8Array(n);
  const picked = new Int32Array(Math.min(need, n));
  let got = 0;
  let capped = 0;
  // Without MMR the pool is already sorted, so a cursor walks it once: O(n) instead of O(need·n).
  let cursor = 0;
  while (got < picked.length) {
    let best = -1;
    if (!mmr) {
      for (; cursor < n && best < 0; cursor++) {
        if (full(poolItems[cursor]!)) capped++;
        else best = cursor;
      }
    } else {
      let bestValue = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        if (used[i]) continue;
        if (full(poolItems[i]!)) continue;
        const rel = span > 0 ? (poolScores[i]! - lo) / span : 1;
        const value = lambda * rel - (1 - lambda) * maxSim[i]!;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
    }
    if (best < 0) break;
    used[best] = 1;
    picked[got++] = best;
    const item = poolItems[best]!;
    count(perCategory, catalog.categoryId[item] ?? -1);
    count(perBrand, catalog.brandId[item] ?? -1);
    if (mmr)
      for (let i = 0; i < n; i++) if (!used[i]) maxSim[i] = Math.max(maxSim[i]!, sim(poolItems[i]!, item));
  }
  if (mmr) for (let i = 0; i < n; i++) if (!used[i] && full(poolItems[i]!)) capped++;
  return { picked: picked.subarray(0, got), capped };
}
