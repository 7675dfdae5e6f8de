// Syncs as background jobs through the real runner: "Sync now" with dedupe, status on the
// connection, a failed attempt resumed by the next one, and the hourly schedule.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { jobSchedules, jobs } from '@/db/schema';
import { JobRunner } from '@/lib/jobs/runner';
import { runDueSchedules } from '@/lib/jobs/schedule';
import { readJob, waitFor, waitForStatus } from '@/lib/jobs/testing/wait';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { setSyncJobDeps } from './job';
import { getConnectionRow } from './queries';
import { syncConnectionNow } from './service';
import { readState } from './state';
import { connectedTenants } from './tenants-cache';
import { FakeShopify } from './testing/fake-shopify';
import { connectFakeShopify, countRows } from './testing/fixtures';
import { setTestEncryptionKeys } from './testing/keys';
import { gqlCustomer, gqlOrder, gqlProduct } from './testing/shopify-data';

const FAST = {
  leaseMs: 5_000,
  pollMs: 20,
  progressIntervalMs: 20,
  backoffBaseMs: 10,
  backoffMaxMs: 50,
  graceMs: 500,
  scheduleMs: 0,
};

async function withRunner<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const runner = new JobRunner(db, FAST);
  runner.start();
  try {
    return await fn();
  } finally {
    await runner.stop();
  }
}

