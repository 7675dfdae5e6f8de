// Incremental refresh (an event through the real events service updates the profile after the
// flush) and the rebuild job (through the real runner: progress, checkpoints, resume, and the
// segment discovery it queues).
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { jobs } from '@/db/schema';
import { ingestEvents } from '@/lib/events/service';
import { JobRunner } from '@/lib/jobs/runner';
import { waitForStatus } from '@/lib/jobs/testing/wait';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { type RebuildCheckpoint, enqueueProfileRebuild, rebuildProfiles } from './jobs';
import { getShopperWithProfile } from './queries';
import { flushShopperActivity, noteShopperActivity, pendingShopperActivity } from './refresh-queue';
import { type SeededStore, seedProfileStore } from './testing';

const FAST = {
  leaseMs: 5_000,
  pollMs: 20,
  progressIntervalMs: 20,
  backoffBaseMs: 10,
  backoffMaxMs: 50,
  graceMs: 500,
  scheduleMs: 0,
};
const NOW = Date.now();

describe.each(testDrivers())('profile refresh and rebuild (%s)', (driver) => {
  const h = useTestDatabase(driver);
  let ctx: TenantContext;
  let store: SeededStore;

  beforeAll(async () => {
    ctx = (await createTestTenant(h().db, 'prof-refresh')).ctx;
    store = await seedProfileStore(h().db, ctx.tenantId, NOW);
    await flushShopperActivity();
  });

  it('updates a profile after an event arrives through the events service', async () => {
    const db = h().db;
    const before = await getShopperWithProfile(db, ctx, store.shopper.cyd);
    expect(before?.profile?.views).toBe(0);
    const result = await ingestEvents(
      db,
      ctx,
      [
        {
          type: 'view',
          eventId: 'r-1',
          customerId: 'cyd',
          sessionId: 's-1',
          productId: 'boot-5',
          context: { locale: 'fr-CH' },
        },
        {
          type: 'view',
          eventId: 'r-2',
          customerId: 'cyd',
          sessionId: 's-1',
          productId: 'boot-4',
          context: { locale: 'fr-CH' },
        },
      ],
      { source: 'api' },
    );
    expect(result.accepted).toBe(2);
    expect(pendingShopperActivity()).toBeGreaterThan(0);
    await flushShopperActivity();
    expect(pendingShopperActivity()).toBe(0);
    const after = await getShopperWithProfile(db, ctx, store.shopper.cyd);
    expect(after?.profile).toMatchObject({ views: 2, sessions: 1, preferredLocale: 'fr' });
    expect(after?.profile?.lastEventAt).not.toBeNull();
    expect(after!.profile!.computedAt.getTime()).toBeGreaterThan(before!.profile!.computedAt.getTime());
  });

  it('ignores junk ids and never throws into the caller', async () => {
    expect(() => noteShopperActivity(ctx.tenantId, ['nope', null, undefined, ''])).not.toThrow();
    expect(pendingShopperActivity()).toBe(0);
    // A well-formed id that is no shopper: the flush writes nothing and still resolves.
    noteShopperActivity(ctx.tenantId, ['00000000-0000-4000-8000-00000000abcd']);
    await expect(flushShopperActivity()).resolves.toBeUndefined();
  });

  it('resumes a rebuild after its checkpoint', async () => {
    const db = h().db;
    const ids = Object.values(store.shopper).sort();
    const saved: RebuildCheckpoint[] = [];
    const checkpoint: RebuildCheckpoint = { after: ids[0]!, done: 1, asOf: new Date(NOW).toISOString() };
    const r = await rebuildProfiles({
      db,
      tenantId: ctx.tenantId,
      checkpoint,
      saveCheckpoint: async (c) => {
        saved.push(c);
      },
    });
    // One batch covered the two shoppers after the checkpoint; the total counts the earlier one.
    expect(r.shoppers).toBe(3);
    expect(saved.at(-1)).toMatchObject({ after: ids[2], done: 3, asOf: checkpoint.asOf });
  });

  it('runs as a job with progress, and queues segment discovery at the end', async () => {
    const db = h().db;
    await db.execute(
      sql`update shopper_profiles set rfm_segment = null, rfm_r = null where tenant_id = ${ctx.tenantId}`,
    );
    const { job, created } = await enqueueProfileRebuild(db, ctx);
    expect(created).toBe(true);
    expect((await enqueueProfileRebuild(db, ctx)).created).toBe(false); // one at a time
    const runner = new JobRunner(db, FAST);
    runner.start();
    try {
      const done = await waitForStatus(db, ctx.tenantId, job.id, 'succeeded', 'failed');
      expect(done.status).toBe('succeeded');
      expect(done.result).toMatchObject({ shoppers: 3, rfmScored: 3 });
      expect(done.progressDone).toBe(3);
    } finally {
      await runner.stop();
    }
    const segs = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from shopper_profiles
        where tenant_id = ${ctx.tenantId} and rfm_segment is not null`),
    );
    expect(segs[0]?.n).toBe(3);
    const discover = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.tenantId, ctx.tenantId), eq(jobs.type, 'segments.discover')));
    expect(discover.length).toBeGreaterThan(0);
  });
});
