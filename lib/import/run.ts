import { sql } from 'drizzle-orm';
import { type Db, type Executor, rowsOf } from '@/db/client';
import { createIdCache, upsertProducts, upsertShoppers } from '@/lib/ingest/upsert';
import { withTenantTx } from '@/lib/tenant/context';
import { buildBatches } from './batches';
import { scanFile } from './scan';
import { type ImportPlan, readSource } from './source';
import {
  type ImportSummary,
  type WriteTotals,
  addWrites,
  emptyFacts,
  emptyWrites,
  summarize,
} from './summary';
import { type WriteState, writeBatch } from './write';

/** Saved with every committed batch: where to resume, and what the database did so far. */
export interface ImportCheckpoint extends Record<string, unknown> {
  /** `catalog`: the Online Retail catalog is not written yet; `rows`: batches from `row`. */
  phase: 'catalog' | 'rows';
  /** Rows whose batches are committed. */
  row: number;
  /** The batch size this import started with (a resumed run must cut the file the same way). */
  batchRows: number;
  writes: WriteTotals;
}

/** How the pipeline talks to its runner (the job context, or a test). */
export interface ImportHooks {
  db: Db;
  tenant: { tenantId: string };
  checkpoint: ImportCheckpoint | null;
  /** Must write through `tx`: the checkpoint commits with the batch or not at all. */
  saveCheckpoint(value: ImportCheckpoint, tx: Executor): Promise<void>;
  progress(done: number, total: number | null, message: string): void;
  throwIfCancelled(): void;
}

const fmt = new Intl.NumberFormat('en');
const clone = (w: WriteTotals): WriteTotals => structuredClone(w);

/**
 * Imports a stored file: a first pass checks it and learns its shape (row count, order sizes,
 * duplicates, the Online Retail catalog), then batches of `batchRows` rows are validated and
 * written, each in ONE transaction together with its rejections and the checkpoint. A run
 * that stops anywhere (crash, kill, cancel) resumes after the last committed batch: earlier
 * batches are replayed in memory only, so nothing is written twice and no batch is half there.
 * Throws FileFormatError for problems with the whole file (before anything is written).
 */
export async function runImport(input: ImportPlan, hooks: ImportHooks): Promise<ImportSummary> {
  let cp: ImportCheckpoint = hooks.checkpoint ?? {
    phase: 'catalog',
    row: 0,
    batchRows: input.batchRows,
    writes: emptyWrites(),
  };
  const plan: ImportPlan = { ...input, batchRows: cp.batchRows };
  hooks.progress(0, null, 'Checking the file');
  const scan = await scanFile(plan, {
    checkCancelled: hooks.throwIfCancelled,
    onProgress: (done, total) =>
      hooks.progress(0, null, `Checking the file: ${Math.floor((done / Math.max(1, total)) * 100)}%`),
  });
  const total = scan.rows;
  const facts = emptyFacts();

  if (scan.catalog) {
    const products = plan.kind === 'shoppers' ? [] : scan.catalog.productRecords(plan.currency, plan.locale);
    const shoppers = plan.kind === 'products' ? [] : scan.catalog.shopperRecords();
    facts.counts.products = products.length;
    facts.counts.shoppers = shoppers.length;
    if (cp.phase === 'catalog') {
      hooks.progress(
        0,
        total,
        `Writing ${fmt.format(products.length)} products and ${fmt.format(shoppers.length)} customers`,
      );
      const next = await withTenantTx(hooks.db, hooks.tenant, async (tx) => {
        const w = emptyWrites();
        w.products = await upsertProducts(tx, hooks.tenant, products);
        w.shoppers = await upsertShoppers(tx, hooks.tenant, shoppers);
        const value: ImportCheckpoint = { ...cp, phase: 'rows', writes: addWrites(clone(cp.writes), w) };
        await hooks.saveCheckpoint(value, tx);
        return value;
      });
      cp = next;
    }
  }

  const state: WriteState = { ids: createIdCache(), ordersLikelyNew: false };
  if (plan.kind === 'orders') {
    const [r] = rowsOf<{ none: boolean }>(
      await hooks.db.execute(
        sql`select not exists (select 1 from orders where tenant_id = ${hooks.tenant.tenantId}) as none`,
      ),
    );
    state.ordersLikelyNew = Boolean(r?.none);
  }
  const { rows } = await readSource(plan, { validate: true });
  for await (const batch of buildBatches(plan, scan, rows, facts)) {
    if (batch.endRow <= cp.row) continue; // committed by an earlier attempt: replayed for the totals only
    hooks.throwIfCancelled();
    cp = await withTenantTx(hooks.db, hooks.tenant, async (tx) => {
      const w = await writeBatch(tx, hooks.tenant, plan, batch, state);
      const value: ImportCheckpoint = {
        ...cp,
        phase: 'rows',
        row: batch.endRow,
        writes: addWrites(clone(cp.writes), w),
      };
      await hooks.saveCheckpoint(value, tx);
      return value;
    });
    hooks.progress(batch.endRow, total, `Imported ${fmt.format(batch.endRow)} of ${fmt.format(total)} rows`);
  }
  hooks.progress(total, total, 'Done');
  return summarize(facts, cp.writes);
}