describe.each(testDrivers())('sync jobs (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  const shop = new FakeShopify();
  let origin = '';

  beforeAll(async () => {
    setTestEncryptionKeys();
    origin = await shop.start();
    setSyncJobDeps({
      http: { sleep: shop.clock.sleep, now: shop.clock.nowFn, baseDelayMs: 10, maxRetries: 2 },
      allowLocal: true,
    });
    for (let i = 1; i <= 60; i++)
      shop.products.push({ node: gqlProduct(i), updatedAt: '2024-01-02T00:00:00Z' });
    shop.customers.push({ node: gqlCustomer(1), updatedAt: '2024-01-02T00:00:00Z' });
    shop.orders.push({ node: gqlOrder(1), updatedAt: '2024-01-02T00:00:00Z' });
  });
  afterAll(async () => {
    setSyncJobDeps(undefined);
    await shop.stop();
  });
  beforeEach(() => {
    shop.intercept = null;
    shop.log.length = 0;
    shop.drainBucket(1000);
  });

  it('"Sync now" runs one job per connection at a time and records the outcome', async () => {
    const { ctx } = await createTestTenant(db(), 'jobsync');
    const conn = await connectFakeShopify(db(), ctx, shop, origin);
    const first = await syncConnectionNow(db(), ctx, { id: conn.id });
    const second = await syncConnectionNow(db(), ctx, { id: conn.id });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, job: { id: first.job.id } });

    const done = await withRunner(db(), () =>
      waitForStatus(db(), ctx.tenantId, first.job.id, 'succeeded', 'failed'),
    );
    expect(done).toMatchObject({ status: 'succeeded', progressDone: 62, progressTotal: 62 });
    expect(done.result).toMatchObject({ connectionId: conn.id, resources: { products: { received: 60 } } });
    expect(await countRows(db(), ctx.tenantId)).toEqual({ products: 60, shoppers: 1, orders: 1, lines: 1 });
    const row = await getConnectionRow(db(), ctx, conn.id);
    expect(row).toMatchObject({ status: 'active', lastError: null });
    expect(row?.lastSuccessAt).toBeInstanceOf(Date);
  });

  it('a rejected token fails the job at once and marks the connection; the next good sync clears it', async () => {
    const { ctx } = await createTestTenant(db(), 'jobfail');
    const conn = await connectFakeShopify(db(), ctx, shop, origin);
    const token = shop.accessToken;
    shop.accessToken = 'shpat_rotated_elsewhere';
    try {
      const { job } = await syncConnectionNow(db(), ctx, { id: conn.id });
      const failed = await withRunner(db(), () =>
        waitForStatus(db(), ctx.tenantId, job.id, 'failed', 'succeeded'),
      );
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed.error).toMatch(/^Shopify rejected the access token \(401\)/);
      const row = await getConnectionRow(db(), ctx, conn.id);
      expect(row).toMatchObject({ status: 'error', lastSuccessAt: null });
      expect(row?.lastError).toBe(failed.error);
      expect(row?.lastError).not.toContain(token);
    } finally {
      shop.accessToken = token;
    }
    const { job } = await syncConnectionNow(db(), ctx, { id: conn.id });
    await withRunner(db(), () => waitForStatus(db(), ctx.tenantId, job.id, 'succeeded'));
    expect(await getConnectionRow(db(), ctx, conn.id)).toMatchObject({ status: 'active', lastError: null });
  });

  it('an attempt that fails mid-sync is resumed by the next attempt from its checkpoint', async () => {
    const { ctx } = await createTestTenant(db(), 'jobresume');
    const conn = await connectFakeShopify(db(), ctx, shop, origin);
    let pages = 0;
    let outage = true;
    shop.intercept = (op) => {
      if (op !== 'TailorProducts') return undefined;
      pages += 1;
      return outage && pages >= 3 ? { status: 500, body: { errors: 'Internal' } } : undefined;
    };
    const { job } = await syncConnectionNow(db(), ctx, { id: conn.id });
    await withRunner(db(), async () => {
      const retrying = await waitFor(async () => {
        const j = await readJob(db(), ctx.tenantId, job.id);
        return j.status === 'queued' && j.attempts === 1 ? j : undefined;
      }, 'the first attempt to fail');
      expect(retrying.error).toBe('The Shopify store kept answering HTTP 500 after 3 tries.');
      expect(retrying.checkpoint).toEqual({
        completed: [],
        done: 50,
        position: { resource: 'products', cursor: expect.any(String) },
      });
      expect((await getConnectionRow(db(), ctx, conn.id))?.status).toBe('error');
      expect((await countRows(db(), ctx.tenantId)).products).toBe(50);
      // The store recovers; skip the 30 s retry backoff.
      outage = false;
      shop.log.length = 0;
      await db()
        .update(jobs)
        .set({ runAfter: sql`now()` })
        .where(and(eq(jobs.tenantId, ctx.tenantId), eq(jobs.id, job.id)));
      await waitForStatus(db(), ctx.tenantId, job.id, 'succeeded');
    });
    const reread = shop.log.filter((l) => l.operation === 'TailorProducts' && !l.throttled);
    expect(reread).toHaveLength(1);
    expect(await readJob(db(), ctx.tenantId, job.id)).toMatchObject({ attempts: 2, progressDone: 62 });
    expect(await countRows(db(), ctx.tenantId)).toEqual({ products: 60, shoppers: 1, orders: 1, lines: 1 });
    const row = await getConnectionRow(db(), ctx, conn.id);
    expect(row).toMatchObject({ status: 'active', lastError: null });
    expect(readState(row?.syncState).products?.lastRun).toMatchObject({ received: 60, inserted: 60 });
  });

  it('the hourly schedule queues syncs only in workspaces with a store', async () => {
    const withStore = await createTestTenant(db(), 'sched-a');
    const without = await createTestTenant(db(), 'sched-b');
    await connectFakeShopify(db(), withStore.ctx, shop, origin);
    connectedTenants.reset();
    connectedTenants.has('warm-up', async () => db());
    await waitFor(() => connectedTenants.has(withStore.ctx.tenantId, async () => db()), 'the tenant cache');

    await runDueSchedules(db());
    await db()
      .update(jobSchedules)
      .set({ nextRunAt: sql`now() - interval '1 minute'` })
      .where(eq(jobSchedules.name, 'connectors.sync.hourly'));
    await runDueSchedules(db());
    const fanOut = async (tenantId: string) =>
      db()
        .select()
        .from(jobs)
        .where(and(eq(jobs.tenantId, tenantId), eq(jobs.type, 'connectors.sync-all')));
    expect(await fanOut(withStore.ctx.tenantId)).toHaveLength(1);
    expect(await fanOut(without.ctx.tenantId)).toHaveLength(0);

    const [fan] = await fanOut(withStore.ctx.tenantId);
    await withRunner(db(), () => waitForStatus(db(), withStore.ctx.tenantId, fan!.id, 'succeeded'));
    const syncs = await db()
      .select()
      .from(jobs)
      .where(and(eq(jobs.tenantId, withStore.ctx.tenantId), eq(jobs.type, 'connectors.sync')));
    expect(syncs).toHaveLength(1);
  });
});
