import type { Db } from '@/db/client';
import type { QuerySpace } from '@/lib/embeddings/service';
import { searchVectors } from '@/lib/embeddings/vector-index';
import type { TenantContext } from '@/lib/tenant/context';
import { allowedProductIds } from './filters';
import type { CatalogFilters } from './types';

/**
 * Below this cosine a lexical match is hash collisions and a shared trigram or two ("linen shirt"
 * vs "Coffee mug" is ~0.02; a shared word is 0.2 and up). Without a floor every product would
 * join the semantic list and, fused by rank, crowd genuine keyword-only matches in hybrid mode.
 * Transformer similarities live in a compressed, model-specific range: no floor for them.
 */
export const LEXICAL_MIN_SIMILARITY = 0.08;

export interface SemanticHit {
  productId: string;
  /** Cosine similarity of the query and the product, in [-1, 1]. */
  similarity: number;
}

export type SemanticOutcome =
  | { ok: true; hits: SemanticHit[] }
  /** The semantic part cannot run; `notice` says why, for the person searching. */
  | { ok: false; notice: string };

/**
 * Nearest products to the query text (embedded with role 'query') in the workspace's query space
 * (`querySpace`: queries never mix spaces), among the active products matching `filters`: they
 * are resolved to an allow-set first, so the vector search filters by tenant and by the filters
 * before ranking. `limit` bounds the hits; the caller loads the rows, which drops archived or
 * filtered-out products. `ok: false` with a notice when the space is empty or the query embeds
 * to nothing.
 */
export async function semanticSearch(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
  qs: QuerySpace,
  opts: { q: string; limit: number; filters?: CatalogFilters },
): Promise<SemanticOutcome> {
  if (qs.vectors === 0) {
    return {
      ok: false,
      notice: `No product is embedded with ${qs.status.label} yet, so these are keyword results. Run the embedding job (Models page, or \`tailor embed\`).`,
    };
  }
  const [query] = await qs.embedder.embed([opts.q], 'query');
  if (!query || !isNonZero(query)) {
    return {
      ok: false,
      notice: 'The query has nothing the embedder can read, so these are keyword results.',
    };
  }
  const allow = await allowedProductIds(db, ctx, opts.filters);
  if (allow && allow.size === 0) return { ok: true, hits: [] };
  const hits = await searchVectors(db, {
    tenantId: ctx.tenantId,
    space: qs.space,
    k: opts.limit,
    ...(allow ? { allow } : {}),
    query,
  });
  const floor = qs.embedder.kind === 'lexical' ? LEXICAL_MIN_SIMILARITY : Number.NEGATIVE_INFINITY;
  return {
    ok: true,
    hits: hits.filter((h) => h.score >= floor).map((h) => ({ productId: h.productId, similarity: h.score })),
  };
}

function isNonZero(v: Float32Array): boolean {
  for (const x of v) if (x !== 0) return true;
  return false;
}
