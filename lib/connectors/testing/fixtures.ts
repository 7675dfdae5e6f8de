import { and, eq, sql } from 'drizzle-orm';
import { type Db, type Executor, rowsOf } from '@/db/client';
import { ingestDaily } from '@/db/schema';
import type { TenantContext } from '@/lib/tenant/context';
import type { HttpOptions } from '../http';
import { type ConnectOptions, connectStore } from '../service';
import type { SyncCheckpoint, SyncRuntime } from '../sync';
import type { FakeShopify } from './fake-shopify';
import type { FakeWooCommerce } from './fake-woocommerce';

/** Client options for tests: virtual sleeps, small backoffs, local stores allowed. */
export function testHttp(sleep: HttpOptions['sleep'], now?: () => number): ConnectOptions {
  return { http: { sleep, now, baseDelayMs: 10, maxRetries: 3 }, allowLocal: true, startSync: false };
}

/** Connects the fake shop through the real service (credentials checked, encrypted, audited). */
export async function connectFakeShopify(
  db: Db,
  ctx: TenantContext,
  fake: FakeShopify,
  origin: string,
  extra: Record<string, unknown> = {},
) {
  return connectStore(
    db,
    ctx,
    {
      platform: 'shopify',
      shopDomain: origin,
      accessToken: fake.accessToken,
      webhookSecret: 'shpss_webhook_secret',
      ...extra,
    },
    testHttp(fake.clock.sleep, fake.clock.nowFn),
  );
}

export async function connectFakeWoo(
  db: Db,
  ctx: TenantContext,
  fake: FakeWooCommerce,
  origin: string,
  sleep: HttpOptions['sleep'],
  extra: Record<string, unknown> = {},
) {
  return connectStore(
    db,
    ctx,
    {
      platform: 'woocommerce',
      storeUrl: origin,
      consumerKey: fake.consumerKey,
      consumerSecret: fake.consumerSecret,
      webhookSecret: 'woo webhook secret',
      ...extra,
    },
    testHttp(sleep),
  );
}

/**
 * A SyncRuntime like the job runner's: the checkpoint is kept across runs (as a job retry sees
 * it), and `stopAfterPages` aborts the run once that many pages were written (a killed handler).
 */
export function testRuntime(
  db: Db,
  tenantId: string,
  options: { stopAfterPages?: number; checkpoint?: SyncCheckpoint | null } = {},
) {
  const controller = new AbortController();
  let pages = 0;
  const rt: SyncRuntime & { pages: () => number; progressLog: [number, number | null | undefined][] } = {
    db,
    tenantId,
    signal: controller.signal,
    checkpoint: options.checkpoint ?? null,
    progressLog: [],
    pages: () => pages,
    progress(done, total) {
      rt.progressLog.push([done, total]);
    },
    async saveCheckpoint(value) {
      rt.checkpoint = value;
      pages += 1;
      if (options.stopAfterPages !== undefined && pages >= options.stopAfterPages)
        controller.abort(new Error('killed'));
    },
  };
  return rt;
}

/** Rows of the tenant in the catalog tables. */
export async function countRows(exec: Executor, tenantId: string) {
  const [r] = rowsOf<{ products: number; shoppers: number; orders: number; lines: number }>(
    await exec.execute(sql`
      select (select count(*)::int from products where tenant_id = ${tenantId}) as products,
             (select count(*)::int from shoppers where tenant_id = ${tenantId}) as shoppers,
             (select count(*)::int from orders where tenant_id = ${tenantId}) as orders,
             (select count(*)::int from order_lines where tenant_id = ${tenantId}) as lines`),
  );
  return r!;
}

/** Today's ingestion counters of one source. */
export async function dailyCounts(exec: Executor, tenantId: string, source: string) {
  const rows = await exec
    .select({ accepted: ingestDaily.accepted, rejected: ingestDaily.rejected, reasons: ingestDaily.reasons })
    .from(ingestDaily)
    .where(and(eq(ingestDaily.tenantId, tenantId), eq(ingestDaily.source, source)));
  return rows.reduce(
    (a, r) => ({
      accepted: a.accepted + r.accepted,
      rejected: a.rejected + r.rejected,
      reasons: { ...a.reasons, ...r.reasons },
    }),
    { accepted: 0, rejected: 0, reasons: {} as Record<string, number> },
  );
}
