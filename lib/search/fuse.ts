/** The usual reciprocal-rank-fusion constant: damps the head so one list cannot dominate. */
export const RRF_K = 60;

export interface RankedId {
  productId: string;
  /** 1-based. */
  rank: number;
}

export interface FusedId {
  productId: string;
  score: number;
  keywordRank?: number;
  semanticRank?: number;
}

/**
 * Reciprocal-rank fusion of a keyword and a semantic list: score = Σ 1 / (RRF_K + rank) over the
 * lists a product appears in. Ranks, not raw scores, are fused because ts_rank and cosine live on
 * unrelated scales. Ties keep the keyword list's order, then the semantic one's.
 */
export function reciprocalRankFusion(keyword: readonly RankedId[], semantic: readonly RankedId[]): FusedId[] {
  const byId = new Map<string, FusedId & { order: number }>();
  let order = 0;
  const add = (list: readonly RankedId[], field: 'keywordRank' | 'semanticRank') => {
    for (const { productId, rank } of list) {
      const entry = byId.get(productId) ?? { productId, score: 0, order: order++ };
      if (entry[field] !== undefined) continue; // a list names each product once; ignore repeats
      entry[field] = rank;
      entry.score += 1 / (RRF_K + rank);
      byId.set(productId, entry);
    }
  };
  add(keyword, 'keywordRank');
  add(semantic, 'semanticRank');
  return [...byId.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ order: _order, ...f }) => f);
}
