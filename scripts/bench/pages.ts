/**
 * `npm run bench:pages [-- --duration 60]`: how the self-hosted server feels on this machine.
 *
 * Starts the production server (server/index.ts, built app) on a free port with a fresh data
 * folder and the demo store, then prints: cold start to the first 200 on /sign-in; median and
 * p95 time to full response of the overview (/demo) and members (/demo/members) pages, signed
 * in as the demo user (sequential, after warm-ups); and the server's resident memory after a
 * period of mixed requests. Figures only: nothing here asserts a threshold.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CookieJar, signIn, timedRequest } from './support/http';
import { type Started, freePort, rssKb, startProcess, waitForStatus } from './support/server';
import { mib, ms, secs, summarize, table } from './support/stats';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO = { email: 'demo@tailor.local', password: 'tailor-demo-2026', slug: 'demo' };
const MEASURED = [`/${DEMO.slug}`, `/${DEMO.slug}/members`];
const MIXED_CANDIDATES = [
  ...MEASURED,
  '/demo/api-keys',
  '/demo/audit',
  '/demo/settings',
  '/demo/jobs',
  '/api/auth/session',
  '/api/health',
];

function readOptions() {
  try {
    return parseArgs({
      options: {
        duration: { type: 'string', default: '300' },
        iterations: { type: 'string', default: '50' },
        warmup: { type: 'string', default: '3' },
        concurrency: { type: 'string', default: '2' },
        seed: { type: 'string', default: 'server' },
        'start-timeout': { type: 'string', default: '300' },
        build: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    console.error(`bench:pages: ${e instanceof Error ? e.message.split('. ')[0] : String(e)} (see --help)`);
    process.exit(2);
  }
}
const opt = readOptions();

if (opt.help) {
  console.log(`Usage: npm run bench:pages -- [options]
  --duration <s>       mixed-load phase length (default 300)
  --iterations <n>     measured requests per page (default 50), after --warmup <n> (default 3)
  --concurrency <n>    parallel clients in the mixed phase (default 2)
  --seed server|cli    who creates the demo store: the server (TAILOR_SEED_DEMO=true, default)
                       or \`tailor demo\` before the server starts (cold start then excludes seeding)
  --start-timeout <s>  give up when the server or the demo is not ready by then (default 300)
  --build              run \`next build\` first (done anyway when .next/BUILD_ID is missing)
  --keep               keep the temporary data folder and server log
  --json               print the results as JSON`);
  process.exit(0);
}

const num = (name: string, v: string | undefined, min: number) => {
  const n = Number(v);
  if (Number.isFinite(n) && n >= min) return n;
  console.error(`bench:pages: --${name} must be a number ≥ ${min}`);
  process.exit(2);
};
const durationS = num('duration', opt.duration, 0);
const iterations = num('iterations', opt.iterations, 1);
const warmup = num('warmup', opt.warmup, 0);
const concurrency = num('concurrency', opt.concurrency, 1);
const startTimeoutMs = num('start-timeout', opt['start-timeout'], 1) * 1000;
if (opt.seed !== 'server' && opt.seed !== 'cli') {
  console.error('bench:pages: --seed must be server or cli');
  process.exit(2);
}

const note = (s: string) => process.stderr.write(`${s}\n`);

function ensureBuild(): void {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!opt.build && fs.existsSync(buildId)) {
    const sources = ['app', 'components', 'lib', 'db', 'server'].map((d) => newestMtime(path.join(ROOT, d)));
    if (Math.max(...sources) > fs.statSync(buildId).mtimeMs) {
      note('Note: sources changed after the last `next build`; pass --build to measure the current code.');
    }
    return;
  }
  note(
    opt.build ? 'Building the app (--build)…' : 'No production build (.next/BUILD_ID): running next build…',
  );
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p))
    if (!e.startsWith('.') && e !== 'node_modules') max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function serverEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    TAILOR_DATA_DIR: dataDir,
    TAILOR_SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // always the embedded database in a fresh folder
  delete env.POSTGRES_URL;
  return env;
}

/** Signs in and waits until the demo overview renders (the server may still be seeding). */
async function waitForDemo(base: string, jar: CookieJar, deadline: number, server: Started): Promise<void> {
  let last = '';
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error('the server exited while waiting for the demo store');
    try {
      if (!jar.has('session-token')) await signIn(base, jar, DEMO.email, DEMO.password);
      const page = await timedRequest(`${base}/${DEMO.slug}`, { jar });
      if (page.status === 200) return;
      last = `GET /${DEMO.slug} answered ${page.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const hint =
    opt.seed === 'server' ? ' Does the server seed the demo store (TAILOR_SEED_DEMO)? Try --seed cli.' : '';
  throw new Error(`the demo store was not usable within ${startTimeoutMs / 1000} s (${last}).${hint}`);
}

async function measurePage(base: string, jar: CookieJar, page: string) {
  for (let i = 0; i < warmup; i++) await expectOk(base, jar, page);
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < iterations; i++) {
    const r = await expectOk(base, jar, page);
    samples.push(r.ms);
    bytes = r.bytes;
  }
  return { page, bytes, ...summarize(samples) };
}

async function expectOk(base: string, jar: CookieJar, page: string) {
  const r = await timedRequest(`${base}${page}`, { jar });
  if (r.status !== 200)
    throw new Error(`GET ${page} answered ${r.status}${r.location ? ` → ${r.location}` : ''}`);
  return r;
}

/** Random pages for `durationS` seconds from `concurrency` clients; samples memory every 5 s. */
async function mixedLoad(base: string, jar: CookieJar, pages: string[], pid: number) {
  const samples: number[] = [];
  let errors = 0;
  let maxRss = 0;
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31; // seeded LCG: the same mix every run
    return pages[seed % pages.length]!;
  };
  const end = Date.now() + durationS * 1000;
  const sampler = setInterval(() => {
    maxRss = Math.max(maxRss, rssKb(pid).self ?? 0);
  }, 5_000);
  const client = async () => {
    while (Date.now() < end) {
      try {
        const r = await timedRequest(`${base}${next()}`, { jar });
        if (r.status === 200) samples.push(r.ms);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  const t0 = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, client));
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    requests: samples.length + errors,
    errors,
    perSecond: (samples.length + errors) / seconds,
    maxRss,
    ...summarize(samples),
  };
}

async function main(): Promise<void> {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-'));
  const logFile = path.join(dataDir, 'server.log');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = serverEnv(dataDir, port);
  let server: Started | undefined;
  try {
    let seedMs: number | null = null;
    if (opt.seed === 'cli') {
      note('Seeding the demo store with `tailor demo`…');
      const t = performance.now();
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/tailor.mjs'), 'demo'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (r.status !== 0) throw new Error(`tailor demo failed (exit ${r.status})`);
      seedMs = performance.now() - t;
    }
    note(`Starting the server on ${base} (data in ${dataDir})…`);
    const spawnedAt = Date.now();
    server = startProcess(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
      cwd: ROOT,
      env,
      logFile,
    });
    const coldMs = await waitForStatus(`${base}/sign-in`, 200, {
      timeoutMs: startTimeoutMs,
      exited: server.exited,
    });
    const rssStart = rssKb(server.pid);
    const jar = new CookieJar();
    await waitForDemo(base, jar, spawnedAt + startTimeoutMs, server);
    const demoReadyMs = Date.now() - spawnedAt;

    note(`Measuring ${MEASURED.join(', ')}: ${warmup} warm-ups + ${iterations} requests each…`);
    const pages = [];
    for (const page of MEASURED) pages.push(await measurePage(base, jar, page));
    const rssPages = rssKb(server.pid);

    const mixPages: string[] = [];
    for (const p of MIXED_CANDIDATES)
      if ((await timedRequest(`${base}${p}`, { jar })).status === 200) mixPages.push(p);
    note(`Mixed load for ${durationS} s over ${mixPages.length} paths, concurrency ${concurrency}…`);
    const mixed = await mixedLoad(base, jar, mixPages, server.pid);
    const rssEnd = rssKb(server.pid);

    const stopT = performance.now();
    await server.stop();
    const stopMs = performance.now() - stopT;
    const results = {
      port,
      seed: opt.seed,
      seedMs,
      coldMs,
      demoReadyMs,
      stopMs,
      pages,
      mixPages,
      mixed,
      rss: { start: rssStart, pages: rssPages, end: rssEnd },
    };
    if (opt.json) console.log(JSON.stringify(results, null, 2));
    else print(results);
  } catch (e) {
    if (fs.existsSync(logFile)) {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
      note(`\n--- last lines of the log (${logFile}) ---\n${tail}\n---`);
    }
    throw e;
  } finally {
    await server?.stop();
    if (!opt.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    else note(`Kept ${dataDir}`);
  }
}

type Results = {
  seedMs: number | null;
  coldMs: number;
  demoReadyMs: number;
  stopMs: number;
  pages: Awaited<ReturnType<typeof measurePage>>[];
  mixPages: string[];
  mixed: Awaited<ReturnType<typeof mixedLoad>>;
  rss: Record<'start' | 'pages' | 'end', ReturnType<typeof rssKb>>;
};

function print(r: Results): void {
  console.log(
    `\nTailor pages benchmark: node ${process.version}, ${os.cpus().length} CPUs, demo seeded by ${opt.seed}\n`,
  );
  const startup = [
    ...(r.seedMs === null ? [] : [['demo seeding (tailor demo)', secs(r.seedMs)]]),
    ['cold start → first 200 on /sign-in', secs(r.coldMs)],
    ['start → demo overview renders signed in', secs(r.demoReadyMs)],
    ['shutdown (SIGTERM → exit)', secs(r.stopMs)],
  ];
  console.log(table(['startup', 'time'], startup));
  console.log(
    `\n${table(
      ['page (signed in, sequential)', 'n', 'median', 'p95', 'min', 'max', 'size'],
      r.pages.map((p) => [
        p.page,
        String(p.n),
        ms(p.median),
        ms(p.p95),
        ms(p.min),
        ms(p.max),
        `${(p.bytes / 1024).toFixed(0)} KiB`,
      ]),
    )}`,
  );
  const m = r.mixed;
  console.log(
    `\n${table(
      ['mixed load', 'value'],
      [
        ['duration, clients', `${m.seconds.toFixed(0)} s, ${concurrency}`],
        ['paths', r.mixPages.join(' ')],
        ['requests (errors)', `${m.requests} (${m.errors})`],
        ['throughput', `${m.perSecond.toFixed(1)} req/s`],
        ['median / p95', `${ms(m.median)} / ${ms(m.p95)}`],
      ],
      'left',
    )}`,
  );
  console.log(
    `\n${table(
      ['server memory (RSS)', 'value'],
      [
        ['after start', mib(r.rss.start.self)],
        ['after page runs', mib(r.rss.pages.self)],
        ['after mixed load', mib(r.rss.end.self)],
        ['highest 5-s sample during mixed load', mib(r.mixed.maxRss || null)],
        ['peak (VmHWM)', mib(r.rss.end.peak)],
        ...(r.rss.end.tree !== r.rss.end.self
          ? [['process tree, after mixed load', mib(r.rss.end.tree)]]
          : []),
      ],
    )}\n`,
  );
}

main().catch((e) => {
  console.error(`bench:pages failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
