// A/B experiments through the services and the create action on the database: validation of the
// arms, the stored plan, start/stop transitions, the report from 'exp:<id>' counters, permissions
// and tenant isolation.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/service';
import { AppError } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { planExperiment } from './plan';
import {
  createExperiment,
  getExperimentReport,
  listExperiments,
  startExperiment,
  stopExperiment,
} from './service';
import { insertTestCampaign, insertTestCounters, insertTestCreative } from './testing/seed';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requestIp: async () => '127.0.0.1',
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { createExperimentAction } = await import('./actions');

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe.each(testDrivers())('ad experiments (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  let owner: Awaited<ReturnType<typeof createTestTenant>>;
  let other: TenantContext;
  let campaignId: string;
  const c: Record<string, string> = {};
  const input = () => ({
    campaignId,
    name: 'Hero copy',
    creativeIds: [c.a, c.b],
    metric: 'click',
    baselineRate: '0.05',
    minDetectableLift: '0.2',
  });

  beforeAll(async () => {
    owner = await createTestTenant(db(), 'exp');
    other = (await createTestTenant(db(), 'other')).ctx;
    campaignId = await insertTestCampaign(db(), owner.ctx);
    const ctx = owner.ctx;
    c.a = await insertTestCreative(db(), ctx, campaignId, { headline: 'Fresh spring looks' });
    c.b = await insertTestCreative(db(), ctx, campaignId, { headline: 'New season, new you' });
    c.c = await insertTestCreative(db(), ctx, campaignId, { headline: 'Spring picks' });
    c.candidate = await insertTestCreative(db(), ctx, campaignId, { headline: 'Draft', status: 'candidate' });
    c.rsa = await insertTestCreative(db(), ctx, campaignId, { headline: 'Search ad', channel: 'google-rsa' });
    c.de = await insertTestCreative(db(), ctx, campaignId, { headline: 'Frühling', locale: 'de' });
  });

  it('validates the arms with clear messages', async () => {
    const ctx = owner.ctx;
    const one = await errorOf(createExperiment(db(), ctx, { ...input(), creativeIds: c.a }));
    expect(one.fieldErrors?.creativeIds?.[0]).toMatch(/control and at least one variant/);
    const cases: [string, RegExp][] = [
      [c.candidate!, /Only approved creatives/],
      [c.rsa!, /banner/],
      [c.de!, /same segment and locale/],
    ];
    for (const [id, message] of cases) {
      const e = await errorOf(createExperiment(db(), ctx, { ...input(), creativeIds: [c.a, id] }));
      expect(e.code).toBe('validation_failed');
      expect(e.message).toMatch(message);
    }
    const lift = await errorOf(createExperiment(db(), ctx, { ...input(), minDetectableLift: 'abc' }));
    expect(lift.fieldErrors?.minDetectableLift?.[0]).toMatch(/must be a number/);
    // Another workspace's campaign and creatives do not exist for this one.
    const foreign = await insertTestCampaign(db(), other, 'Theirs');
    expect((await errorOf(createExperiment(db(), ctx, { ...input(), campaignId: foreign }))).code).toBe(
      'not_found',
    );
    const theirs = await insertTestCreative(db(), other, foreign, { headline: 'Theirs' });
    expect(
      (await errorOf(createExperiment(db(), ctx, { ...input(), creativeIds: [c.a, theirs] }))).message,
    ).toMatch(/belong to this campaign/);
  });

  it('creates, starts and stops an experiment with its plan, audit entries and isolation', async () => {
    const ctx = owner.ctx;
    const e = await createExperiment(db(), ctx, input());
    expect(e.status).toBe('draft');
    expect(e.creativeIds).toEqual([c.a, c.b]);
    expect(e.plan.perArm).toBe(planExperiment({ baselineRate: 0.05, minDetectableLift: 0.2 }).perArm);
    expect((await listExperiments(db(), ctx, campaignId)).map((x) => x.id)).toContain(e.id);

    expect(await listExperiments(db(), other, campaignId)).toEqual([]);
    expect(await getExperimentReport(db(), other, e.id)).toBeNull();
    expect((await errorOf(startExperiment(db(), other, e.id))).code).toBe('not_found');
    expect((await errorOf(stopExperiment(db(), other, e.id))).code).toBe('not_found');

    const running = await startExperiment(db(), ctx, e.id);
    expect(running.status).toBe('running');
    expect(running.startedAt).toBeInstanceOf(Date);
    expect((await errorOf(startExperiment(db(), ctx, e.id))).code).toBe('conflict');
    const overlap = await createExperiment(db(), ctx, {
      ...input(),
      name: 'Overlap',
      creativeIds: [c.b, c.c],
    });
    expect((await errorOf(startExperiment(db(), ctx, overlap.id))).message).toMatch(
      /already in the running experiment "Hero copy"/,
    );

    const stopped = await stopExperiment(db(), ctx, e.id);
    expect(stopped.status).toBe('stopped');
    expect((await errorOf(stopExperiment(db(), ctx, e.id))).code).toBe('conflict');
    expect((await startExperiment(db(), ctx, overlap.id)).status).toBe('running');

    const actions = (await db().select().from(auditLog).where(eq(auditLog.targetId, e.id)))
      .map((r) => r.action)
      .sort();
    expect(actions).toEqual(['ad_experiment.created', 'ad_experiment.started', 'ad_experiment.stopped']);
  });

  it('reports from the experiment counters', async () => {
    const ctx = owner.ctx;
    const e = await createExperiment(db(), ctx, {
      ...input(),
      name: 'Report',
      creativeIds: [c.a, c.c],
      minDetectableLift: '0.5',
    });
    await insertTestCounters(db(), ctx, campaignId, c.a!, `exp:${e.id}`, { impressions: 3000, clicks: 60 });
    await insertTestCounters(db(), ctx, campaignId, c.c!, `exp:${e.id}`, { impressions: 3100, clicks: 124 });
    // Bandit traffic of the same creative is not the experiment's.
    await insertTestCounters(db(), ctx, campaignId, c.a!, '', { impressions: 99_999, clicks: 0 });
    const report = await getExperimentReport(db(), ctx, e.id);
    expect(report).not.toBeNull();
    const [control, variant] = report!.analysis.arms;
    expect(control).toMatchObject({ creativeId: c.a, impressions: 3000, successes: 60, isControl: true });
    expect(variant).toMatchObject({ creativeId: c.c, impressions: 3100, successes: 124, label: 'B' });
    expect(variant!.probabilityBeatsControl).toBeGreaterThan(0.99);
    expect(report!.labels[c.c!]).toBe('Spring picks');
    expect(report!.experiment.smallestArm).toBe(3000);
    expect(report!.analysis.recommendation).toMatch(/^B is better than the control/);
    expect(await getExperimentReport(db(), ctx, 'not-a-uuid')).toBeNull();
    const listed = (await listExperiments(db(), ctx, campaignId)).find((x) => x.id === e.id);
    expect(listed?.smallestArm).toBe(3000);
  });

  it('needs ads.manage to write and data.read to read', async () => {
    const viewer = await createTestMember(db(), owner.ctx, 'viewer');
    expect((await errorOf(createExperiment(db(), viewer, input()))).code).toBe('forbidden');
    expect(Array.isArray(await listExperiments(db(), viewer, campaignId))).toBe(true);
  });

  it('creates through the action from form fields', async () => {
    session.user = { id: owner.userId, email: owner.email, name: 'Owner' } as SessionUser;
    const fd = new FormData();
    fd.set('tenant', owner.slug);
    fd.set('campaignId', campaignId);
    fd.set('name', 'From the form');
    fd.append('creativeIds', c.a!);
    fd.append('creativeIds', c.b!);
    fd.set('metric', 'conversion');
    fd.set('baselineRate', '0.02');
    fd.set('minDetectableLift', '0.3');
    fd.set('alpha', '0.05');
    fd.set('power', '0.8');
    const r = await createExperimentAction(undefined, fd);
    expect(r).toMatchObject({ ok: true, data: { status: 'draft' } });
    fd.set('name', '');
    const bad = await createExperimentAction(undefined, fd);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.name?.[0]).toMatch(/name/);
  });
});
