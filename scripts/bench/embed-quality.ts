/**
 * Search quality for `npm run bench:embed`: the demo catalog (db/seed) in a fresh PGlite, embedded
 * by the real job pipeline (analysis, embedding, vector writes), then the labelled queries of
 * embed-queries.ts searched semantically; precision@10 = relevant products among the first 10.
 */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '@/db/client';
import { type products, products as productsTable, tenants } from '@/db/schema';
import { runEmbedding } from '@/lib/embeddings/embed-run';
import type { Embedder, EmbedderStatus } from '@/lib/embeddings/types';
import { searchVectors } from '@/lib/embeddings/vector-index';
import { EMBED_QUERIES } from './embed-queries';

type ProductRow = typeof products.$inferInsert;

export interface QualityResult {
  label: string;
  products: number;
  /** End to end through the job pipeline: analysis + embedding + writes, products/s. */
  jobProductsPerSecond: number;
  precisionAt10: number;
  byLanguage: Record<string, number>;
  perQuery: { q: string; lang: string; precision: number }[];
}

/** Runs the pipeline over `catalog` (rows of any tenant id: re-keyed here) and scores the query set. */
export async function benchQuality(embedder: Embedder, catalog: ProductRow[]): Promise<QualityResult> {
  const h = await openDatabase({ driver: 'pglite', dataDir: null });
  try {
    const tenantId = randomUUID();
    await h.db.insert(tenants).values({ id: tenantId, name: 'Demo', slug: 'demo' });
    const rows = catalog.map((p) => ({ ...p, tenantId }));
    for (let i = 0; i < rows.length; i += 200)
      await h.db.insert(productsTable).values(rows.slice(i, i + 200));
    const status: EmbedderStatus = {
      requested: 'bench',
      space: embedder.space,
      label: embedder.label,
      kind: embedder.kind,
      dimensions: embedder.dimensions,
      fallback: false,
    };
    const t0 = performance.now();
    const result = await runEmbedding({
      db: h.db,
      tenantId,
      full: false,
      checkpoint: null,
      saveCheckpoint: async () => {},
      progress: () => {},
      throwIfCancelled: () => {},
      resolve: async () => ({ embedder, status }),
    });
    const seconds = (performance.now() - t0) / 1000;

    const subcategory = new Map<string, string>();
    for (const p of rows) if (p.id) subcategory.set(p.id, p.categoryPath?.[1] ?? '');
    const perQuery: QualityResult['perQuery'] = [];
    for (const { q, lang, relevant } of EMBED_QUERIES) {
      const [query] = await embedder.embed([q], 'query');
      const hits = await searchVectors(h, { tenantId, space: embedder.space, k: 10, query: query! });
      const good = hits.filter((x) => relevant.includes(subcategory.get(x.productId) ?? '')).length;
      perQuery.push({ q, lang, precision: good / 10 });
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const byLanguage: Record<string, number> = {};
    for (const lang of new Set(perQuery.map((p) => p.lang))) {
      byLanguage[lang] = mean(perQuery.filter((p) => p.lang === lang).map((p) => p.precision));
    }
    return {
      label: embedder.label,
      products: result.embedded,
      jobProductsPerSecond: result.analyzed / seconds,
      precisionAt10: mean(perQuery.map((p) => p.precision)),
      byLanguage,
      perQuery,
    };
  } finally {
    await h.close();
  }
}
