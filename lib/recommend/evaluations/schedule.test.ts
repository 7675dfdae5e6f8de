// The weekly evaluation: queued for workspaces with data only, and one run per workspace with the
// dashboard's "Run evaluation" (same dedupe key).
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, jobSchedules, jobs } from '@/db/schema';
import { listSchedules, runDueSchedules } from '@/lib/jobs/schedule';
import { trainableTenants } from '@/lib/recommend/train/trainable-tenants';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { EVALUATE_JOB_TYPE, EVALUATE_SCHEDULE_NAME } from './constants';
import './job';
import { startEvaluation } from './start';

describe.each(testDrivers())('weekly evaluation schedule (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('is weekly, queues an evaluation only where there is data, and a click then returns that run', async () => {
    expect(listSchedules().find((s) => s.name === EVALUATE_SCHEDULE_NAME)).toMatchObject({
      type: EVALUATE_JOB_TYPE,
      intervalSeconds: 7 * 86_400,
    });
    const withData = await createTestTenant(db(), 'eval-week-a');
    const empty = await createTestTenant(db(), 'eval-week-b');
    await db()
      .insert(events)
      .values({ tenantId: withData.ctx.tenantId, eventId: 'e1', type: 'view', occurredAt: new Date() });
    await trainableTenants.refresh();

    await runDueSchedules(db());
    await db()
      .update(jobSchedules)
      .set({ nextRunAt: sql`now() - interval '1 minute'` })
      .where(eq(jobSchedules.name, EVALUATE_SCHEDULE_NAME));
    await runDueSchedules(db());
    const queued = (tenantId: string) =>
      db()
        .select()
        .from(jobs)
        .where(and(eq(jobs.tenantId, tenantId), eq(jobs.type, EVALUATE_JOB_TYPE)));
    const [weekly, ...more] = await queued(withData.ctx.tenantId);
    expect(more).toHaveLength(0);
    expect(weekly?.payload).toEqual({ protocols: ['all', 'new-items'] });
    expect(await queued(empty.ctx.tenantId)).toHaveLength(0);

    const click = await startEvaluation(db(), withData.ctx, {});
    expect(click).toMatchObject({ jobId: weekly!.id, created: false });
  });
});
