/**
 * `npm run bench:uci-reference [-- --file <csv.gz>] [--cutoff 2011-11-09] [--database]`
 *
 * Checks the offline-evaluation harness (lib/recommend/eval) against issue 10's reference numbers
 * on the UCI Online Retail file: most-popular NDCG@10 0.081 / 0.034 and recent-popular (30 days)
 * 0.144 / 0.084 (all items / new items), cutoff 2011-11-09.
 *
 * 1. An independent, deliberately plain re-implementation (Maps, Sets, one loop per shopper; none
 *    of the harness code) computes NDCG@10 of both baselines under several definitions of
 *    popularity, to find the one the reference used.
 * 2. The harness (`evaluate`) scores the same baselines on a Dataset built from the same lines.
 * 3. With `--database`: the file goes through `tailor import`'s path into a throw-away embedded
 *    database, `loadDataset` reads it back, and the harness scores it again (slow: ~minutes).
 * Figures only: nothing is asserted.
 *
 * What reproduces the reference (measured on the full file): popularity = distinct buyers per item,
 * truth = distinct items bought from the cutoff on *that were seen in training* (0.0807, 0.1441,
 * 0.0340, 0.0838). Keeping unseen items in truth gives 0.0830 for recent-popular / new items;
 * counting lines or invoices gives ~0.088 for most-popular / all items; summing quantities ~0.057.
 */
import fs, { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb, openDatabase, setDbHandle } from '@/db/client';
import { signUp } from '@/lib/auth/service';
import { runImportJobHere } from '@/lib/import/run-here';
import { createImport, startImport } from '@/lib/import/service';
import { loadDataset } from '@/lib/recommend/data/load';
import { evaluate } from '@/lib/recommend/eval/evaluate';
import type { Protocol } from '@/lib/recommend/eval/split';
import type { Dataset, Recommender } from '@/lib/recommend/types';
import { requireTenant } from '@/lib/tenant/require-tenant';
import { datasetOf, type Line, ONLINE_RETAIL_FILE, readCleanLines } from './support/online-retail';

const { values: opts } = parseArgs({
  options: {
    file: {
      type: 'string',
      default: ONLINE_RETAIL_FILE,
    },
    cutoff: { type: 'string', default: '2011-11-09' },
    database: { type: 'boolean', default: false },
  },
});
const DAY = 86_400_000;
const CUTOFF = Date.parse(`${opts.cutoff}T00:00:00Z`);
const REFERENCE = {
  'all/most-popular': 0.081,
  'all/recent-popular': 0.144,
  'new/most-popular': 0.034,
  'new/recent-popular': 0.084,
};

type Measure = 'buyers' | 'lines' | 'invoices' | 'quantity';
const MEASURES: Measure[] = ['buyers', 'lines', 'invoices', 'quantity'];

/** Items ranked by popularity over `lines` (ties: stock code ascending). */
function rankItems(lines: Line[], measure: Measure): string[] {
  const score = new Map<string, number>();
  const seen = new Set<string>();
  for (const l of lines) {
    const key =
      measure === 'buyers'
        ? `${l.item}|${l.customer}`
        : measure === 'invoices'
          ? `${l.item}|${l.invoice}`
          : '';
    if (key) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    score.set(l.item, (score.get(l.item) ?? 0) + (measure === 'quantity' ? l.quantity : 1));
  }
  return [...score.keys()].sort((a, b) => score.get(b)! - score.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
}

interface TestSet {
  /** Items each training customer bought before the cutoff. */
  had: Map<string, Set<string>>;
  /** Distinct items each of them bought from the cutoff on. */
  truth: Map<string, Set<string>>;
}

function testSet(lines: Line[], truthInCatalog: boolean): TestSet {
  const had = new Map<string, Set<string>>();
  for (const l of lines)
    if (l.time < CUTOFF) had.set(l.customer, (had.get(l.customer) ?? new Set()).add(l.item));
  const catalog = new Set(lines.filter((l) => l.time < CUTOFF).map((l) => l.item));
  const truth = new Map<string, Set<string>>();
  for (const l of lines) {
    if (l.time < CUTOFF || !had.has(l.customer)) continue;
    if (truthInCatalog && !catalog.has(l.item)) continue;
    truth.set(l.customer, (truth.get(l.customer) ?? new Set()).add(l.item));
  }
  return { had, truth };
}

/** Independent NDCG@10 of one fixed ranking, averaged over the test customers. */
function ndcgOfRanking({ had, truth }: TestSet, ranking: string[], protocol: 'all' | 'new') {
  let sum = 0;
  let users = 0;
  for (const [customer, items] of truth) {
    const own = had.get(customer)!;
    const rel = new Set(protocol === 'new' ? [...items].filter((i) => !own.has(i)) : items);
    if (rel.size === 0) continue;
    const list: string[] = [];
    for (const item of ranking) {
      if (list.length === 10) break;
      if (protocol === 'all' || !own.has(item)) list.push(item);
    }
    let dcg = 0;
    list.forEach((item, r) => {
      if (rel.has(item)) dcg += 1 / Math.log2(r + 2);
    });
    let idcg = 0;
    for (let r = 0; r < Math.min(10, rel.size); r++) idcg += 1 / Math.log2(r + 2);
    sum += dcg / idcg;
    users++;
  }
  return { ndcg: sum / users, users };
}

/** A popularity baseline for the harness: items by distinct buyers (optionally in a window). */
function popularityModel(name: string, windowDays: number | null): Recommender {
  let ranking = new Int32Array(0);
  return {
    name,
    fit(train: Dataset, { asOf }) {
      const from = windowDays === null ? Number.NEGATIVE_INFINITY : asOf - windowDays * DAY;
      const buyers = new Map<number, Set<number>>();
      for (let i = 0; i < train.time.length; i++) {
        if (train.time[i]! < from) continue;
        buyers.set(train.item[i]!, (buyers.get(train.item[i]!) ?? new Set()).add(train.shopper[i]!));
      }
      const ids = train.itemIds;
      ranking = Int32Array.from([...buyers.keys()]).sort(
        (a, b) => buyers.get(b)!.size - buyers.get(a)!.size || (ids[a]! < ids[b]! ? -1 : 1),
      );
    },
    recommend(q) {
      const items: number[] = [];
      for (const j of ranking) {
        if (items.length >= q.k) break;
        if (!q.exclude?.has(j)) items.push(j);
      }
      return { items: Int32Array.from(items), scores: Float32Array.from(items, (_, r) => -r) };
    },
  };
}

async function harness(d: Dataset): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [protocol, short] of [
    ['all', 'all'],
    ['new-items', 'new'],
  ] as [Protocol, string][]) {
    const r = await evaluate(d, {
      cutoff: CUTOFF,
      protocol,
      models: [popularityModel('most-popular', null), popularityModel('recent-popular', 30)],
      bootstrap: { resamples: 200 },
    });
    for (const row of r.rows) {
      out[`${short}/${row.model}`] = row.metrics.ndcg10;
      const [lo, hi] = row.ci.ndcg10;
      console.log(
        `  ${protocol.padEnd(9)} ${row.model.padEnd(14)} NDCG@10 ${row.metrics.ndcg10.toFixed(4)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]  ` +
          `HR@10 ${row.metrics.hr10.toFixed(3)}  R@20 ${row.metrics.recall20.toFixed(3)}  (${r.shoppers} shoppers, ${r.items} items)`,
      );
    }
  }
  return out;
}

