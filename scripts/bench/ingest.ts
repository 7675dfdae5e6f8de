/**
 * `npm run bench:ingest [-- --duration 60 --clients 8 --postgres]`: events API throughput.
 *
 * Seeds a fresh database in-process (a workspace, its products, one secret key per client, so
 * the per-key rate limit is not what is measured), starts the built self-hosted server on a free
 * loopback port, then lets N concurrent clients POST batches of unique events to
 * /api/v1/events for the duration (1 % of batches are sent twice, like a client retrying after
 * a timeout). Prints throughput, p50/p99 latency, and an exactly-once check: after stopping the
 * server, the events stored must equal the sum of `accepted` over all 202 answers, the distinct
 * event ids sent, and the day's `ingest_daily` counter. Figures only: nothing asserts a speed.
 *
 * --postgres starts a throw-away Postgres (scripts/pg-test-server.mjs; fsync off) and points the
 * server at it with DATABASE_URL; otherwise the embedded PGlite database in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Started, freePort, rssKb, startProcess, waitForStatus } from './support/server';
import { mib, ms, percentile, table } from './support/stats';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** CPU time (user + system, ms) of a process and its descendants, from /proc (Linux; 0 elsewhere). */
function treeCpuMs(root: number): number {
  let stats: Map<number, { ppid: number; ms: number }>;
  try {
    stats = new Map();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const st = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        stats.set(Number(entry), { ppid: Number(f[1]), ms: (Number(f[11]) + Number(f[12])) * 10 });
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return 0;
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += stats.get(pid)?.ms ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return total;
}

/** The postmaster's pid of a pg-test-server folder, or null. */
function postmasterPid(dir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

function readOptions() {
  try {
    return parseArgs({
      options: {
        duration: { type: 'string', default: '60' },
        clients: { type: 'string', default: '8' },
        batch: { type: 'string', default: '100' },
        products: { type: 'string', default: '2000' },
        visitors: { type: 'string', default: '50000' },
        'retry-rate': { type: 'string', default: '0.01' },
        postgres: { type: 'boolean', default: false },
        build: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    console.error(`bench:ingest: ${e instanceof Error ? e.message.split('. ')[0] : String(e)} (see --help)`);
    process.exit(2);
  }
}
const opt = readOptions();
if (opt.help) {
  console.log(`Usage: npm run bench:ingest -- [options]
  --duration <s>      load phase length in seconds (default 60)
  --clients <n>       concurrent clients on loopback, each with its own secret key (default 8)
  --batch <n>         events per request, 1–500 (default 100)
  --products <n>      catalog size the events refer to (default 2000)
  --visitors <n>      anonymous visitors the events come from; 10 % of events also carry one of
                      n/10 customer ids, which stitches visitors to customers (default 50000)
  --retry-rate <r>    share of batches sent a second time, to exercise idempotency (default 0.01)
  --postgres          run against a throw-away Postgres server instead of embedded PGlite
  --build             run \`next build\` first (done anyway when .next/BUILD_ID is missing)
  --keep              keep the temporary data folder and server log
  --json              print the results as JSON`);
  process.exit(0);
}
const num = (name: string, v: string | undefined, min: number, max = Number.POSITIVE_INFINITY) => {
  const n = Number(v);
  if (Number.isFinite(n) && n >= min && n <= max) return n;
  console.error(`bench:ingest: --${name} must be a number from ${min} to ${max}`);
  process.exit(2);
};
const durationS = num('duration', opt.duration, 1);
const clients = num('clients', opt.clients, 1, 256);
const batchSize = num('batch', opt.batch, 1, 500);
const productCount = num('products', opt.products, 1);
const visitorCount = num('visitors', opt.visitors, 10);
const retryRate = num('retry-rate', opt['retry-rate'], 0, 1);
const note = (s: string) => process.stderr.write(`${s}\n`);

function ensureBuild(): void {
  if (!opt.build && fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) return;
  note(opt.build ? 'Building the app (--build)…' : 'No production build: running next build…');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
}

/** Starts the throw-away Postgres server; returns its URL and a stop function. */
function startPostgres(dir: string): { url: string; dir: string; stop(): void } {
  const script = path.join(ROOT, 'scripts/pg-test-server.mjs');
  const r = spawnSync(process.execPath, [script, 'start', '--dir', dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not start Postgres: ${r.stderr.trim()}`);
  const url = r.stdout.trim();
  return {
    url,
    dir,
    stop: () => void spawnSync(process.execPath, [script, 'stop', '--dir', dir], { stdio: 'ignore' }),
  };
}

type DbConfig = { driver: 'pglite'; dataDir: string } | { driver: 'node-postgres'; url: string };

/** Creates the workspace, products and keys in-process, before the server owns the database. */
async function seed(config: DbConfig) {
  const { openDatabase } = await import('@/db/client');
  const { products } = await import('@/db/schema');
  const { signUp } = await import('@/lib/auth/service');
  const { createApiKey } = await import('@/lib/apikeys/service');
  const { requireTenant } = await import('@/lib/tenant/require-tenant');
  const h = await openDatabase(config);
  try {
    const email = `bench-${Date.now()}@example.test`;
    const { user, tenant } = await signUp(h.db, {
      name: 'Bench',
      email,
      password: 'bench-Correct-horse-42',
      workspaceName: 'Ingest bench',
    });
    const ctx = await requireTenant(h.db, { kind: 'session', slug: tenant.slug, userId: user.id, email });
    for (let start = 0; start < productCount; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, productCount - start) }, (_, i) => ({
        tenantId: ctx.tenantId,
        externalId: `SKU-${start + i}`,
        title: { en: `Product ${start + i}` },
        priceMinor: 500 + ((start + i) % 100) * 100,
        currency: 'EUR',
      }));
      await h.db.insert(products).values(rows);
    }
    const keys: string[] = [];
    for (let i = 0; i < clients; i++) {
      keys.push((await createApiKey(h.db, ctx, { kind: 'secret', name: `bench client ${i}` })).key);
    }
    return { tenantId: ctx.tenantId, slug: tenant.slug, keys };
  } finally {
    await h.close();
  }
}

/** After the run, with the server stopped: what the database holds for the tenant. */
async function countStored(config: DbConfig, tenantId: string) {
  const { openDatabase, rowsOf } = await import('@/db/client');
  const { sql } = await import('drizzle-orm');
  const h = await openDatabase(config);
  try {
    const r = await h.db.execute(sql`
      select (select count(*)::int from events where tenant_id = ${tenantId}) as events,
             (select count(distinct event_id)::int from events where tenant_id = ${tenantId}) as distinct_ids,
             (select coalesce(sum(accepted), 0)::int from ingest_daily where tenant_id = ${tenantId}) as counted,
             (select coalesce(sum(duplicates), 0)::int from ingest_daily where tenant_id = ${tenantId}) as duplicates,
             (select count(*)::int from events where tenant_id = ${tenantId} and shopper_id is null) as no_shopper,
             (select count(*)::int from shoppers where tenant_id = ${tenantId}) as shoppers,
             (select count(*)::int from identity_links where tenant_id = ${tenantId}) as links`);
    const row = rowsOf<Record<string, number>>(r)[0] ?? {};
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  } finally {
    await h.close();
  }
}

const TYPES = [
  'page_view',
  'page_view',
  'view',
  'view',
  'view',
  'add_to_cart',
  'search',
  'purchase',
] as const;

/** A batch of unique events; ids are `<run>-<client>-<seq>-<i>`. */
function makeBatch(run: string, client: number, seq: number, now: number): { body: string; ids: string[] } {
  const ids: string[] = [];
  const events = [];
  for (let i = 0; i < batchSize; i++) {
    const eventId = `${run}-${client}-${seq}-${i}`;
    ids.push(eventId);
    const r = (seq * 7919 + i * 104729 + client * 1299709) >>> 0;
    const type = TYPES[r % TYPES.length]!;
    const visitor = (r >>> 3) % visitorCount;
    const e: Record<string, unknown> = {
      type,
      eventId,
      anonymousId: `anon-${visitor}`,
      timestamp: new Date(now - (r % 60_000)).toISOString(),
      context: {
        url: `https://shop.example/p/${r % 997}`,
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36',
        locale: 'en-GB',
        sessionId: `s-${visitor}`,
      },
    };
    if (r % 10 === 0) e.customerId = `cust-${visitor % Math.max(1, Math.floor(visitorCount / 10))}`;
    if (type === 'search') e.query = 'linen shirt';
    else if (type !== 'page_view') e.productId = `SKU-${(r >>> 5) % productCount}`;
    if (type === 'purchase') Object.assign(e, { quantity: 1 + (r % 3), priceMinor: 1999, currency: 'EUR' });
    events.push(e);
  }
  return { body: JSON.stringify({ events }), ids };
}

interface Answer {
  status: number;
  ms: number;
  body: string;
  retryAfter?: string;
}

function postBatch(agent: http.Agent, port: number, key: string, body: string): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/events',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - t0,
            body: Buffer.concat(chunks).toString('utf8'),
            retryAfter: res.headers['retry-after'],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

async function load(port: number, keys: string[], seconds: number, run: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const sent = new Set<string>(); // ids of batches answered 202
  const totals = {
    requests: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    bots: 0,
    limited: 0,
    failed: 0,
    resent: 0,
  };
  const failures = new Map<string, number>();
  const end = Date.now() + seconds * 1000;
  const client = async (c: number) => {
    let seq = 0;
    let previous: { body: string; ids: string[] } | undefined;
    while (Date.now() < end) {
      const resend = previous && Math.random() < retryRate;
      const batch = resend && previous ? previous : makeBatch(run, c, seq++, Date.now());
      if (resend) totals.resent++;
      try {
        const a = await postBatch(agent, port, keys[c]!, batch.body);
        totals.requests++;
        if (a.status === 202) {
          latencies.push(a.ms);
          const r = JSON.parse(a.body) as Record<string, number>;
          totals.accepted += r.accepted ?? 0;
          totals.duplicates += r.duplicates ?? 0;
          totals.rejected += r.rejected ?? 0;
          totals.bots += r.bots ?? 0;
          for (const id of batch.ids) sent.add(id);
          previous = batch;
        } else if (a.status === 429) {
          totals.limited++;
          await new Promise((r) => setTimeout(r, Number(a.retryAfter ?? 1) * 1000));
        } else {
          totals.failed++;
          const k = `${a.status} ${a.body.slice(0, 120)}`;
          failures.set(k, (failures.get(k) ?? 0) + 1);
        }
      } catch (e) {
        totals.failed++;
        const k = e instanceof Error ? e.message : String(e);
        failures.set(k, (failures.get(k) ?? 0) + 1);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    seconds: elapsed,
    ...totals,
    distinctSent: sent.size,
    eventsPerSecond: totals.accepted / elapsed,
    requestsPerSecond: totals.requests / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    failures: [...failures],
  };
}

async function main(): Promise<void> {
  ensureBuild();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-ingest-'));
  const dataDir = path.join(work, 'data');
  const logFile = path.join(work, 'server.log');
  let pg: ReturnType<typeof startPostgres> | undefined;
  let server: Started | undefined;
  try {
    if (opt.postgres) {
      note('Starting a throw-away Postgres server…');
      // Its own temp folder: the postgres OS user must reach it, and `work` is private to us.
      pg = startPostgres(fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-pg-')));
    }
    const config: DbConfig = pg ? { driver: 'node-postgres', url: pg.url } : { driver: 'pglite', dataDir };
    note(`Seeding a workspace, ${productCount} products and ${clients} secret keys (${config.driver})…`);
    const seeded = await seed(config);

    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: `http://127.0.0.1:${port}`,
      TAILOR_DATA_DIR: dataDir,
      TAILOR_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    };
    delete env.POSTGRES_URL;
    if (pg) env.DATABASE_URL = pg.url;
    else delete env.DATABASE_URL;
    note(`Starting the server on http://127.0.0.1:${port}…`);
    server = startProcess(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
      cwd: ROOT,
      env,
      logFile,
    });
    await waitForStatus(`http://127.0.0.1:${port}/api/health`, 200, {
      timeoutMs: 120_000,
      exited: server.exited,
    });
    const run = Date.now().toString(36);
    note('Warming up for 3 s…');
    const warm = await load(port, seeded.keys, 3, `${run}w`);
    note(`Load: ${clients} clients × batches of ${batchSize} for ${durationS} s…`);
    const pgPid = pg ? postmasterPid(pg.dir) : null;
    const before = {
      server: treeCpuMs(server.pid),
      pg: pgPid ? treeCpuMs(pgPid) : 0,
      self: process.cpuUsage(),
      load: os.loadavg()[0] ?? 0,
    };
    const result = await load(port, seeded.keys, durationS, run);
    const self = process.cpuUsage(before.self);
    const batches = Math.max(1, result.requests);
    const cpu = {
      serverMs: (treeCpuMs(server.pid) - before.server) / batches,
      postgresMs: pgPid ? ((pgPid ? treeCpuMs(pgPid) : 0) - before.pg) / batches : 0,
      clientsMs: (self.user + self.system) / 1000 / batches,
      loadBefore: before.load,
      loadAfter: os.loadavg()[0] ?? 0,
    };
    const rss = rssKb(server.pid);
    // The fast path writes daily counters every 250 ms: let the last ones land before stopping.
    await new Promise((r) => setTimeout(r, 1_000));
    await server.stop();
    server = undefined;
    const stored = await countStored(config, seeded.tenantId);
    const acceptedAll = warm.accepted + result.accepted;
    const distinctAll = warm.distinctSent + result.distinctSent;
    const exactlyOnce =
      stored.events === acceptedAll &&
      stored.events === distinctAll &&
      stored.distinct_ids === stored.events &&
      stored.counted === stored.events;
    const out = {
      database: config.driver,
      cpus: os.cpus().length,
      node: process.version,
      clients,
      batchSize,
      warmup: { seconds: warm.seconds, accepted: warm.accepted },
      load: result,
      stored,
      acceptedAll,
      distinctAll,
      exactlyOnce,
      serverRss: rss,
      cpu,
    };
    if (opt.json) console.log(JSON.stringify(out, null, 2));
    else print(out);
    if (!exactlyOnce) process.exitCode = 1;
  } catch (e) {
    if (fs.existsSync(logFile)) {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
      note(`\n--- last lines of the server log (${logFile}) ---\n${tail}\n---`);
    }
    throw e;
  } finally {
    await server?.stop();
    pg?.stop();
    if (opt.keep) note(`Kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

type Out = {
  database: string;
  cpus: number;
  node: string;
  load: Awaited<ReturnType<typeof load>>;
  stored: Record<string, number>;
  acceptedAll: number;
  distinctAll: number;
  exactlyOnce: boolean;
  serverRss: ReturnType<typeof rssKb>;
  cpu: { serverMs: number; postgresMs: number; clientsMs: number; loadBefore: number; loadAfter: number };
};

function print(o: Out): void {
  const l = o.load;
  const n = (v: number) => Math.round(v).toLocaleString('en');
  console.log(
    `\nTailor events API benchmark: ${o.database}, node ${o.node}, ${o.cpus} CPUs, ${clients} clients, batches of ${batchSize}\n`,
  );
  console.log(
    table(
      ['load', 'value'],
      [
        ['duration', `${l.seconds.toFixed(1)} s`],
        ['throughput (accepted events)', `${n(l.eventsPerSecond)} events/s`],
        [
          'requests',
          `${n(l.requests)} (${l.requestsPerSecond.toFixed(0)}/s), ${n(l.resent)} resent on purpose`,
        ],
        ['latency p50 / p99 / max', `${ms(l.p50)} / ${ms(l.p99)} / ${ms(l.max)}`],
        ['accepted / duplicates', `${n(l.accepted)} / ${n(l.duplicates)}`],
        ['rejected / bots', `${n(l.rejected)} / ${n(l.bots)}`],
        ['429 answers / failures', `${n(l.limited)} / ${n(l.failed)}`],
        ['server memory (RSS, peak)', `${mib(o.serverRss.self)}, ${mib(o.serverRss.peak)}`],
        [
          'CPU per batch: server / Postgres / clients',
          `${ms(o.cpu.serverMs)} / ${o.database === 'pglite' ? 'in the server' : ms(o.cpu.postgresMs)} / ${ms(o.cpu.clientsMs)}`,
        ],
        [
          'capacity if the CPUs were ours alone',
          // The server's JavaScript (and PGlite inside it) runs on one thread: at most one core.
          `≈ ${n(Math.min((o.cpus * 1000) / (o.cpu.serverMs + o.cpu.postgresMs + o.cpu.clientsMs), 1000 / o.cpu.serverMs) * batchSize)} events/s`,
        ],
        [
          'machine load average (1 min), before / after',
          `${o.cpu.loadBefore.toFixed(1)} / ${o.cpu.loadAfter.toFixed(1)}`,
        ],
      ],
      'left',
    ),
  );
  for (const [k, c] of l.failures) console.log(`  failure ×${c}: ${k}`);
  const s = o.stored;
  console.log(
    `\n${table(
      ['exactly-once check (warm-up included)', 'value'],
      [
        ['events stored', n(s.events ?? 0)],
        ['sum of accepted in 202 answers', n(o.acceptedAll)],
        ['distinct event ids sent (answered 202)', n(o.distinctAll)],
        ['distinct event ids stored', n(s.distinct_ids ?? 0)],
        ['ingest_daily accepted / duplicates', `${n(s.counted ?? 0)} / ${n(s.duplicates ?? 0)}`],
        ['events without a shopper', n(s.no_shopper ?? 0)],
        ['shoppers / identity links', `${n(s.shoppers ?? 0)} / ${n(s.links ?? 0)}`],
        ['result', o.exactlyOnce ? 'PASS: every accepted event stored exactly once' : 'FAIL'],
      ],
      'left',
    )}\n`,
  );
}

main().catch((e) => {
  console.error(`bench:ingest failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
