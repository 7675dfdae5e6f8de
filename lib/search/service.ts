import type { Db } from '@/db/client';
import { getProduct } from '@/lib/catalog/queries';
import { getProductText } from '@/lib/embeddings/queries';
import { querySpace } from '@/lib/embeddings/service';
import type { EmbedderStatus } from '@/lib/embeddings/types';
import { similarToProduct } from '@/lib/embeddings/vector-index';
import { notFound } from '@/lib/errors';
import { log } from '@/lib/log';
import type { TenantContext } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { type ListCatalogInput, listCatalogPage } from './catalog';
import { reciprocalRankFusion } from './fuse';
import { keywordSearch } from './keyword';
import { loadSearchProducts } from './queries';
import { searchRequestSchema, similarOptionsSchema } from './schemas';
import { type SemanticHit, semanticSearch } from './semantic';
import type {
  CatalogFilters,
  CatalogPage,
  SearchHit,
  SearchMode,
  SearchResult,
  SimilarResult,
} from './types';

/**
 * Searches the workspace's active products. `input` is validated here (q 1–500 characters after
 * trimming, k 1–100 default 20, mode keyword | semantic | hybrid default hybrid, filters):
 * - keyword: folded full text of every locale, ts_rank;
 * - semantic: the query embedded (role 'query') in the workspace's query space, cosine;
 * - hybrid: reciprocal-rank fusion of the top max(50, 3k) of each.
 * When the workspace has no vectors yet (or the query embeds to nothing), semantic and hybrid
 * answer with keyword results, `mode: 'keyword'` and a `notice`. Filters apply in every mode.
 * Throws `validation_failed` on malformed input.
 */
