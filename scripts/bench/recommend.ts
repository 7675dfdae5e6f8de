/**
 * `npm run bench:recommend [-- --duration 5 --warmup 2 --concurrency 10,50 --dataset demo,uci]`:
 * throughput and latency of `GET /api/v1/recommendations`, side by side in the same run with
 * (a) a Next.js route handler with a fixed JSON body (`/api/v1/ping`, through Next's router) and
 * (b) a bare Node `http` server answering the same body (started here).
 *
 * Per dataset (the seeded demo store; the UCI Online Retail file imported through the import
 * job, skipped when the file is missing) in its own temporary embedded database: seed or import,
 * run the queued background jobs to the end in this process (drainJobs: the catalog's embeddings
 * among them), train the model (trainWorkspaceModel, with the content component when products have
 * vectors), create 16 secret keys and 8 publishable keys, run the jobs again, close the database,
 * start the built server (server/index.ts) on a free loopback port, check every target answers 200
 * with items, then per target and concurrency warm up and measure. The server is left until its
 * CPU is quiet first, so every target is measured on an idle server. Targets:
 * personalized `for_you` (secret keys, known shoppers), non-personal `trending`/`similar`
 * alternating (publishable keys from an allowed Origin), (a) and (b).
 *
 * The server runs with TRUST_PROXY=true and each request carries one of 1,000 X-Forwarded-For
 * addresses: the per-client limit (20 req/s per publishable key and IP) is about browsers, and a
 * single loopback client would hit it. The load generator (node:http, keep-alive agents with
 * maxSockets = concurrency) shares the machine's cores with the server. Figures only.
 * --shoppers <n> (default 50): how many known shoppers (most orders first) the personalized
 * requests rotate over, and as many products for `similar`; more shoppers means more first reads.
 * --profile-dir <dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's
 * DevTools or any .cpuprofile viewer).
 * --lock <file>: start the server under `flock <file>` (held while it runs), for machines where
 * others rebuild .next meanwhile; seeding, import and training run before, outside the lock.
 * --reuse <dir>: keep the prepared dataset in <dir>/<dataset> and, on later runs, start from it
 * (seeding, import, training and keys skipped): for measuring code changes of the serving path.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getServingModel } from '@/lib/recommend/serve/registry';
import { drainJobs, waitForQuietProcess } from './support/jobs';
import { freePort, type Started, startProcess, waitForStatus } from './support/server';
import { cpuMs, drive, type Cell, type Target } from './support/load';
import { table } from './support/stats';
import {
  type BenchTenant,
  closeBenchDb,
  createBenchKeys,
  importOnlineRetail,
  note,
  openBenchDb,
  probeIds,
  seedDemo,
  trainMeasured,
  UCI_FILE,
} from './support/workspace';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ORIGIN = 'https://shop.bench.example';
const BODY = JSON.stringify({ ok: true, service: 'tailor' });
const SECRET_KEYS = 16;
const PUBLISHABLE_KEYS = 8;

const { values: opt } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '10,50' },
    dataset: { type: 'string', default: 'demo,uci' },
    file: { type: 'string', default: UCI_FILE },
    json: { type: 'boolean', default: false },
    'profile-dir': { type: 'string' },
    keep: { type: 'boolean', default: false },
    lock: { type: 'string' },
    reuse: { type: 'string' },
    shoppers: { type: 'string', default: '50' },
  },
});
const durationMs = Number(opt.duration) * 1000;
const warmupMs = Number(opt.warmup) * 1000;
const levels = opt.concurrency!.split(',').map(Number);
const datasets = opt.dataset!.split(',');
const shopperCount = Number(opt.shoppers);
if (
  !(shopperCount >= 1) ||
  !(durationMs > 0) ||
  !(warmupMs >= 0) ||
  levels.some((c) => !(c >= 1)) ||
  datasets.some((d) => d !== 'demo' && d !== 'uci')
) {
  console.error(
    'bench:recommend: --duration/--warmup are seconds, --concurrency a list such as 10,50, --dataset demo,uci, --shoppers a count',
  );
  process.exit(2);
}

const ip = (i: number) => `10.${(i >> 8) & 3}.${i & 255}.${((i * 7) % 250) + 1}`;

function targetsFor(
  port: number,
  barePort: number,
  keys: { secret: string[]; publishable: string[] },
  probe: { shoppers: string[]; items: string[] },
): Target[] {
  const pick = <T>(a: readonly T[], i: number) => a[i % a.length]!;
  return [
    {
      name: 'recommend for_you (secret key)',
      port,
      items: true,
      next: (i) => ({
        path: `/api/v1/recommendations?scenario=for_you&k=10&shopper=${encodeURIComponent(pick(probe.shoppers, i))}`,
        headers: { authorization: `Bearer ${pick(keys.secret, i)}` },
      }),
    },
    {
      name: 'recommend trending/similar (publishable)',
      port,
      items: true,
      next: (i) => ({
        path:
          i % 2 === 0
            ? `/api/v1/recommendations?scenario=trending&k=10&key=${pick(keys.publishable, i >> 1)}`
            : `/api/v1/recommendations?scenario=similar&k=10&item=${encodeURIComponent(pick(probe.items, i >> 1))}&key=${pick(keys.publishable, i >> 1)}`,
        headers: { origin: ORIGIN, 'x-forwarded-for': ip(i % 1000) },
      }),
    },
    {
      name: '(a) Next route /api/v1/ping',
      port,
      items: false,
      next: () => ({ path: '/api/v1/ping', headers: {} }),
    },
    { name: '(b) bare node:http', port: barePort, items: false, next: () => ({ path: '/', headers: {} }) },
  ];
}

/** The server's Node process: under --lock the started process is flock, whose child it is. */
function nodePid(pid: number): number {
  if (!opt.lock) return pid;
  try {
    const child = Number(fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]);
    return child > 0 ? child : pid;
  } catch {
    return pid;
  }
}

