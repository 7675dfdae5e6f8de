import type { Db, Executor } from '@/db/client';
import { withTenantTx } from '@/lib/tenant/context';
import { analyzeProduct } from './analyze';
import { embedProducts } from './embed-vectors';
import { buildProductText } from './product-text';
import {
  type AnalyzedProduct,
  countProductsToAnalyze,
  countProductsToEmbed,
  deleteOtherSpaces,
  deleteRetiredVectors,
  listProductsToAnalyze,
  listProductsToEmbed,
  markProductsSkipped,
  upsertProductTexts,
  upsertVectors,
} from './queries';
import type { Embedder, EmbedderStatus } from './types';

/** Saved with every committed batch: where a retried or resumed run continues. */
export interface EmbedCheckpoint extends Record<string, unknown> {
  /** A run repeats (up to MAX_ROUNDS) when products changed or the embedder switched meanwhile. */
  round: number;
  phase: 'analyze' | 'embed' | 'cleanup';
  /** Last product id committed in this phase (keyset), null at its start. */
  after: string | null;
  /** The space the embed phase writes; a different live space on resume restarts the phase. */
  space: string | null;
  analyzed: number;
  embedded: number;
  skipped: number;
  failed: number;
}

export interface EmbedRunHooks {
  db: Db;
  tenantId: string;
  full: boolean;
  checkpoint: EmbedCheckpoint | null;
  /** Must write through `tx`: the checkpoint commits with its batch or not at all. */
  saveCheckpoint(value: EmbedCheckpoint, tx: Executor): Promise<void>;
  progress(done: number, total: number | null, message: string): void;
  throwIfCancelled(): void;
  /** The workspace's live embedder now (its setting is read again each round). */
  resolve(): Promise<{ embedder: Embedder; status: EmbedderStatus }>;
}

export interface EmbedRunResult extends Record<string, unknown> {
  space: string;
  analyzed: number;
  embedded: number;
  skipped: number;
  failed: number;
  removedVectors: number;
  removedSpaces: string[];
  rounds: number;
}

/** Products analysed per transaction (each is a few ms of language detection). */
export const ANALYZE_BATCH = 500;
const MAX_ROUNDS = 3;
const fmt = new Intl.NumberFormat('en');

/** Products embedded per transaction: a few model calls' worth, never holding a transaction open while embedding. */
const embedBatchOf = (embedder: Embedder) => Math.min(256, Math.max(32, embedder.maxBatch * 4));

async function analyzePhase(h: EmbedRunHooks, cp: EmbedCheckpoint, full: boolean): Promise<EmbedCheckpoint> {
  const tenant = { tenantId: h.tenantId };
  const total = cp.analyzed + (await countProductsToAnalyze(h.db, tenant, full));
  let next = cp;
  for (;;) {
    h.throwIfCancelled();
    const rows = await listProductsToAnalyze(h.db, tenant, { after: next.after, limit: ANALYZE_BATCH, full });
    if (rows.length === 0) break;
    const analyzed: AnalyzedProduct[] = [];
    for (const p of rows) {
      const { text, languages } = await analyzeProduct(p);
      analyzed.push({ productId: p.id, version: p.version, text, languages });
    }
    const value: EmbedCheckpoint = {
      ...next,
      after: rows[rows.length - 1]!.id,
      analyzed: next.analyzed + rows.length,
      skipped: next.skipped + analyzed.filter((a) => a.text.skipReason).length,
    };
    await withTenantTx(h.db, tenant, async (tx) => {
      await upsertProductTexts(tx, tenant, analyzed);
      await h.saveCheckpoint(value, tx);
    });
    next = value;
    const done = Math.min(next.analyzed, total);
    h.progress(done, total, `Analyzing products ${fmt.format(done)} / ${fmt.format(total)}`);
  }
  return { ...next, phase: 'embed', after: null };
}

