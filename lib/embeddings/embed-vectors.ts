import type { ProductToEmbed } from './queries';
import type { Embedder } from './types';

/** One product's vector, or why it has none. */
export type ProductVectorOutcome =
  | { productId: string; textHash: string; vector: Float32Array }
  | { productId: string; skipReason: string };

/** Reasons a product gets no vector in the embed step (kept in `product_texts.skip_reason`). */
export const EMBED_FAILED = 'embed_failed';

function isUsable(v: Float32Array | undefined, dims: number): v is Float32Array {
  if (!v || v.length !== dims) return false;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Number.isFinite(s) && s > 0;
}

/**
 * Embeds `texts` in calls of at most `maxBatch`. A call that throws is retried text by text, so
 * one odd text (huge, malformed for the tokenizer, a model error) costs only its own vector:
 * its slot is `null`, never an exception.
 */
async function embedAll(embedder: Embedder, texts: string[]): Promise<(Float32Array | null)[]> {
  const out: (Float32Array | null)[] = [];
  const size = Math.max(1, embedder.maxBatch);
  for (let start = 0; start < texts.length; start += size) {
    const chunk = texts.slice(start, start + size);
    let vectors: Float32Array[] | null = null;
    try {
      vectors = await embedder.embed(chunk, 'passage');
      if (vectors.length !== chunk.length) vectors = null;
    } catch {
      vectors = null;
    }
    if (vectors) {
      for (const v of vectors) out.push(isUsable(v, embedder.dimensions) ? v : null);
      continue;
    }
    for (const text of chunk) {
      try {
        const [v] = await embedder.embed([text], 'passage');
        out.push(isUsable(v, embedder.dimensions) ? v : null);
      } catch {
        out.push(null);
      }
    }
  }
  return out;
}

/**
 * What each product sends to the embedder. A model embeds every locale's text as its own passage
 * (each fits the model's token window) and the product vector is the L2-normalized mean of them:
 * every locale contributes, and a multilingual model maps translations close together, so the
 * mean stays near each of them. The lexical embedder gets the locales as ONE text instead: its
 * languages share no features, so a mean spreads a query's match over L locales (about 1/√L of
 * it left) while the parts every locale repeats (category, brand, attributes) add up L times and
 * dominate; in one text they count once with damped term frequency. Measured on the demo store's
 * labelled queries (`npm run bench:embed`), precision@10 0.39 with the mean, 0.56 with one text.
 */
function passagesOf(embedder: Embedder, byLocale: Record<string, string>): string[] {
  const texts = Object.values(byLocale).filter((t) => t.trim());
  if (embedder.kind === 'lexical') return texts.length ? [texts.join('\n')] : [];
  return texts;
}

/**
 * Vectors for a batch of products (see passagesOf for what is embedded). A product whose texts
 * cannot all be embedded is skipped with `embed_failed` (a vector of some locales would misplace it).
 */
export async function embedProducts(
  embedder: Embedder,
  items: { product: ProductToEmbed; byLocale: Record<string, string> }[],
): Promise<ProductVectorOutcome[]> {
  const texts: string[] = [];
  const owners: number[] = [];
  items.forEach((item, i) => {
    for (const text of passagesOf(embedder, item.byLocale)) {
      texts.push(text);
      owners.push(i);
    }
  });
  const vectors = await embedAll(embedder, texts);
  const dims = embedder.dimensions;
  const sums = items.map(() => new Float64Array(dims));
  const counts = new Int32Array(items.length);
  const failed = new Uint8Array(items.length);
  vectors.forEach((v, t) => {
    const owner = owners[t]!;
    if (!v) {
      failed[owner] = 1;
      return;
    }
    const sum = sums[owner]!;
    for (let j = 0; j < dims; j++) sum[j] = sum[j]! + v[j]!;
    counts[owner] = counts[owner]! + 1;
  });
  return items.map((item, i): ProductVectorOutcome => {
    const productId = item.product.id;
    if (failed[i]) return { productId, skipReason: EMBED_FAILED };
    if (counts[i] === 0) return { productId, skipReason: 'no_text' };
    const sum = sums[i]!;
    let norm = 0;
    for (let j = 0; j < dims; j++) norm += sum[j]! * sum[j]!;
    if (!(norm > 0)) return { productId, skipReason: EMBED_FAILED };
    const inv = 1 / Math.sqrt(norm);
    const vector = new Float32Array(dims);
    for (let j = 0; j < dims; j++) vector[j] = sum[j]! * inv;
    return { productId, textHash: item.product.textHash, vector };
  });
}
