// "Run evaluation" as the UI calls it, through the real action wrapper; only Next's request APIs are stubbed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listJobs } from '@/lib/jobs/queries';
import type { SessionUser } from '@/lib/auth/service';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { EVALUATE_JOB_TYPE } from './job';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requestIp: async () => '127.0.0.1',
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const { runEvaluationAction } = await import('./actions');

function form(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe.each(testDrivers())('runEvaluationAction (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  beforeEach(() => {
    session.user = null;
  });

  it('queues one evaluation for two clicks, with the cutoff from the form', async () => {
    const owner = await createTestTenant(db(), 'eval-act');
    session.user = { id: owner.userId, email: owner.email, name: 'Owner' };
    const first = await runEvaluationAction(null, form({ tenant: owner.slug, cutoff: '2024-03-01' }));
    const again = await runEvaluationAction(null, form({ tenant: owner.slug, cutoff: '' }));
    expect(first).toMatchObject({ ok: true, data: { created: true, status: 'queued' } });
    expect(again).toMatchObject({ ok: true, data: { created: false } });
    if (!first.ok || !again.ok) return;
    expect(again.data.jobId).toBe(first.data.jobId);
    const jobs = await listJobs(db(), owner.ctx, { type: EVALUATE_JOB_TYPE });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toEqual({ cutoff: '2024-03-01T00:00:00.000Z', protocols: ['all', 'new-items'] });

    const bad = await runEvaluationAction(null, form({ tenant: owner.slug, cutoff: '1 March' }));
    expect(bad).toMatchObject({
      ok: false,
      code: 'validation_failed',
      fieldErrors: { cutoff: expect.any(Array) },
    });
  });

  it('refuses a viewer and a stranger, and queues nothing', async () => {
    const owner = await createTestTenant(db(), 'eval-act-v');
    const viewer = await createTestMember(db(), owner.ctx, 'viewer');
    const member = await db().query.users.findFirst({ where: (u, { eq }) => eq(u.id, viewer.userId) });
    session.user = { id: viewer.userId, email: member!.email, name: 'Viewer' };
    expect(await runEvaluationAction(null, form({ tenant: owner.slug }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const stranger = await createTestTenant(db(), 'eval-act-s');
    session.user = { id: stranger.userId, email: stranger.email, name: 'Stranger' };
    const probe = await runEvaluationAction(null, form({ tenant: owner.slug }));
    expect(probe.ok).toBe(false);
    expect(await listJobs(db(), owner.ctx, { type: EVALUATE_JOB_TYPE })).toEqual([]);
  });
});