async function embedPhase(h: EmbedRunHooks, cp: EmbedCheckpoint, embedder: Embedder, all: boolean) {
  const tenant = { tenantId: h.tenantId };
  const space = embedder.space;
  // Resumed with another live space (setting switched, model gone): this phase starts over there.
  let next: EmbedCheckpoint = cp.space === space ? cp : { ...cp, space, after: null };
  const startDone = next.embedded;
  const total = startDone + (await countProductsToEmbed(h.db, tenant, space, all));
  const batch = embedBatchOf(embedder);
  let processed = 0;
  h.progress(startDone, total, `Embedding products ${fmt.format(startDone)} / ${fmt.format(total)}`);
  for (;;) {
    h.throwIfCancelled();
    const rows = await listProductsToEmbed(h.db, tenant, { space, after: next.after, limit: batch, all });
    if (rows.length === 0) break;
    const items = [];
    const reanalyzed: AnalyzedProduct[] = [];
    for (const product of rows) {
      let text = buildProductText(product);
      if (text.hash !== product.textHash) {
        // The stored analysis does not match the product's text (the text builder changed, or the
        // analysis was edited): analyse again here, or the product would wait for a change forever.
        const { languages, text: fresh } = await analyzeProduct(product);
        reanalyzed.push({ productId: product.id, version: product.version, text: fresh, languages });
        text = fresh;
      }
      if (!text.skipReason)
        items.push({ product: { ...product, textHash: text.hash }, byLocale: text.byLocale });
    }
    const outcomes = await embedProducts(embedder, items);
    const vectors = outcomes.flatMap((o) => ('vector' in o ? [o] : []));
    const skips = outcomes.flatMap((o) =>
      'skipReason' in o ? [{ productId: o.productId, reason: o.skipReason }] : [],
    );
    const value: EmbedCheckpoint = {
      ...next,
      after: rows[rows.length - 1]!.id,
      embedded: next.embedded + vectors.length,
      failed: next.failed + skips.length,
    };
    await withTenantTx(h.db, tenant, async (tx) => {
      await upsertProductTexts(tx, tenant, reanalyzed);
      await upsertVectors(tx, tenant, { space, dims: embedder.dimensions, rows: vectors });
      await markProductsSkipped(tx, tenant, skips);
      await h.saveCheckpoint(value, tx);
    });
    next = value;
    processed += rows.length;
    const done = Math.min(startDone + processed, total);
    h.progress(done, total, `Embedding products ${fmt.format(done)} / ${fmt.format(total)}`);
  }
  return { ...next, phase: 'cleanup' as const, after: null };
}

/**
 * Brings a workspace's vectors up to date with its catalog, in rounds of three phases:
 * 1. analyze products that are new or changed since their analysis (text, hash, languages);
 * 2. embed, into the live embedder's space, the products whose text hash has no vector there;
 * 3. clean up: vectors of archived or skipped products go, and once the live space covers the
 *    catalog (and the live embedder is the one asked for, not a stand-in), other spaces go too —
 *    until then they keep serving queries (lib/embeddings/service.ts `querySpace`).
 * Every batch commits with its checkpoint; nothing is embedded twice for the same text.
 */
export async function runEmbedding(h: EmbedRunHooks): Promise<EmbedRunResult> {
  const tenant = { tenantId: h.tenantId };
  let cp: EmbedCheckpoint = h.checkpoint ?? {
    round: 1,
    phase: 'analyze',
    after: null,
    space: null,
    analyzed: 0,
    embedded: 0,
    skipped: 0,
    failed: 0,
  };
  let removedVectors = 0;
  let removedSpaces: string[] = [];
  for (;;) {
    const full = h.full && cp.round === 1;
    if (cp.phase === 'analyze') cp = await analyzePhase(h, cp, full);
    const { embedder, status } = await h.resolve();
    if (cp.phase === 'embed') cp = await embedPhase(h, cp, embedder, full);
    if (cp.phase === 'cleanup') {
      h.progress(cp.embedded, null, 'Cleaning up');
      const covered = (await countProductsToEmbed(h.db, tenant, embedder.space)) === 0;
      const value: EmbedCheckpoint = { ...cp, round: cp.round + 1, phase: 'analyze', after: null };
      await withTenantTx(h.db, tenant, async (tx) => {
        removedVectors += await deleteRetiredVectors(tx, tenant);
        if (covered && !status.fallback) removedSpaces = await deleteOtherSpaces(tx, tenant, embedder.space);
        await h.saveCheckpoint(value, tx);
      });
      cp = value;
    }
    // Another round when products changed during this one or the setting moved to another space.
    const again =
      cp.round <= MAX_ROUNDS &&
      ((await countProductsToAnalyze(h.db, tenant)) > 0 ||
        (await h.resolve()).embedder.space !== embedder.space);
    if (!again) {
      h.progress(cp.embedded, cp.embedded, 'Done');
      return {
        space: embedder.space,
        analyzed: cp.analyzed,
        embedded: cp.embedded,
        skipped: cp.skipped,
        failed: cp.failed,
        removedVectors,
        removedSpaces,
        rounds: cp.round - 1,
      };
    }
  }
}
