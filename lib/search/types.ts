import type { products } from '@/db/schema';
import type { EmbedderStatus } from '@/lib/embeddings/types';

type ProductRow = typeof products.$inferSelect;

/** keyword: folded full-text over every locale; semantic: vectors; hybrid: both, fused by rank. */
export type SearchMode = 'keyword' | 'semantic' | 'hybrid';

/** Catalog filters; all optional, combined with AND. Prices in minor units of the workspace currency. */
export interface CatalogFilters {
  /** A category path prefix: `['Apparel', 'Shirts']` matches that node and below. */
  category?: string[];
  brand?: string;
  minPriceMinor?: number;
  maxPriceMinor?: number;
  inStock?: boolean;
  /** Only products lacking a title in this locale (coverage work). */
  missingLocale?: string;
}

export interface SearchRequest {
  q: string;
  k: number;
  mode: SearchMode;
  filters?: CatalogFilters;
}

export interface SearchHit {
  product: ProductRow;
  /** Fused score (hybrid: reciprocal-rank fusion; semantic: cosine; keyword: ts_rank). Higher is better. */
  score: number;
  /** 1-based rank in the keyword list, when the product was found there. */
  keywordRank?: number;
  /** 1-based rank and cosine similarity in the semantic list, when found there. */
  semanticRank?: number;
  similarity?: number;
}

export interface SearchResult {
  mode: SearchMode;
  hits: SearchHit[];
  /** The embedder that embedded the query (semantic/hybrid), null for keyword-only. */
  embedder: EmbedderStatus | null;
  /** Why a semantic part could not run (no vectors yet …): the results are keyword-only then. */
  notice?: string;
  tookMs: number;
}

export interface SimilarHit {
  product: ProductRow;
  similarity: number;
}

export interface SimilarResult {
  hits: SimilarHit[];
  embedder: EmbedderStatus | null;
  /** Why there are no neighbours (product not embedded yet, skipped: no text …). */
  notice?: string;
}

/** A page of the catalog list (no query): keyset by title or by id, with facets for the filters. */
export interface CatalogPage {
  items: ProductRow[];
  total: number;
  nextCursor: string | null;
  facets: {
    categories: { path: string[]; count: number }[];
    brands: { brand: string; count: number }[];
    price: { minMinor: number; maxMinor: number } | null;
  };
}
