import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { events } from '@/db/schema';
import { runJobHere } from '@/lib/jobs/run-here';
import { updatePrivacySettings } from '@/lib/privacy/settings';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { enqueueRetention, RETENTION_JOB_TYPE } from './job';
import { listRetentionRuns } from './queries';

describe.each(testDrivers())('retention job (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('runs through the job machinery, reports progress and records the run', async () => {
    const { ctx } = await createTestTenant(db(), 'ret-job');
    await updatePrivacySettings(db(), ctx, { rawEventsDays: '7' });
    const old = new Date(Date.now() - 30 * 86_400_000);
    await db()
      .insert(events)
      .values([
        { tenantId: ctx.tenantId, eventId: 'old', type: 'page_view', occurredAt: old },
        { tenantId: ctx.tenantId, eventId: 'new', type: 'page_view', occurredAt: new Date() },
      ]);
    const queued = await enqueueRetention(db(), ctx, 'manual');
    expect(queued.created).toBe(true);
    expect((await enqueueRetention(db(), ctx, 'manual')).created).toBe(false); // one at a time

    const job = await runJobHere(
      db(),
      RETENTION_JOB_TYPE,
      { tenantId: ctx.tenantId, id: queued.jobId },
      () => {},
    );
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ removed: { events: 1 } });
    expect(job.progressMessage).toBe('Done');
    const [run] = await listRetentionRuns(db(), ctx);
    expect(run).toMatchObject({ trigger: 'manual', removed: { events: 1 } });
    const left = rowsOf<{ id: string }>(
      await db().execute(sql`select event_id as id from events where tenant_id = ${ctx.tenantId}`),
    );
    expect(left.map((r) => r.id)).toEqual(['new']);
  });
});
