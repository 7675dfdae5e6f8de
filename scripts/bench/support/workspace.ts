/**
 * Bench workspaces in a temporary embedded database, built through the product's own paths:
 * the demo store (seedDemoWorkspace), the UCI Online Retail file (createImport → startImport →
 * the import job run in-process), training (trainWorkspaceModel), API keys (createApiKey).
 * The embedded database is single-process: do all of this, close the handle, then start a server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { type DbHandle, type Db, openDatabase, rowsOf, setDbHandle } from '@/db/client';
import { recommendModels, users } from '@/db/schema';
import { createApiKey } from '@/lib/apikeys/service';
import { signUp } from '@/lib/auth/service';
import { DEMO_EMAIL, DEMO_SLUG } from '@/lib/demo/constants';
import { seedDemoWorkspace } from '@/lib/demo/service';
import { summaryOf } from '@/lib/import/outcome';
import { getImport } from '@/lib/import/queries';
import { runImportJobHere } from '@/lib/import/run-here';
import { createImport, startImport } from '@/lib/import/service';
import { type TrainResult, trainWorkspaceModel } from '@/lib/recommend/train/service';
import type { TenantContext } from '@/lib/tenant/context';
import { requireTenant } from '@/lib/tenant/require-tenant';

/** The UCI file next to the repository (`../shared/data/online-retail/`). */
export const UCI_FILE = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/online-retail/online_retail.csv.gz',
);

export const note = (s: string) => process.stderr.write(`${s}\n`);

export interface BenchTenant {
  label: string;
  ctx: TenantContext;
  /** Setup time (seeding or import), ms. */
  setupMs: number;
}

/** Opens (and migrates) the embedded database in `dataDir` and makes it the process handle. */
export async function openBenchDb(dataDir: string): Promise<DbHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  const handle = await openDatabase({ driver: 'pglite', dataDir });
  setDbHandle(handle);
  return handle;
}

/** Closes the handle so a server process may open the same folder. */
export async function closeBenchDb(handle: DbHandle): Promise<void> {
  setDbHandle(undefined);
  await handle.close();
}

/** The seeded demo store (full size), as its owner. */
export async function seedDemo(db: Db): Promise<BenchTenant> {
  const t0 = performance.now();
  let last = 0;
  await seedDemoWorkspace(db, {
    onProgress: (p) => {
      if (Date.now() - last < 5_000) return;
      last = Date.now();
      note(`  demo: ${p.phase} ${p.done}/${p.total}`);
    },
  });
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_EMAIL)).limit(1);
  if (!user) throw new Error('the demo user is missing after seeding');
  const ctx = await requireTenant(db, {
    kind: 'session',
    slug: DEMO_SLUG,
    userId: user.id,
    email: DEMO_EMAIL,
  });
  return { label: 'demo store', ctx, setupMs: performance.now() - t0 };
}