/** Imports the file as `tailor import orders` does, into a temporary embedded database, and loads it back. */
async function loadViaDatabase(file: string): Promise<Dataset> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-uci-reference-'));
  const handle = await openDatabase({ driver: 'pglite', dataDir });
  setDbHandle(handle);
  try {
    const db = handle.db;
    const email = `uci-${Date.now()}@example.test`;
    const { user, tenant } = await signUp(db, {
      name: 'UCI',
      email,
      password: 'uci-Password-1',
      workspaceName: `UCI reference ${Date.now()}`,
    });
    const ctx = await requireTenant(db, { kind: 'session', slug: tenant.slug, userId: user.id, email });
    const t0 = Date.now();
    const upload = {
      body: createReadStream(file),
      fileName: path.basename(file),
      kind: 'orders',
      format: 'auto',
    };
    const imp = await createImport(db, ctx, upload, { dataDir });
    const started = await startImport(db, ctx, { id: imp.id });
    const job = await runImportJobHere(db, { tenantId: ctx.tenantId, id: started.jobId! }, () => {});
    console.log(`  import ${job.status} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = Date.now();
    const d = await loadDataset(db, ctx);
    const mib = Math.round(process.memoryUsage().rss / 1048576);
    console.log(
      `  loadDataset: ${d.time.length} interactions, ${d.shopperIds.length} shoppers, ${d.itemIds.length} items ` +
        `in ${((Date.now() - t1) / 1000).toFixed(1)} s (RSS ${mib} MiB)`,
    );
    return d;
  } finally {
    setDbHandle(undefined);
    await handle.close();
    await closeDb().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const { lines, total } = await readCleanLines(opts.file!);
  console.log(
    `${opts.file}: ${total} lines, ${lines.length} clean; cutoff ${new Date(CUTOFF).toISOString()}\n`,
  );

  console.log('Independent re-implementation, NDCG@10 (reference in brackets):');
  const train = lines.filter((l) => l.time < CUTOFF);
  const recent = train.filter((l) => l.time >= CUTOFF - 30 * DAY);
  for (const truthInCatalog of [false, true]) {
    const test = testSet(lines, truthInCatalog);
    console.log(
      `  truth ${truthInCatalog ? 'limited to training items' : 'all items bought after the cutoff'}:`,
    );
    for (const measure of MEASURES) {
      const cells: string[] = [];
      for (const protocol of ['all', 'new'] as const) {
        for (const [model, ranking] of [
          ['most-popular', rankItems(train, measure)],
          ['recent-popular', rankItems(recent, measure)],
        ] as const) {
          const key = `${protocol}/${model}` as keyof typeof REFERENCE;
          const r = ndcgOfRanking(test, ranking, protocol);
          cells.push(`${key} ${r.ndcg.toFixed(4)} [${REFERENCE[key]}] n=${r.users}`);
        }
      }
      console.log(`    popularity = ${measure.padEnd(8)} ${cells.join('  ')}`);
    }
  }

  console.log('\nHarness (lib/recommend/eval, defaults), popularity = distinct buyers, from the CSV:');
  const fromCsv = await harness(datasetOf(lines));
  if (opts.database) {
    console.log('\nHarness on the same file imported into a throw-away embedded database (loadDataset):');
    const d = await loadViaDatabase(opts.file!);
    const fromDb = await harness(d);
    for (const key of Object.keys(fromCsv))
      console.log(`  ${key}: CSV ${fromCsv[key]!.toFixed(4)} vs database ${fromDb[key]!.toFixed(4)}`);
  }
  console.log(`\n${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
