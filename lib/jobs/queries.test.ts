import { describe, expect, it } from 'vitest';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { jobs } from '@/db/schema';
import { enqueueJob } from './enqueue';
import { countActiveJobs, getJob, listJobs, requestCancelJob, requeueJob } from './queries';
import { defineJob } from './registry';
import { cancelJob, retryJob } from './service';
import { readJob } from './testing/wait';

const noop = defineJob({ type: 'test.noop', run: async () => ({}) });

describe.each(testDrivers())('job queries and tenant isolation (%s)', (driver) => {
  const h = useTestDatabase(driver);

  it('lists a tenant’s own jobs, newest first, filtered by status', async () => {
    const db = h().db;
    const a = await createTestTenant(db);
    const b = await createTestTenant(db);
    const first = await enqueueJob(db, a.ctx, noop, { n: 1 });
    const second = await enqueueJob(db, a.ctx, noop, { n: 2 });
    await db
      .insert(jobs)
      .values({ tenantId: a.ctx.tenantId, type: 'test.noop', status: 'failed', error: 'x' });
    await enqueueJob(db, b.ctx, noop, { n: 3 });

    const all = await listJobs(db, a.ctx);
    expect(all).toHaveLength(3);
    expect(all.every((j) => j.tenantId === a.ctx.tenantId)).toBe(true);
    const queued = await listJobs(db, a.ctx, { status: 'queued' });
    expect(queued.map((j) => j.id)).toEqual([second.job.id, first.job.id]);
    expect(await listJobs(db, a.ctx, { status: ['failed'] })).toHaveLength(1);
    expect(await listJobs(db, a.ctx, { status: [] })).toEqual([]);
    expect(await listJobs(db, a.ctx, { limit: 1 })).toHaveLength(1);
    expect(await countActiveJobs(db, a.ctx)).toBe(2);
    expect(await countActiveJobs(db, b.ctx)).toBe(1);
  });

  it('treats another tenant’s job as not found, in reads and writes alike', async () => {
    const db = h().db;
    const a = await createTestTenant(db);
    const b = await createTestTenant(db);
    const mine = await enqueueJob(db, a.ctx, noop, {});
    const failed = await db
      .insert(jobs)
      .values({ tenantId: a.ctx.tenantId, type: 'test.noop', status: 'failed', error: 'x', attempts: 3 })
      .returning();
    const failedId = failed[0]!.id;

    expect(await getJob(db, a.ctx, mine.job.id)).not.toBeNull();
    expect(await getJob(db, b.ctx, mine.job.id)).toBeNull();
    expect(await getJob(db, b.ctx, 'not-a-uuid')).toBeNull();
    expect(await requestCancelJob(db, b.ctx, mine.job.id)).toBeNull();
    expect(await requeueJob(db, b.ctx, failedId)).toBeNull();
    await expect(cancelJob(db, b.ctx, { id: mine.job.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(retryJob(db, b.ctx, { id: failedId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(cancelJob(db, b.ctx, { id: 'nope' })).rejects.toMatchObject({ code: 'validation_failed' });

    // Nothing changed for the owner.
    expect(await readJob(db, a.ctx.tenantId, mine.job.id)).toMatchObject({
      status: 'queued',
      cancelRequested: false,
    });
    expect(await readJob(db, a.ctx.tenantId, failedId)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('retries a failed job with fresh attempts, and refuses jobs that are not failed or cancelled', async () => {
    const db = h().db;
    const a = await createTestTenant(db);
    const [failed] = await db
      .insert(jobs)
      .values({
        tenantId: a.ctx.tenantId,
        type: 'test.noop',
        status: 'failed',
        error: 'x',
        attempts: 3,
        checkpoint: { next: 7 },
        finishedAt: new Date(),
      })
      .returning();
    const retried = await retryJob(db, a.ctx, { id: failed!.id });
    expect(retried).toMatchObject({
      status: 'queued',
      attempts: 0,
      error: null,
      finishedAt: null,
      checkpoint: { next: 7 },
    });
    await expect(retryJob(db, a.ctx, { id: failed!.id })).rejects.toMatchObject({ code: 'conflict' });

    // A retried job whose dedupe key is now held by another active job is refused, not duplicated.
    const active = await enqueueJob(db, a.ctx, noop, {}, { dedupeKey: 'import:1' });
    const [old] = await db
      .insert(jobs)
      .values({ tenantId: a.ctx.tenantId, type: 'test.noop', status: 'cancelled', dedupeKey: 'import:1' })
      .returning();
    await expect(retryJob(db, a.ctx, { id: old!.id })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readJob(db, a.ctx.tenantId, active.job.id)).toMatchObject({ status: 'queued' });
  });
});