/** A new workspace with the UCI file imported through the import job; prints progress every 5 s. */
export async function importOnlineRetail(db: Db, dataDir: string, file = UCI_FILE): Promise<BenchTenant> {
  const t0 = performance.now();
  const email = `bench-${Date.now()}@example.test`;
  const { user, tenant } = await signUp(db, {
    name: 'Bench',
    email,
    password: 'bench-Correct-horse-42',
    workspaceName: 'Online Retail bench',
  });
  const ctx = await requireTenant(db, { kind: 'session', slug: tenant.slug, userId: user.id, email });
  const imp = await createImport(
    db,
    ctx,
    { body: fs.createReadStream(file), fileName: path.basename(file), kind: 'orders', format: 'auto' },
    { dataDir },
  );
  const started = await startImport(db, ctx, { id: imp.id });
  let last = 0;
  const job = await runImportJobHere(db, { tenantId: ctx.tenantId, id: started.jobId! }, (p) => {
    if (Date.now() - last < 5_000) return;
    last = Date.now();
    const secs = ((performance.now() - t0) / 1000).toFixed(0).padStart(4);
    note(`  import ${secs} s  ${p.message ?? `${p.done}/${p.total ?? '?'}`}`);
  });
  const row = await getImport(db, ctx, imp.id);
  const summary = row ? summaryOf(row) : null;
  if (job.status !== 'succeeded' || !summary) {
    throw new Error(`the Online Retail import ${job.status}: ${job.error ?? row?.status ?? 'no summary'}`);
  }
  note(
    `  imported ${summary.rows} rows: ${summary.counts.products} products, ${summary.counts.shoppers} customers, ` +
      `${summary.counts.orders} invoices in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return { label: 'UCI Online Retail', ctx, setupMs: performance.now() - t0 };
}

export interface TrainRun {
  result: TrainResult;
  wallMs: number;
  /** Highest resident memory during training, bytes (kernel high-water mark, reset before). */
  peakRss: number;
  /** Highest V8 heap used seen by a 50 ms sampler, bytes (a lower bound: fitting blocks the loop). */
  peakHeap: number;
  /** Whether `peakRss` is the kernel's high-water mark (Linux) or only the sampler's maximum. */
  rssFromKernel: boolean;
  model: {
    shoppers: number;
    items: number;
    interactions: number;
    artefactBytes: number;
    ndcg: number | null;
  };
}

function vmHwm(): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resets the kernel's peak-RSS mark of this process (Linux `clear_refs` 5); false elsewhere. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return vmHwm() !== null;
  } catch {
    return false;
  }
}

/** Trains the workspace's model with the real service and measures time and memory. */
export async function trainMeasured(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
  asOf?: Date,
): Promise<TrainRun> {
  globalThis.gc?.();
  const rssFromKernel = resetPeakRss();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  const t0 = performance.now();
  let result: TrainResult;
  try {
    result = await trainWorkspaceModel(db, ctx, {
      asOf,
      progress: (_phase, message) => {
        sample();
        note(`  train ${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${message}`);
      },
    });
  } finally {
    clearInterval(timer);
    sample();
  }
  const wallMs = performance.now() - t0;
  if (rssFromKernel) peakRss = Math.max(peakRss, vmHwm() ?? 0);
  const [row] = await db
    .select({
      shoppers: recommendModels.shoppers,
      items: recommendModels.items,
      interactions: recommendModels.interactions,
      artefactBytes: recommendModels.artefactBytes,
      metrics: recommendModels.metrics,
    })
    .from(recommendModels)
    .where(and(eq(recommendModels.tenantId, ctx.tenantId), eq(recommendModels.id, result.versionId)));
  if (!row) throw new Error('the trained model version is missing');
  const ndcg = 'validationNdcg' in row.metrics ? row.metrics.validationNdcg : null;
  return { result, wallMs, peakRss, peakHeap, rssFromKernel, model: { ...row, ndcg } };
}

/** Time of the workspace's latest order, or null without orders. */
export async function lastOrderAt(db: Db, tenantId: string): Promise<Date | null> {
  const [row] = rowsOf<{ at: string | Date | null }>(
    await db.execute(sql`select max(placed_at) as at from orders where tenant_id = ${tenantId}`),
  );
  return row?.at ? new Date(row.at) : null;
}

/**
 * Shoppers with the most paid orders (external ids) and the best-selling products (external ids).
 * Shoppers who refused personalization are left out: they get non-personal answers (the demo
 * seeds consent decisions, and about a quarter refuse), so they would not measure the personal path.
 */
export async function probeIds(
  db: Db,
  tenantId: string,
  n = 50,
): Promise<{ shoppers: string[]; items: string[] }> {
  const shoppers = rowsOf<{ id: string }>(
    await db.execute(sql`
      select s.external_id as id from shoppers s join orders o
        on o.tenant_id = s.tenant_id and o.shopper_id = s.id and o.status = 'paid'
      where s.tenant_id = ${tenantId} and s.external_id is not null
        and not exists (select 1 from consent_state c where c.tenant_id = s.tenant_id
          and c.shopper_id = s.id and c.purpose = 'personalization' and not c.granted)
      group by s.external_id order by count(*) desc, s.external_id limit ${n}`),
  ).map((r) => r.id);
  const items = rowsOf<{ id: string }>(
    await db.execute(sql`
      select p.external_id as id from products p join order_lines l
        on l.tenant_id = p.tenant_id and l.product_id = p.id
      where p.tenant_id = ${tenantId} and p.status = 'active'
      group by p.external_id order by sum(l.quantity) desc, p.external_id limit ${n}`),
  ).map((r) => r.id);
  return { shoppers, items };
}

/** Creates `secret` secret keys and `publishable` publishable keys allowing `origin`. */
export async function createBenchKeys(
  db: Db,
  ctx: TenantContext,
  counts: { secret: number; publishable: number; origin: string },
): Promise<{ secret: string[]; publishable: string[] }> {
  const secret: string[] = [];
  const publishable: string[] = [];
  for (let i = 0; i < counts.secret; i++)
    secret.push((await createApiKey(db, ctx, { kind: 'secret', name: `bench secret ${i}` })).key);
  for (let i = 0; i < counts.publishable; i++) {
    const k = await createApiKey(db, ctx, {
      kind: 'publishable',
      name: `bench storefront ${i}`,
      allowedOrigins: [counts.origin],
    });
    publishable.push(k.key);
  }
  return { secret, publishable };
}
