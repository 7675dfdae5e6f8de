/**
 * `npm run bench:snippet [-- --loads 20 --placement product-similar --json --keep]`: what the
 * storefront snippet costs a shopper.
 *
 * Seeds the demo store in a temporary embedded database (in this process, before the server
 * opens it), trains its model, creates a publishable key for a local storefront, then starts the
 * BUILT app (server/index.ts) on a free port plus the storefront of e2e/storefront (another
 * origin, strict CSP) and loads a product page in Debian's Chromium, each time in a fresh browser
 * context (empty cache, no storage). Prints: gzipped sizes of /t.js and /tailor.js as served;
 * time from the `tailor:start` mark to `tailor:rendered:<placement>`; and the recommendation
 * request's duration as the browser saw it (Resource Timing), median and p90. Two warm-up loads
 * are reported apart (the first request loads the model into memory). Figures only.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, devices } from 'playwright';
import { startStorefront } from '../../e2e/storefront/server';
import { freePort, type Started, startProcess, waitForStatus } from './support/server';
import { ms, percentile, table } from './support/stats';
import {
  closeBenchDb,
  createBenchKeys,
  note,
  openBenchDb,
  seedDemo,
  trainMeasured,
} from './support/workspace';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium';

const { values: opt } = parseArgs({
  options: {
    loads: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '2' },
    placement: { type: 'string', default: 'product-similar' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help) {
  console.log(`Usage: npm run bench:snippet -- [options]
  --loads <n>         measured page loads, each in a fresh browser context (default 20)
  --warmup <n>        loads before measuring, reported apart (default 2)
  --placement <key>   product-similar (product page, default), home-for-you (home) or trending (second page)
  --keep              keep the temporary data folder and server log
  --json              print the results as JSON`);
  process.exit(0);
}
const loads = Number(opt.loads);
const warmup = Number(opt.warmup);
const PAGES: Record<string, (sku: string) => string> = {
  'product-similar': (sku) => `/product/${encodeURIComponent(sku)}`,
  'home-for-you': () => '/',
  trending: () => '/other',
};
const pageFor = PAGES[opt.placement!];
if (!Number.isInteger(loads) || loads < 1 || !Number.isInteger(warmup) || warmup < 0 || !pageFor) {
  console.error(
    'bench:snippet: --loads ≥ 1, --warmup ≥ 0, --placement one of product-similar, home-for-you, trending',
  );
  process.exit(2);
}

/** Builds what is missing: the snippet bundles (public/) and the production app (.next/). */
function ensureBuilt(): void {
  const run = (what: string, args: string[]) => {
    note(`${what}…`);
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
  };
  if (!fs.existsSync(path.join(ROOT, 'public', 'tailor.js')))
    run('Building the snippet', ['scripts/build-snippet.mjs']);
  if (!fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    run('No production build (.next/BUILD_ID): running next build', [
      'node_modules/next/dist/bin/next',
      'build',
    ]);
  }
}

interface Load {
  renderMs: number | null;
  recMs: number | null;
  state: string | null;
}