export async function searchProducts(db: Db, ctx: TenantContext, input: unknown): Promise<SearchResult> {
  const started = performance.now();
  const req = parseOrThrow(searchRequestSchema, input);
  const pool = Math.max(50, 3 * req.k);
  let mode: SearchMode = req.mode;
  let notice: string | undefined;
  let embedder: EmbedderStatus | null = null;
  let semantic: SemanticHit[] = [];
  const runKeyword = () => keywordSearch(db, ctx, { q: req.q, limit: pool, filters: req.filters });
  // Hybrid runs both halves at once; the early catch only keeps a failure from being reported as
  // unhandled while the semantic half is awaited (awaiting the promise below still throws it).
  const early = mode === 'semantic' ? null : runKeyword();
  early?.catch(() => undefined);
  if (mode !== 'keyword') {
    const outcome = await runSemantic(db, ctx, req.q, pool, req.filters);
    if (outcome.ok) {
      semantic = outcome.hits;
      embedder = outcome.embedder;
    } else {
      notice = outcome.notice;
      mode = 'keyword';
    }
  }
  const keyword = mode === 'semantic' ? [] : await (early ?? runKeyword());
  const ids = new Set([...keyword.map((h) => h.productId), ...semantic.map((h) => h.productId)]);
  const rows = await loadSearchProducts(db, ctx, [...ids], req.filters);
  // Ranks are counted among the products that survive loading, so they match what is shown.
  const kwRanked = keyword.filter((h) => rows.has(h.productId)).map((h, i) => ({ ...h, rank: i + 1 }));
  const semRanked = semantic.filter((h) => rows.has(h.productId)).map((h, i) => ({ ...h, rank: i + 1 }));
  const similarity = new Map(semRanked.map((h) => [h.productId, h.similarity]));

  let hits: SearchHit[];
  if (mode === 'keyword') {
    hits = kwRanked.map((h) => ({ product: rows.get(h.productId)!, score: h.score, keywordRank: h.rank }));
  } else if (mode === 'semantic') {
    hits = semRanked.map((h) => ({
      product: rows.get(h.productId)!,
      score: h.similarity,
      similarity: h.similarity,
      semanticRank: h.rank,
    }));
  } else {
    hits = reciprocalRankFusion(kwRanked, semRanked).map((f) => ({
      product: rows.get(f.productId)!,
      score: f.score,
      ...(f.keywordRank !== undefined ? { keywordRank: f.keywordRank } : {}),
      ...(f.semanticRank !== undefined
        ? { semanticRank: f.semanticRank, similarity: similarity.get(f.productId)! }
        : {}),
    }));
  }
  return {
    mode,
    hits: hits.slice(0, req.k),
    embedder,
    ...(notice ? { notice } : {}),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

type SemanticRun =
  | { ok: true; hits: SemanticHit[]; embedder: EmbedderStatus }
  | { ok: false; notice: string };

/** The semantic half; an embedder failing at query time degrades the search instead of failing it. */
async function runSemantic(
  db: Db,
  ctx: TenantContext,
  q: string,
  limit: number,
  filters: CatalogFilters | undefined,
): Promise<SemanticRun> {
  try {
    const qs = await querySpace(db, ctx);
    const outcome = await semanticSearch(db, ctx, qs, { q, limit, filters });
    return outcome.ok ? { ok: true, hits: outcome.hits, embedder: qs.status } : outcome;
  } catch (error) {
    log('error', 'search.semantic_failed', { tenantId: ctx.tenantId, error });
    return { ok: false, notice: 'Semantic search is unavailable right now, so these are keyword results.' };
  }
}

/**
 * The active products nearest to one product (by Tailor id or external id) in the workspace's
 * query space, most similar first, never the product itself. k 1–100, default 10.
 * Throws `not_found` for an unknown id or another workspace's product, `validation_failed` for k.
 * No neighbours (not embedded yet, nothing to embed) → empty hits with a `notice`.
 */
export async function similarProducts(
  db: Db,
  ctx: TenantContext,
  productIdOrExternal: string,
  opts: { k?: number | string } = {},
): Promise<SimilarResult> {
  const { k } = parseOrThrow(similarOptionsSchema, opts);
  const product = await getProduct(db, ctx, String(productIdOrExternal).slice(0, 200));
  if (!product) throw notFound('Product not found');
  const qs = await querySpace(db, ctx);
  // A few extra neighbours, since archived ones drop out when the rows are loaded.
  const raw = await similarToProduct(db, {
    tenantId: ctx.tenantId,
    space: qs.space,
    productId: product.id,
    k: k + 10,
  });
  // null: the product itself has no vector in the space.
  const neighbours = (raw ?? []).filter((h) => h.productId !== product.id);
  const rows = await loadSearchProducts(
    db,
    ctx,
    neighbours.map((h) => h.productId),
  );
  const hits = neighbours
    .filter((h) => rows.has(h.productId))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((h) => ({ product: rows.get(h.productId)!, similarity: h.score }));
  if (hits.length > 0) return { hits, embedder: qs.status };
  return {
    hits,
    embedder: qs.status,
    notice: await noNeighboursNotice(db, ctx, product.id, raw, qs.status.label),
  };
}

/** Why a product has no neighbours, in words for the merchant. */
async function noNeighboursNotice(
  db: Db,
  ctx: TenantContext,
  productId: string,
  raw: unknown[] | null,
  label: string,
): Promise<string> {
  if (raw !== null) return 'No other active product of the catalog is embedded yet.';
  const reason = (await getProductText(db, ctx, productId))?.skipReason;
  if (reason === 'no_text')
    return 'This product has no title or description to compare, so it has no neighbours.';
  if (reason) return `This product could not be embedded (${reason}), so it has no neighbours.`;
  return `This product is not embedded with ${label} yet. Run the embedding job (Models page, or \`tailor embed\`).`;
}

/**
 * One page of the catalog (every status) with facets for the current filters. See
 * lib/search/catalog.ts for the cursor and sort orders. Throws `validation_failed` on bad input
 * or a cursor from another sort order.
 */
export async function listCatalog(db: Db, ctx: TenantContext, input: ListCatalogInput): Promise<CatalogPage> {
  return listCatalogPage(db, ctx, input);
}
