/** Embedder throughput for `npm run bench:embed`: products/s through the job's path, and a batch sweep. */
import { embedProducts } from '@/lib/embeddings/embed-vectors';
import type { ProductToEmbed } from '@/lib/embeddings/queries';
import type { Embedder } from '@/lib/embeddings/types';

export interface ProductItem {
  product: ProductToEmbed;
  byLocale: Record<string, string>;
}

export interface ThroughputRow {
  label: string;
  dims: number;
  products: number;
  texts: number;
  productsPerSecond: number;
  /** Batch size → texts/s (calls of that many texts). */
  sweep: Map<number, number>;
}

export const SWEEP = [1, 8, 32, 128] as const;

/**
 * Embeds `items` the way the job does (every locale's text as a passage, batches of maxBatch,
 * the product vector = normalized mean) and times it; then embeds `sweepTexts` in calls of each
 * sweep size. A warm-up call first, so model initialisation is not counted.
 */
export async function measureEmbedder(
  label: string,
  embedder: Embedder,
  items: ProductItem[],
  sweepTexts: string[],
): Promise<ThroughputRow> {
  await embedder.embed(sweepTexts.slice(0, 2), 'passage');
  const texts = items.reduce((n, i) => n + Object.keys(i.byLocale).length, 0);
  const t0 = performance.now();
  // The job hands embedProducts one database batch at a time (embed-run.ts): do the same.
  const per = Math.min(256, Math.max(32, embedder.maxBatch * 4));
  for (let i = 0; i < items.length; i += per) await embedProducts(embedder, items.slice(i, i + per));
  const seconds = (performance.now() - t0) / 1000;
  const sweep = new Map<number, number>();
  for (const size of SWEEP) {
    const s0 = performance.now();
    for (let i = 0; i < sweepTexts.length; i += size)
      await embedder.embed(sweepTexts.slice(i, i + size), 'passage');
    sweep.set(size, sweepTexts.length / ((performance.now() - s0) / 1000));
  }
  return {
    label,
    dims: embedder.dimensions,
    products: items.length,
    texts,
    productsPerSecond: items.length / seconds,
    sweep,
  };
}
