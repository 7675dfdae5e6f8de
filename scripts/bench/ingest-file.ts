/**
 * `npm run bench:import [-- --file <path>] [--kind orders] [--runs 2] [--database-url postgres://…]`:
 * how long a file import takes on this machine, through the same path as `tailor import`
 * (upload copy, the import job run in-process with its batches and checkpoints).
 *
 * Defaults to the UCI Online Retail file (../shared/data/online-retail/online_retail.csv.gz,
 * 541,909 lines) on a fresh embedded database (PGlite) in a temporary folder. Prints, per run:
 * wall time, CPU time, the resulting counts (products, customers, invoices, cancellations,
 * guest orders) and what was new/updated/unchanged; then the peak RSS of the process. Run 2
 * re-imports the same file, which must change nothing. Figures only: nothing is asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type DbConfig, closeDb, openDatabase, setDbHandle } from '@/db/client';
import { signUp } from '@/lib/auth/service';
import { runImportJobHere } from '@/lib/import/run-here';
import { getImport } from '@/lib/import/queries';
import { summaryOf } from '@/lib/import/outcome';
import { createImport, startImport } from '@/lib/import/service';
import { requireTenant } from '@/lib/tenant/require-tenant';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEFAULT_FILE = path.resolve(ROOT, '../shared/data/online-retail/online_retail.csv.gz');

const { values: opts } = parseArgs({
  options: {
    file: { type: 'string', default: DEFAULT_FILE },
    kind: { type: 'string', default: 'orders' },
    format: { type: 'string', default: 'auto' },
    runs: { type: 'string', default: '2' },
    'database-url': { type: 'string' },
  },
});

const num = new Intl.NumberFormat('en');
const mib = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;

async function main(): Promise<void> {
  const file = path.resolve(opts.file!);
  if (!fs.existsSync(file)) {
    console.error(
      `No such file: ${file}\nPass --file <path> (the UCI file lives in ../shared/data/online-retail/).`,
    );
    process.exit(2);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-import-'));
  const config: DbConfig = opts['database-url']
    ? { driver: 'node-postgres', url: opts['database-url'] }
    : { driver: 'pglite', dataDir };
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 50);
  const opened = Date.now();
  const handle = await openDatabase(config);
  setDbHandle(handle);
  const db = handle.db;
  console.log(
    `Database: ${handle.driver}${config.driver === 'pglite' ? ` in ${dataDir}` : ''} (opened and migrated in ${((Date.now() - opened) / 1000).toFixed(1)} s)`,
  );
  const email = `bench-${Date.now()}@example.test`;
  const { user, tenant } = await signUp(db, {
    name: 'Bench',
    email,
    password: 'bench-Password-1',
    workspaceName: `Import bench ${Date.now()}`,
  });
  const ctx = await requireTenant(db, { kind: 'session', slug: tenant.slug, userId: user.id, email });
  console.log(`File: ${file} (${mib(fs.statSync(file).size)}), kind ${opts.kind}\n`);

  try {
    for (let run = 1; run <= Number(opts.runs); run++) {
      const cpu0 = process.cpuUsage();
      const t0 = Date.now();
      const imp = await createImport(
        db,
        ctx,
        {
          body: fs.createReadStream(file),
          fileName: path.basename(file),
          kind: opts.kind,
          format: opts.format,
        },
        { dataDir },
      );
      const started = await startImport(db, ctx, { id: imp.id });
      let lastLog = 0;
      const job = await runImportJobHere(db, { tenantId: ctx.tenantId, id: started.jobId! }, (p) => {
        if (Date.now() - lastLog < 5_000) return;
        lastLog = Date.now();
        console.log(`  ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s  ${p.message ?? ''}`);
      });
      const wall = (Date.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const row = (await getImport(db, ctx, imp.id))!;
      const s = summaryOf(row);
      if (!s) {
        console.log(`Run ${run}: ${job.status}: ${job.error ?? row.status}`);
        process.exitCode = 1;
        break;
      }
      console.log(
        `Run ${run}: ${wall.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ` +
          `${num.format(s.rows)} rows (${num.format(Math.round(s.rows / wall))} rows/s), format ${row.format}`,
      );
      console.log(
        `  products ${num.format(s.counts.products)} · customers ${num.format(s.counts.shoppers)} · invoices ${num.format(s.counts.orders)} ` +
          `(cancellations ${num.format(s.counts.cancellations)}, without a customer ${num.format(s.counts.guestOrders)}) · events ${num.format(s.counts.events)}`,
      );
      console.log(
        `  records: ${num.format(s.inserted)} new, ${num.format(s.updated)} updated, ${num.format(s.unchanged)} unchanged; ` +
          `rows rejected ${num.format(s.rejected)}${Object.keys(s.reasons).length ? ` ${JSON.stringify(s.reasons)}` : ''}`,
      );
      console.log(`  statuses ${JSON.stringify(s.statuses)}\n`);
    }
  } finally {
    clearInterval(sampler);
    sample();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(
      `Peak RSS: ${mib(Math.max(peak, maxRss))} (the whole process: Node, the database driver and the import)`,
    );
    setDbHandle(undefined);
    await handle.close();
    await closeDb().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
