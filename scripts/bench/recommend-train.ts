/**
 * `npm run bench:train [-- --dataset demo|uci|both] [--json]`: what training a workspace model costs.
 *
 * For the demo store (seeded) and the UCI Online Retail file (imported through the import job),
 * each in its own temporary embedded database, runs the real training service
 * (trainWorkspaceModel) and prints: wall time, peak RSS of the process during training (the
 * kernel's high-water mark reset just before, on Linux; a 50 ms sampler elsewhere), peak V8 heap
 * (50 ms sampler: a lower bound, fitting blocks the event loop), the artefact size, shoppers/
 * items/interactions, and the validation NDCG@10 stored with the version. The RSS includes the
 * embedded database, which runs in this process. Aim (issue 10): < 30 s and < 1.5 GiB on UCI.
 * --as-of: the data cutoff; `now` (default) is what the scheduled job does; `data-end` (just after
 * the last order) gives a historical file such as UCI a non-empty validation window.
 * Figures only: nothing is asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Db } from '@/db/client';
import { table } from './support/stats';
import {
  type BenchTenant,
  closeBenchDb,
  importOnlineRetail,
  lastOrderAt,
  note,
  openBenchDb,
  seedDemo,
  type TrainRun,
  trainMeasured,
  UCI_FILE,
} from './support/workspace';

const { values: opt } = parseArgs({
  options: {
    dataset: { type: 'string', default: 'both' },
    file: { type: 'string', default: UCI_FILE },
    'as-of': { type: 'string', default: 'now' },
    json: { type: 'boolean', default: false },
  },
});
const asOfOpt = opt['as-of']!;
if (asOfOpt !== 'now' && asOfOpt !== 'data-end' && Number.isNaN(Date.parse(asOfOpt))) {
  console.error('bench:train: --as-of is now (what the job does), data-end or an ISO date');
  process.exit(2);
}
if (!['demo', 'uci', 'both'].includes(opt.dataset!)) {
  console.error('bench:train: --dataset is demo, uci or both');
  process.exit(2);
}

const MIB = 1024 * 1024;
const mib = (b: number) => `${(b / MIB).toFixed(0)} MiB`;
const int = new Intl.NumberFormat('en');

async function runOne(kind: 'demo' | 'uci'): Promise<{ tenant: BenchTenant; run: TrainRun } | null> {
  if (kind === 'uci' && !fs.existsSync(opt.file!)) {
    note(
      `Skipping UCI Online Retail: ${opt.file} is missing (the data lives in ../shared/data/online-retail/).`,
    );
    return null;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tailor-bench-train-${kind}-`));
  const handle = await openBenchDb(dataDir);
  try {
    note(kind === 'demo' ? 'Seeding the demo store…' : `Importing ${opt.file} (about two minutes)…`);
    const tenant =
      kind === 'demo' ? await seedDemo(handle.db) : await importOnlineRetail(handle.db, dataDir, opt.file);
    note(`Training the ${tenant.label} model…`);
    const run = await trainMeasured(handle.db, tenant.ctx, await cutoff(handle.db, tenant.ctx.tenantId));
    return { tenant, run };
  } finally {
    await closeBenchDb(handle);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The data cutoff to train with: undefined = the job's default (now). */
async function cutoff(db: Db, tenantId: string): Promise<Date | undefined> {
  if (asOfOpt === 'now') return undefined;
  if (asOfOpt !== 'data-end') return new Date(asOfOpt);
  const end = await lastOrderAt(db, tenantId);
  return end ? new Date(end.getTime() + 1) : undefined;
}

async function main(): Promise<void> {
  const kinds = opt.dataset === 'both' ? (['demo', 'uci'] as const) : [opt.dataset as 'demo' | 'uci'];
  const results = [];
  for (const kind of kinds) {
    const r = await runOne(kind);
    if (r) results.push(r);
  }
  if (opt.json) {
    console.log(
      JSON.stringify(
        results.map((r) => ({ dataset: r.tenant.label, setupMs: r.tenant.setupMs, ...r.run })),
        null,
        2,
      ),
    );
    return;
  }
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `\nTailor training benchmark: node ${process.version}, ${os.cpus().length} CPUs, load average ${load}, data cutoff ${asOfOpt}\n`,
  );
  const rows = results.map(({ tenant, run }) => [
    tenant.label,
    `${(run.wallMs / 1000).toFixed(1)} s`,
    `${mib(run.peakRss)}${run.rssFromKernel ? '' : ' (sampled)'}`,
    mib(run.peakHeap),
    `${(run.model.artefactBytes / 1024).toFixed(0)} KiB`,
    int.format(run.model.shoppers),
    int.format(run.model.items),
    int.format(run.model.interactions),
    run.model.ndcg === null ? '-' : run.model.ndcg.toFixed(4),
    `${run.result.status}${run.result.live ? ', live' : ''}`,
  ]);
  console.log(
    table(
      [
        'dataset',
        'train wall',
        'peak RSS',
        'peak heap',
        'artefact',
        'shoppers',
        'items',
        'interactions',
        'val NDCG@10',
        'version',
      ],
      rows,
    ),
  );
  console.log(
    '\nPeak RSS: the whole process during training (Node, the embedded database, the fit), kernel high-water mark reset' +
      '\nbefore training. Peak heap: sampled every 50 ms, a lower bound. Aim on UCI: < 30 s and < 1.5 GiB.\n',
  );
}

main().catch((e) => {
  console.error(`bench:train failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