async function main(): Promise<void> {
  ensureBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-snippet-'));
  const logFile = path.join(dataDir, 'server.log');
  const port = await freePort();
  const app = `http://127.0.0.1:${port}`;
  const store = await startStorefront({ appOrigin: app });
  let server: Started | undefined;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const handle = await openBenchDb(path.join(dataDir, 'db'));
    note('Seeding the demo store…');
    const demo = await seedDemo(handle.db);
    note('Training its model…');
    await trainMeasured(handle.db, demo.ctx);
    const keys = await createBenchKeys(handle.db, demo.ctx, {
      secret: 0,
      publishable: 1,
      origin: store.origin,
    });
    await closeBenchDb(handle);
    const key = keys.publishable[0]!;
    store.setKey(key);

    note(`Starting the server on ${app} (data in ${dataDir})…`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: app,
      TAILOR_DATA_DIR: path.join(dataDir, 'db'),
      TAILOR_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    delete env.POSTGRES_URL;
    server = startProcess(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
      cwd: ROOT,
      env,
      logFile,
    });
    await waitForStatus(`${app}/api/health`, 200, { timeoutMs: 240_000, exited: server.exited });

    const sizes = await Promise.all(
      ['/t.js', '/tailor.js'].map(async (p) => {
        const res = await fetch(`${app}${p}`);
        if (!res.ok)
          throw new Error(`GET ${p} answered ${res.status}: is the snippet built (npm run build:snippet)?`);
        const body = Buffer.from(await res.arrayBuffer());
        return { file: p, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
      }),
    );
    const trending = await fetch(`${app}/api/v1/recommendations?key=${key}&placement=trending&locale=de`, {
      headers: { Origin: store.origin },
    });
    const sku = ((await trending.json()) as { items?: { externalId: string }[] }).items?.[0]?.externalId;
    if (!sku) throw new Error(`no trending product to show (status ${trending.status})`);
    const url = store.url((pageFor as (sku: string) => string)(sku));

    const loadOnce = async (): Promise<Load> => {
      // A desktop browser's user agent: the events API drops headless agents as bots.
      const context = await browser.newContext({ ...devices['Desktop Chrome'] });
      try {
        const page = await context.newPage();
        await page.goto(url);
        const host = page.locator(`[data-tailor-placement="${opt.placement}"]`);
        await host
          .and(page.locator('[data-tailor-state]:not([data-tailor-state="loading"])'))
          .waitFor({ timeout: 30_000 })
          .catch(() => undefined);
        // No named helpers inside: tsx would wrap them in a __name() the page does not have.
        return await page.evaluate((placement) => {
          const start = performance.getEntriesByName('tailor:start')[0]?.startTime ?? null;
          const done = performance.getEntriesByName(`tailor:rendered:${placement}`)[0]?.startTime ?? null;
          const rec = performance
            .getEntriesByType('resource')
            .find(
              (e) => e.name.includes('/api/v1/recommendations') && e.name.includes(`placement=${placement}`),
            );
          return {
            renderMs: start !== null && done !== null ? done - start : null,
            recMs: rec ? rec.duration : null,
            state:
              document
                .querySelector(`[data-tailor-placement="${placement}"]`)
                ?.getAttribute('data-tailor-state') ?? null,
          };
        }, opt.placement!);
      } finally {
        await context.close();
      }
    };

    note(`Loading ${url}: ${warmup} warm-up + ${loads} measured loads, a fresh context each…`);
    const warm: Load[] = [];
    for (let i = 0; i < warmup; i++) warm.push(await loadOnce());
    const measured: Load[] = [];
    for (let i = 0; i < loads; i++) measured.push(await loadOnce());

    const stat = (xs: (number | null)[]) => {
      const s = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
      return {
        n: s.length,
        median: percentile(s, 50),
        p90: percentile(s, 90),
        min: s[0] ?? Number.NaN,
        max: s.at(-1) ?? Number.NaN,
      };
    };
    const results = {
      placement: opt.placement,
      url,
      sizes,
      warmup: warm,
      render: stat(measured.map((l) => l.renderMs)),
      recommendation: stat(measured.map((l) => l.recMs)),
      notRendered: measured.filter((l) => l.state !== 'rendered').map((l) => l.state),
    };
    if (opt.json) console.log(JSON.stringify(results, null, 2));
    else print(results);
  } catch (e) {
    if (fs.existsSync(logFile)) {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
      note(`\n--- last lines of the server log (${logFile}) ---\n${tail}\n---`);
    }
    throw e;
  } finally {
    await browser.close();
    await server?.stop();
    await store.close();
    if (!opt.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    else note(`Kept ${dataDir}`);
  }
}

type Stat = { n: number; median: number; p90: number; min: number; max: number };

function print(r: {
  placement?: string;
  sizes: { file: string; raw: number; gzip: number }[];
  warmup: Load[];
  render: Stat;
  recommendation: Stat;
  notRendered: (string | null)[];
}): void {
  console.log(
    `\nTailor snippet benchmark: node ${process.version}, ${os.cpus().length} CPUs, Chromium ${CHROMIUM}\n`,
  );
  console.log(
    table(
      ['file (as served)', 'bytes', 'gzip', 'budget'],
      r.sizes.map((s) => [s.file, String(s.raw), String(s.gzip), s.file === '/t.js' ? '< 1024' : '< 5120']),
    ),
  );
  const row = (label: string, s: Stat) => [label, String(s.n), ms(s.median), ms(s.p90), ms(s.min), ms(s.max)];
  console.log(
    `\n${table(
      [`${r.placement}, fresh context per load`, 'n', 'median', 'p90', 'min', 'max'],
      [
        row('tailor:start → tailor:rendered', r.render),
        row('recommendations request (Resource Timing)', r.recommendation),
      ],
    )}`,
  );
  const fmt = (x: number | null) => (x === null ? '-' : ms(x));
  if (r.warmup.length) {
    console.log(
      `\nwarm-up loads (not counted): ${r.warmup.map((w) => `render ${fmt(w.renderMs)}, request ${fmt(w.recMs)}`).join('; ')}`,
    );
  }
  if (r.notRendered.length)
    console.log(`loads that did not render: ${r.notRendered.length} (${r.notRendered.join(', ')})`);
  console.log('');
}

main().catch((e) => {
  console.error(`bench:snippet failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