async function prepare(kind: 'demo' | 'uci', dataDir: string) {
  const handle = await openBenchDb(dataDir);
  try {
    let tenant: BenchTenant;
    if (kind === 'demo') {
      note('Seeding the demo store…');
      tenant = await seedDemo(handle.db);
    } else {
      note(`Importing ${opt.file} through the import job (540k lines: about two minutes)…`);
      tenant = await importOnlineRetail(handle.db, dataDir, opt.file);
    }
    // Seeding/import queue background jobs (embeddings, profiles, segments, predictions…): run
    // them to the end first, so the catalog has its vectors when the measured training runs (the
    // model a store serves once embedded: with the content component), and again after it, so no
    // target is measured beside a job.
    const drain = async () => {
      note('Running the queued background jobs to the end…');
      const d = await drainJobs(handle.db, tenant.ctx, {
        onProgress: (n) => note(`  ${n} job(s) still queued or running…`),
      });
      note(
        `  waited ${(d.waitedMs / 1000).toFixed(1)} s for the job queue to be idle (${d.initiallyActive} active at first)`,
      );
      return d;
    };
    const before = await drain();
    note(`Training the ${tenant.label} model…`);
    const trained = await trainMeasured(handle.db, tenant.ctx);
    if (!trained.result.live)
      throw new Error(`the trained model is not live: ${trained.result.note ?? trained.result.status}`);
    const probe = await probeIds(handle.db, tenant.ctx.tenantId, shopperCount);
    if (!probe.shoppers.length || !probe.items.length)
      throw new Error('no shoppers or products with orders to ask about');
    const keys = await createBenchKeys(handle.db, tenant.ctx, {
      secret: SECRET_KEYS,
      publishable: PUBLISHABLE_KEYS,
      origin: ORIGIN,
    });
    const after = await drain();
    const drained = { waitedMs: before.waitedMs + after.waitedMs };
    // Say which model serves (a job could still have retrained it).
    const live = await getServingModel(handle.db, tenant.ctx.tenantId);
    const liveModel = live
      ? {
          version: live.version,
          components: live.a.features.map((f, i) => `${f} ${(live.a.weights[i] ?? 0).toFixed(2)}`),
        }
      : null;
    return { tenant, trained, probe, keys, drained, liveModel };
  } finally {
    await closeBenchDb(handle);
  }
}

