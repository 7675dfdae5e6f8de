import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, rowsOf } from '@/db/client';
import { events, importRejections, imports, jobs, orders, shoppers, webhookDeliveries } from '@/db/schema';
import { updatePrivacySettings } from '@/lib/privacy/settings';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { retentionStatus } from './policy';
import { listRetentionRuns } from './queries';
import { type RetentionState, runRetention } from './service';

const NOW = new Date('2026-06-01T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

/** A workspace's data on both sides of each limit (30 days events, 6 months shoppers, 14 days logs). */
async function seedWorkspace(db: Db, ctx: TenantContext) {
  const t = ctx.tenantId;
  const [stale, buyer, browser] = [randomUUID(), randomUUID(), randomUUID()];
  await db.insert(shoppers).values([
    {
      tenantId: t,
      id: stale,
      kind: 'customer',
      externalId: `stale-${t}`,
      createdAt: daysAgo(400),
      lastSeenAt: daysAgo(300),
    },
    {
      tenantId: t,
      id: buyer,
      kind: 'customer',
      externalId: `buyer-${t}`,
      createdAt: daysAgo(400),
      lastSeenAt: daysAgo(300),
    },
    { tenantId: t, id: browser, kind: 'visitor', anonymousId: `anon-${t}`, createdAt: daysAgo(400) },
  ]);
  await db.insert(orders).values({
    tenantId: t,
    externalId: `o-${t}`,
    shopperId: buyer,
    currency: 'EUR',
    totalMinor: 1000,
    placedAt: daysAgo(20),
  });
  const ev = (id: string, age: number, shopperId: string | null) => ({
    tenantId: t,
    eventId: `${id}-${t}`,
    type: 'page_view' as const,
    shopperId,
    occurredAt: daysAgo(age),
  });
  await db
    .insert(events)
    .values([
      ev('old1', 45, null),
      ev('old2', 40, null),
      ev('old3', 31, null),
      ev('new1', 10, browser),
      ev('new2', 1, null),
    ]);
  const job = (status: string, finishedAge: number | null) => ({
    tenantId: t,
    type: 'test.noop',
    status,
    finishedAt: finishedAge === null ? null : daysAgo(finishedAge),
  });
  await db
    .insert(jobs)
    .values([job('succeeded', 20), job('failed', 15), job('succeeded', 2), job('running', null)]);
  await db.insert(webhookDeliveries).values([
    {
      tenantId: t,
      deliveryId: `d1-${t}`,
      connectionId: randomUUID(),
      topic: 'orders/create',
      receivedAt: daysAgo(30),
    },
    {
      tenantId: t,
      deliveryId: `d2-${t}`,
      connectionId: randomUUID(),
      topic: 'orders/create',
      receivedAt: daysAgo(3),
    },
  ]);
  const imp = (age: number) => ({
    tenantId: t,
    id: randomUUID(),
    kind: 'orders',
    format: 'csv',
    fileName: 'f.csv',
    filePath: '/tmp/f.csv',
    sizeBytes: 10,
    sha256: 'x',
    status: 'succeeded',
    createdAt: daysAgo(age),
    finishedAt: daysAgo(age),
  });
  const [oldImport, newImport] = [imp(60), imp(5)];
  await db.insert(imports).values([oldImport, newImport]);
  await db.insert(importRejections).values([
    { tenantId: t, importId: oldImport.id, rowNo: 1, field: 'email', reason: 'invalid' },
    { tenantId: t, importId: oldImport.id, rowNo: 2, field: 'email', reason: 'invalid' },
    { tenantId: t, importId: newImport.id, rowNo: 1, field: 'email', reason: 'invalid' },
  ]);
  return { stale, buyer, browser };
}

async function counts(db: Db, tenantId: string) {
  const [r] = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      (select count(*)::int from events where tenant_id = ${tenantId}) as events,
      (select count(*)::int from shoppers where tenant_id = ${tenantId}) as shoppers,
      (select count(*)::int from jobs where tenant_id = ${tenantId}) as jobs,
      (select count(*)::int from webhook_deliveries where tenant_id = ${tenantId}) as webhooks,
      (select count(*)::int from import_rejections where tenant_id = ${tenantId}) as rejections,
      (select count(*)::int from orders where tenant_id = ${tenantId}) as orders`),
  );
  return r;
}

describe.each(testDrivers())('retention (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  const policy = { rawEventsDays: '30', inactiveShopperMonths: '6', logsDays: '14' };

  it('purges what is past each limit, keeps the rest, and reports it', async () => {
    const { ctx } = await createTestTenant(db(), 'ret');
    const other = await createTestTenant(db(), 'ret-other');
    const ids = await seedWorkspace(db(), ctx);
    await seedWorkspace(db(), other.ctx);
    await updatePrivacySettings(db(), ctx, policy);
    await updatePrivacySettings(db(), other.ctx, policy);
    const otherBefore = await counts(db(), other.ctx.tenantId);

    const before = await retentionStatus(db(), ctx, NOW);
    expect(before.map((s) => s.state)).toEqual(['overdue', 'overdue', 'overdue']);

    const r = await runRetention(db(), ctx, { trigger: 'manual', now: NOW });
    expect(r.removed).toMatchObject({
      events: 3,
      shoppers: 1,
      jobs: 2,
      webhook_deliveries: 1,
      import_rejections: 2,
    });
    const left = await shopperIds(db(), ctx);
    expect(left).toEqual([ids.buyer, ids.browser].sort());
    expect(await counts(db(), ctx.tenantId)).toMatchObject({
      events: 2,
      shoppers: 2,
      jobs: 2, // the recent one and the running one
      webhooks: 1,
      rejections: 1,
      orders: 1,
    });
    expect(await counts(db(), other.ctx.tenantId)).toEqual(otherBefore);

    const [run] = await listRetentionRuns(db(), ctx);
    expect(run).toMatchObject({ id: r.run?.id, trigger: 'manual', removed: r.removed });
    expect(run?.policy).toEqual({ rawEventsDays: 30, inactiveShopperMonths: 6, logsDays: 14 });

    const after = await retentionStatus(db(), ctx, NOW);
    expect(after.map((s) => s.state)).toEqual(['compliant', 'compliant', 'compliant']);
    expect((await runRetention(db(), ctx, { trigger: 'manual', now: NOW })).removed).toEqual({});
  });

  it('resumes a stopped run from its state without redoing or miscounting batches', async () => {
    const { ctx } = await createTestTenant(db(), 'ret-resume');
    await seedWorkspace(db(), ctx);
    await updatePrivacySettings(db(), ctx, { rawEventsDays: '30', logsDays: '14' });
    let saved: RetentionState | null = null;
    let batches = 0;
    await expect(
      runRetention(db(), ctx, {
        trigger: 'schedule',
        now: NOW,
        batchSize: 1,
        onBatch: (state) => {
          batches += 1;
          // Like a checkpoint saved in the batch's transaction: the failing batch saves nothing.
          if (batches === 2) throw new Error('worker lost');
          saved = structuredClone(state);
        },
      }),
    ).rejects.toThrow('worker lost');
    expect(saved).toMatchObject({ phase: 0, removed: { events: 1 } });
    expect(await counts(db(), ctx.tenantId)).toMatchObject({ events: 4 }); // the second batch rolled back
    const resume = (saved as RetentionState | null)!;
    const r = await runRetention(db(), ctx, { trigger: 'schedule', resume, batchSize: 1 });
    expect(r.removed).toEqual({ events: 3, jobs: 2, webhook_deliveries: 1, import_rejections: 2 });
    expect(await counts(db(), ctx.tenantId)).toMatchObject({ events: 2, shoppers: 3 });
  });

  it('does nothing and records nothing on schedule when every period is "keep forever"', async () => {
    const { ctx } = await createTestTenant(db(), 'ret-off');
    await seedWorkspace(db(), ctx);
    const r = await runRetention(db(), ctx, { trigger: 'schedule', now: NOW });
    expect(r).toMatchObject({ removed: {}, run: null });
    expect((await retentionStatus(db(), ctx, NOW)).map((s) => s.state)).toEqual(['off', 'off', 'off']);
    expect(await listRetentionRuns(db(), ctx)).toEqual([]);
  });

  it('refuses roles without privacy.manage', async () => {
    const { ctx } = await createTestTenant(db(), 'ret-perm');
    const analyst = await createTestMember(db(), ctx, 'analyst');
    await expect(runRetention(db(), analyst, { trigger: 'manual', now: NOW })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

async function shopperIds(db: Db, ctx: TenantContext): Promise<string[]> {
  const rows = await db
    .select({ id: shoppers.id })
    .from(shoppers)
    .where(and(eq(shoppers.tenantId, ctx.tenantId)));
  return rows.map((r) => r.id).sort();
}
