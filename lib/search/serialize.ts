import { productToApi } from '@/lib/catalog/serialize';
import type { EmbedderStatus } from '@/lib/embeddings/types';
import type { SearchResult, SimilarResult } from './types';

/** The embedder as the API shows it: what answered, and why a model is not in use when it fell back. */
export function embedderToApi(s: EmbedderStatus | null) {
  if (!s) return null;
  return {
    space: s.space,
    label: s.label,
    kind: s.kind,
    dimensions: s.dimensions,
    fallback: s.fallback,
    ...(s.reason ? { reason: s.reason } : {}),
  };
}

/** `GET /api/v1/products/search` body; scores rounded to 6 digits (more is noise). */
export function searchResultToApi(r: SearchResult) {
  return {
    data: r.hits.map((h) => ({
      product: productToApi(h.product),
      score: round(h.score),
      ...(h.similarity !== undefined ? { similarity: round(h.similarity) } : {}),
      ...(h.keywordRank !== undefined ? { keywordRank: h.keywordRank } : {}),
      ...(h.semanticRank !== undefined ? { semanticRank: h.semanticRank } : {}),
    })),
    mode: r.mode,
    embedder: embedderToApi(r.embedder),
    ...(r.notice ? { notice: r.notice } : {}),
  };
}

/** `GET /api/v1/products/{id}/similar` body. */
export function similarResultToApi(r: SimilarResult) {
  return {
    data: r.hits.map((h) => ({ product: productToApi(h.product), similarity: round(h.similarity) })),
    embedder: embedderToApi(r.embedder),
    ...(r.notice ? { notice: r.notice } : {}),
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