function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    TAILOR_DATA_DIR: dataDir,
    TAILOR_SEED_DEMO: 'false',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // always the embedded database in the bench's own folder
  delete env.POSTGRES_URL;
  return env;
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

/** The dataset prepared in `dataDir`, or read back from `<dataDir>/prepared.json` with --reuse. */
async function preparedIn(kind: 'demo' | 'uci', dataDir: string): Promise<Prepared> {
  const saved = path.join(dataDir, 'prepared.json');
  if (opt.reuse && fs.existsSync(saved)) {
    note(`Reusing the ${kind} dataset prepared in ${dataDir}`);
    return JSON.parse(fs.readFileSync(saved, 'utf8')) as Prepared;
  }
  const prep = await prepare(kind, dataDir);
  if (opt.reuse) fs.writeFileSync(saved, JSON.stringify(prep));
  return prep;
}

async function benchDataset(kind: 'demo' | 'uci', barePort: number) {
  const work = opt.reuse
    ? path.resolve(opt.reuse, kind)
    : fs.mkdtempSync(path.join(os.tmpdir(), `tailor-bench-recommend-${kind}-`));
  fs.mkdirSync(work, { recursive: true });
  const dataDir = path.join(work, 'data');
  const logFile = path.join(work, 'server.log');
  let server: Started | undefined;
  try {
    const prep = await preparedIn(kind, dataDir);
    const port = await freePort();
    note(`Starting the built server on http://127.0.0.1:${port} (data in ${dataDir})…`);
    const profile = opt['profile-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${opt['profile-dir']}`] : [];
    const cmd = [process.execPath, ...profile, '--import', 'tsx', path.join(ROOT, 'server/index.ts')];
    // With --lock, the server waits for and holds the lock that guards the shared .next folder.
    const [bin, ...args] = opt.lock ? ['flock', opt.lock, ...cmd] : cmd;
    if (opt.lock) note(`  waiting for the lock ${opt.lock}…`);
    server = startProcess(bin!, args, {
      cwd: ROOT,
      env: serverEnv(dataDir, port),
      logFile,
    });
    await waitForStatus(`http://127.0.0.1:${port}/api/health`, 200, {
      timeoutMs: opt.lock ? 1_800_000 : 600_000,
      exited: server.exited,
    });
    // The server's own start-up (caches, due schedules) settles before anything is measured.
    const serverPid = nodePid(server.pid);
    const quiet = await waitForQuietProcess(() => cpuMs(serverPid));
    note(
      `  waited ${(quiet.waitedMs / 1000).toFixed(1)} s for the server to be idle${quiet.quiet ? '' : ' (still busy: measuring anyway)'}`,
    );
    const targets = targetsFor(port, barePort, prep.keys, prep.probe);
    // Check first: a benchmark of errors is worthless (errors stop it; empty answers are flagged
    // and counted in the table, e.g. trending on a store whose orders are all years old).
    for (const t of targets) {
      const probe = await drive(t, 1, 500, undefined);
      if (probe.non2xx > 0 || probe.requests === 0)
        throw new Error(`${t.name} does not answer 200: ${probe.failures.join('; ')}`);
      if (probe.empty > 0)
        note(`WARNING: ${t.name} answered ${probe.empty} of ${probe.requests} requests with no items.`);
    }
    const cells: Cell[] = [];
    for (const t of targets) {
      for (const c of levels) {
        note(`  ${t.name} × ${c} clients: warm-up ${warmupMs / 1000} s, measure ${durationMs / 1000} s`);
        if (warmupMs > 0) await drive(t, c, warmupMs, undefined);
        cells.push(await drive(t, c, durationMs, t.port === barePort ? process.pid : serverPid));
      }
    }
    return {
      dataset: prep.tenant.label,
      load: os.loadavg()[0] ?? 0,
      model: prep.trained.model,
      liveModel: prep.liveModel,
      trainMs: prep.trained.wallMs,
      jobsWaitMs: prep.drained.waitedMs,
      serverWaitMs: quiet.waitedMs,
      cells,
      logFile,
    };
  } catch (e) {
    if (fs.existsSync(logFile)) {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
      note(`--- last lines of the server log ---\n${tail}\n---`);
    }
    throw e;
  } finally {
    await server?.stop();
    if (opt.keep || opt.reuse) note(`Kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

function print(results: Awaited<ReturnType<typeof benchDataset>>[]): void {
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : '-');
  const rows: string[][] = [];
  for (const r of results) {
    for (const c of levels) {
      const at = (prefix: string) => r.cells.find((x) => x.concurrency === c && x.target.startsWith(prefix));
      const a = at('(a)');
      const b = at('(b)');
      for (const cell of r.cells.filter((x) => x.concurrency === c)) {
        const isApi = cell.target.startsWith('recommend');
        rows.push([
          r.dataset,
          cell.target,
          String(c),
          cell.perSecond.toFixed(0),
          f(cell.p50),
          f(cell.p99),
          cell.serverCpuMsPerRequest === null ? '-' : f(cell.serverCpuMsPerRequest),
          `${cell.non2xx}/${cell.empty}/${cell.fallback}`,
          isApi && a ? `${(cell.perSecond / a.perSecond).toFixed(2)}×` : '',
          isApi && b ? `${(cell.perSecond / b.perSecond).toFixed(2)}×` : '',
        ]);
      }
    }
  }
  console.log(
    `\nTailor recommendations API benchmark: node ${process.version}, ${os.cpus().length} CPUs, ${durationMs / 1000} s per cell after ${warmupMs / 1000} s warm-up`,
  );
  console.log(
    'Client and server share this machine (the load generator runs in this process, the server in another).\n',
  );
  console.log(
    table(
      [
        'dataset',
        'target',
        'clients',
        'req/s',
        'p50 ms',
        'p99 ms',
        'srv CPU ms/req',
        'non-2xx/empty/fallback',
        '÷ (a)',
        '÷ (b)',
      ],
      rows,
    ),
  );
  for (const r of results) {
    console.log(
      `\n${r.dataset}: model of ${r.model.shoppers} shoppers × ${r.model.items} items (${r.model.interactions} interactions), trained in ${(r.trainMs / 1000).toFixed(1)} s; waited ${(r.jobsWaitMs / 1000).toFixed(1)} s for its background jobs and ${(r.serverWaitMs / 1000).toFixed(1)} s for an idle server; 1-min load average after its cells ${r.load.toFixed(1)}`,
    );
    console.log(
      r.liveModel
        ? `  live model v${r.liveModel.version}, features and weights: ${r.liveModel.components.join(', ')}`
        : '  no live model',
    );
    for (const c of r.cells) {
      if (c.failures.length)
        console.log(`  ${c.target} × ${c.concurrency}: ${c.failures.slice(0, 5).join(' | ')}`);
      if (c.fallbackNotes.length)
        console.log(
          `  ${c.target} × ${c.concurrency}, fallback notes: ${c.fallbackNotes.slice(0, 3).join(' | ')}`,
        );
    }
  }
  console.log(
    '\nsrv CPU ms/req: CPU time of the server process (for (b): of this process, client included) per answer.' +
      '\nAim (issue 10): recommend ≥ 5× (a) and p99 < 10 ms at 10 clients.\n',
  );
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.error('bench:recommend needs the production build: run `npm run build` (next build) first.');
    process.exit(1);
  }
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(BODY);
  });
  bare.keepAliveTimeout = 65_000;
  const barePort = await freePort();
  await new Promise<void>((r) => bare.listen(barePort, '127.0.0.1', r));
  try {
    const results = [];
    for (const d of datasets) {
      if (d === 'uci' && !fs.existsSync(opt.file!)) {
        note(
          `Skipping UCI Online Retail: ${opt.file} is missing (the data lives in ../shared/data/online-retail/).`,
        );
        continue;
      }
      try {
        results.push(await benchDataset(d as 'demo' | 'uci', barePort));
      } catch (e) {
        // Keep what was measured: print the other datasets, then fail.
        note(`bench:recommend: the ${d} dataset failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exitCode = 1;
      }
    }
    if (opt.json) console.log(JSON.stringify(results, null, 2));
    else print(results);
  } finally {
    bare.close();
    bare.closeAllConnections();
  }
}

main().catch((e) => {
  console.error(`bench:recommend failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
