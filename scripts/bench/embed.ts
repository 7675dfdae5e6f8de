/**
 * `npm run bench:embed [-- --quick | --full] [--queries 100]`: figures for product understanding.
 *
 * 1. Embedder throughput on the demo catalog's texts (db/seed, 640 products in up to six
 *    languages), through the embed job's path: the lexical embedder, the Transformers.js path with
 *    the project's tiny test model (lib/embeddings/testing/models, proves the path, not quality),
 *    and every real model folder found under MODELS_DIR; plus a batch-size sweep (texts/s).
 * 2. Vector search, k=20, on random unit vectors (384 dims) at 10k and 100k per workspace (plus a
 *    second workspace of 10 % in the same index), each path forced: pgvector HNSW on PGlite (build
 *    time, recall@20 against exact), exact SQL, in-memory (load time); vector writes/s.
 *    HNSW at 100k builds for several minutes in WASM: only with --full.
 * 3. Precision@10 of semantic search on the demo store over the labelled queries of
 *    embed-queries.ts, after the real job pipeline embedded the catalog.
 * Peak RSS of the process at the end. Figures only: nothing is asserted. --quick: 10k only, fewer
 * queries and texts (about a minute).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoStore } from '@/db/seed/generate';
import { createLexicalEmbedder } from '@/lib/embeddings/lexical';
import { buildProductText } from '@/lib/embeddings/product-text';
import { listAvailableModels } from '@/lib/embeddings/resolve';
import { loadTransformersEmbedder } from '@/lib/embeddings/transformers';
import type { Embedder } from '@/lib/embeddings/types';
import { HNSW_MIN_VECTORS } from '@/lib/embeddings/vector-index';
import { getEnv } from '@/lib/env';
import { benchQuality } from './embed-quality';
import { benchSearch, type SearchRow, type WriteRow } from './embed-search';
import { measureEmbedder, type ProductItem, SWEEP, type ThroughputRow } from './embed-throughput';
import { table } from './support/stats';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    queries: { type: 'string' },
  },
});
const quick = opts.quick === true;
const ROOT = path.resolve(import.meta.dirname, '../..');
const TINY_MODELS = path.join(ROOT, 'lib/embeddings/testing/models');
const started = performance.now();
const log = (line: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${line}`);
const num = (n: number, digits = 0) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

function demoItems(): { rows: ReturnType<typeof generateDemoStore>['products']; items: ProductItem[] } {
  const store = generateDemoStore({
    tenantId: '00000000-0000-4000-8000-000000000000',
    now: new Date('2026-01-01'),
  });
  const items: ProductItem[] = [];
  for (const p of store.products) {
    const source = {
      title: p.title,
      description: p.description ?? {},
      categoryPath: p.categoryPath ?? [],
      brand: p.brand ?? null,
      attributes: p.attributes ?? {},
    };
    const text = buildProductText(source);
    if (text.skipReason) continue;
    items.push({
      product: { ...source, id: p.id ?? '', version: '0', textHash: text.hash },
      byLocale: text.byLocale,
    });
  }
  return { rows: store.products, items };
}

async function throughput(items: ProductItem[]): Promise<ThroughputRow[]> {
  const texts = items.flatMap((i) => Object.values(i.byLocale));
  const sweepTexts = texts.slice(0, quick ? 64 : 256);
  const rows: ThroughputRow[] = [];
  rows.push(await measureEmbedder('lexical', createLexicalEmbedder(), items, sweepTexts));
  log('lexical embedder done');
  const tiny = await loadTransformersEmbedder({
    modelId: 'tailor/tiny-bert',
    modelsDir: TINY_MODELS,
    allowRemote: false,
    quantized: true,
  });
  rows.push(
    await measureEmbedder(
      'tailor/tiny-bert (test model)',
      tiny,
      quick ? items.slice(0, 160) : items,
      sweepTexts,
    ),
  );
  await tiny.dispose?.();
  log('tiny test model done');
  for (const model of await realModels()) {
    rows.push(
      await measureEmbedder(
        model.space,
        model,
        items.slice(0, quick ? 40 : 160),
        sweepTexts.slice(0, quick ? 32 : 128),
      ),
    );
    await model.dispose?.();
    log(`${model.space} done`);
  }
  return rows;
}

/** Installed model folders under MODELS_DIR other than the test model, loaded (failures are printed). */
async function realModels(): Promise<Embedder[]> {
  const env = getEnv();
  const out: Embedder[] = [];
  for (const m of await listAvailableModels(env)) {
    if (!m.installed || m.id === 'tailor/tiny-bert') continue;
    try {
      out.push(
        await loadTransformersEmbedder({
          modelId: m.id,
          modelsDir: env.modelsDir,
          allowRemote: false,
          quantized: env.TAILOR_MODEL_FULL_PRECISION !== true,
        }),
      );
    } catch (error) {
      console.error(`${m.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (out.length === 0) log(`no real model folder under ${env.modelsDir}`);
  return out;
}

async function search(): Promise<{ rows: SearchRow[]; writes: WriteRow[] }> {
  const queries = Number(opts.queries ?? (quick ? 30 : 100));
  const sizes = quick ? [10_000] : [10_000, 100_000];
  const rows: SearchRow[] = [];
  const writes: WriteRow[] = [];
  for (const size of sizes) {
    log(`vector search at ${num(size)} vectors`);
    const r = await benchSearch({
      size,
      hnsw: size <= 10_000 || opts.full === true,
      queries,
      measureWrites: size === sizes[0],
      log,
    });
    rows.push(...r.rows);
    writes.push(...r.writes);
  }
  return { rows, writes };
}

async function main(): Promise<void> {
  log(quick ? 'quick run' : opts.full ? 'full run (HNSW at 100k included)' : 'default run');
  const demo = demoItems();
  log(`demo catalog: ${demo.items.length} products with text`);
  const speed = await throughput(demo.items);
  const vectors = await search();
  log('search quality on the demo store');
  const quality = [await benchQuality(createLexicalEmbedder(), demo.rows)];
  if (!quick) for (const model of await realModels()) quality.push(await benchQuality(model, demo.rows));
  clearInterval(sampler);

  console.log(
    '\nEmbedder throughput on the demo catalog through the job path (lexical: one text a product; models: each locale, then the mean)',
  );
  console.log(
    table(
      ['embedder', 'dims', 'products', 'texts', 'products/s', ...SWEEP.map((b) => `texts/s @${b}`)],
      speed.map((r) => [
        r.label,
        String(r.dims),
        num(r.products),
        num(r.texts),
        num(r.productsPerSecond),
        ...SWEEP.map((b) => num(r.sweep.get(b) ?? Number.NaN)),
      ]),
    ),
  );
  console.log('  (Transformers.js embeds at most 32 texts per model call: @128 is four calls of 32)');

  console.log('\nVector search, k=20, random unit vectors, 384 dims (PGlite, file-backed)');
  console.log(
    table(
      ['vectors', 'path', 'queries', 'p50', 'p99', 'notes'],
      vectors.rows.map((r) => [
        num(r.size),
        r.path,
        String(r.queries),
        `${num(r.p50, 1)} ms`,
        `${num(r.p99, 1)} ms`,
        r.note,
      ]),
    ),
  );
  if (!opts.full && !quick) console.log('  (HNSW at 100k: run with --full; its build takes minutes in WASM)');
  console.log(
    `  (automatic choice with pgvector: exact SQL below ${num(HNSW_MIN_VECTORS.wasm)} vectors on PGlite, ${num(HNSW_MIN_VECTORS.server)} on a server; HNSW above)`,
  );
  for (const w of vectors.writes) console.log(`  ${w.label}: ${num(w.vectorsPerSecond)} vectors/s`);

  console.log('\nSearch quality on the demo store (semantic only, labelled queries of embed-queries.ts)');
  console.log(
    table(
      ['embedder', 'products', 'job products/s', 'P@10', ...Object.keys(quality[0]?.byLanguage ?? {})],
      quality.map((q) => [
        q.label,
        num(q.products),
        num(q.jobProductsPerSecond),
        q.precisionAt10.toFixed(3),
        ...Object.values(q.byLanguage).map((v) => v.toFixed(2)),
      ]),
    ),
  );
  const worst = [...(quality[0]?.perQuery ?? [])].sort((a, b) => a.precision - b.precision).slice(0, 5);
  console.log(`  weakest (lexical): ${worst.map((w) => `"${w.q}" ${w.precision.toFixed(1)}`).join(', ')}`);

  console.log(
    `\nPeak RSS ${num(peakRss / 1048576)} MiB; total ${num((performance.now() - started) / 1000, 1)} s`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
