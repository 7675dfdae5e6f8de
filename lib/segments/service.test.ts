// Segments through the services and the create action: validation, unique names, live counts,
// sizes, members, CSV export, permissions, audit and tenant isolation. Both database drivers.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/service';
import { AppError } from '@/lib/errors';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { exportSegmentCsv, listSegmentMembers, sampleSegmentMembers } from './members';
import {
  countSegment,
  createSegment,
  deleteSegment,
  getSegment,
  getSegmentSizes,
  listSegmentChoices,
  listSegments,
  segmentCondition,
  updateSegment,
} from './service';
import { seedShoppers } from './testing/seed';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({
  getSessionUser: async () => session.user,
  requestIp: async () => '127.0.0.1',
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
const { createSegmentAction } = await import('./actions');

const atRiskDe = {
  match: 'all',
  conditions: [
    { field: 'churn', op: 'gt', value: 0.6 },
    { field: 'country', op: 'in', value: ['DE', 'AT'] },
  ],
};

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe.each(testDrivers())('segments (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;
  beforeEach(() => {
    session.user = null;
  });

  it('counts draft rules, creates, updates and deletes with audit entries and a first size', async () => {
    const { ctx } = await createTestTenant(db(), 'seg-crud');
    await seedShoppers(db(), ctx.tenantId, [
      { country: 'DE', churn: 0.8, orders: 2 },
      { country: 'at', churn: 0.7, orders: 1 },
      { country: 'DE', churn: 0.2, orders: 5 },
      { country: 'FR', churn: 0.9, orders: 1 },
      { country: 'DE', profile: false },
    ]);
    expect(await countSegment(db(), ctx, atRiskDe)).toBe(2);
    expect(await countSegment(db(), ctx, JSON.stringify({ ...atRiskDe, match: 'any' }))).toBe(5 - 0);
    expect(await countSegment(db(), ctx, { match: 'all', conditions: [] })).toBe(5);

    const s = await createSegment(db(), ctx, { name: ' At risk DACH ', rules: JSON.stringify(atRiskDe) });
    expect(s).toMatchObject({ name: 'At risk DACH', kind: 'rules', valid: true, description: null });
    expect(await getSegmentSizes(db(), ctx, s.id)).toEqual([
      { day: new Date().toISOString().slice(0, 10), size: 2 },
    ]);
    const list = await listSegments(db(), ctx);
    expect(list.map((x) => [x.name, x.size])).toEqual([['At risk DACH', 2]]);

    const u = await updateSegment(db(), ctx, s.id, {
      name: 'At risk DE',
      description: 'Germany only',
      rules: {
        match: 'all',
        conditions: [atRiskDe.conditions[0], { field: 'country', op: 'eq', value: 'de' }],
      },
    });
    expect(u).toMatchObject({ name: 'At risk DE', description: 'Germany only' });
    const cond = await segmentCondition(db(), ctx, s.id);
    expect(cond).not.toBeNull();
    // The picker reads stored sizes: the rules change stored today's new size (DE only: 1).
    expect(await listSegmentChoices(db(), ctx)).toEqual([
      { id: s.id, name: 'At risk DE', kind: 'rules', size: 1 },
    ]);

    await deleteSegment(db(), ctx, s.id);
    expect(await getSegment(db(), ctx, s.id)).toBeNull();
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.targetId, s.id)));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'segment.created',
      'segment.deleted',
      'segment.updated',
    ]);
  });

  it('reports a taken name and invalid rules as field errors', async () => {
    const { ctx } = await createTestTenant(db(), 'seg-valid');
    await createSegment(db(), ctx, { name: 'Big spenders', rules: { match: 'all', conditions: [] } });
    const taken = await errorOf(
      createSegment(db(), ctx, { name: 'Big spenders', rules: { conditions: [] } }),
    );
    expect(taken.code).toBe('conflict');
    expect(taken.fieldErrors?.name).toEqual(['Another segment already has this name.']);
    const bad = await errorOf(
      createSegment(db(), ctx, { name: 'X', rules: { conditions: [{ field: 'nope', op: 'eq', value: 1 }] } }),
    );
    expect(bad.message).toBe('Condition 1: unknown field “nope”.');
    const empty = await errorOf(createSegment(db(), ctx, { name: '  ', rules: { conditions: [] } }));
    expect(empty.fieldErrors?.name).toEqual(['Give the segment a name.']);
    const notJson = await errorOf(createSegment(db(), ctx, { name: 'Y', rules: '{oops' }));
    expect(notJson.code).toBe('validation_failed');
  });

  it('lets viewers read but not write, and the action returns the id', async () => {
    const { ctx, userId, email } = await createTestTenant(db(), 'seg-perm');
    const viewer = await createTestMember(db(), ctx, 'viewer');
    expect(await listSegments(db(), viewer)).toEqual([]);
    expect((await errorOf(createSegment(db(), viewer, { name: 'V', rules: { conditions: [] } }))).code).toBe(
      'forbidden',
    );
    session.user = { id: userId, email, name: 'Owner' } as SessionUser;
    const fd = new FormData();
    fd.set('tenant', ctx.slug);
    fd.set('name', 'From action');
    fd.set('rules', JSON.stringify(atRiskDe));
    const r = await createSegmentAction(undefined, fd);
    expect(r.ok).toBe(true);
    if (r.ok) expect((await getSegment(db(), ctx, r.data.id))?.name).toBe('From action');
  });

  it('lists members by spend and exports an injection-safe CSV', async () => {
    const { ctx } = await createTestTenant(db(), 'seg-csv');
    await seedShoppers(db(), ctx.tenantId, [
      {
        name: '=HYPERLINK("http://evil")',
        email: 'a@example.test',
        orders: 3,
        monetaryMinor: 30000,
        churn: 0.9,
      },
      { name: 'Plain, "quoted"', email: '+b@example.test', orders: 1, monetaryMinor: 1000, churn: 0.7 },
      { name: 'Low risk', orders: 1, churn: 0.1 },
    ]);
    const s = await createSegment(db(), ctx, {
      name: 'Risky',
      rules: { conditions: [{ field: 'churn', op: 'gte', value: 0.5 }] },
    });
    const page = await listSegmentMembers(db(), ctx, s.id);
    expect(page?.total).toBe(2);
    expect(page?.members.map((m) => m.orders)).toEqual([3, 1]);
    expect(page?.members[0]?.churn).toBeCloseTo(0.9);

    const { stream } = await exportSegmentCsv(db(), ctx, s.id);
    const csv = await text(stream);
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'shopper_id,external_id,name,email,country,kind,orders,monetary_minor,rfm_segment,churn,propensity,clv_minor',
    );
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`"Plain, ""quoted""",'+b@example.test`);
    expect(csv).not.toContain('Low risk');
  });

  it('offers a few members to pick from, most recently seen first', async () => {
    const { ctx } = await createTestTenant(db(), 'seg-pick');
    // lastOrderDaysAgo sets last seen: 9, 2 and 5 days ago; the low-risk one is no member.
    await seedShoppers(db(), ctx.tenantId, [
      { name: 'Nine days', externalId: 'c9', lastOrderDaysAgo: 9, churn: 0.8 },
      { name: 'Two days', externalId: 'c2', lastOrderDaysAgo: 2, churn: 0.7 },
      { name: 'Five days', externalId: 'c5', lastOrderDaysAgo: 5, churn: 0.9 },
      { name: 'Safe', externalId: 'c1', lastOrderDaysAgo: 1, churn: 0.1 },
    ]);
    const s = await createSegment(db(), ctx, {
      name: 'Risky',
      rules: { conditions: [{ field: 'churn', op: 'gte', value: 0.5 }] },
    });
    const sample = await sampleSegmentMembers(db(), ctx, s.id, 2);
    expect(sample?.segment.name).toBe('Risky');
    expect(sample?.members.map((m) => [m.externalId, m.name, m.kind])).toEqual([
      ['c2', 'Two days', 'customer'],
      ['c5', 'Five days', 'customer'],
    ]);
    expect(sample?.members[0]?.lastSeenAt).toBeInstanceOf(Date);
  });

  it('treats another workspace’s segment as not found everywhere', async () => {
    const a = await createTestTenant(db(), 'seg-iso-a');
    const b = await createTestTenant(db(), 'seg-iso-b');
    await seedShoppers(db(), a.ctx.tenantId, [{ churn: 0.9 }]);
    await seedShoppers(db(), b.ctx.tenantId, [{ churn: 0.9 }, { churn: 0.95 }]);
    const s = await createSegment(db(), a.ctx, {
      name: 'Mine',
      rules: { conditions: [{ field: 'churn', op: 'gt', value: 0.5 }] },
    });
    expect(await countSegment(db(), a.ctx, { conditions: [] })).toBe(1);
    expect(await getSegment(db(), b.ctx, s.id)).toBeNull();
    expect(await segmentCondition(db(), b.ctx, s.id)).toBeNull();
    expect(await getSegmentSizes(db(), b.ctx, s.id)).toBeNull();
    expect(await listSegmentMembers(db(), b.ctx, s.id)).toBeNull();
    expect(await sampleSegmentMembers(db(), b.ctx, s.id)).toBeNull();
    expect((await errorOf(exportSegmentCsv(db(), b.ctx, s.id))).code).toBe('not_found');
    expect(
      (await errorOf(updateSegment(db(), b.ctx, s.id, { name: 'Theirs', rules: { conditions: [] } }))).code,
    ).toBe('not_found');
    expect((await errorOf(deleteSegment(db(), b.ctx, s.id))).code).toBe('not_found');
    expect(await listSegments(db(), b.ctx)).toEqual([]);
    expect(await listSegmentChoices(db(), b.ctx)).toEqual([]);
    expect((await getSegment(db(), a.ctx, s.id))?.name).toBe('Mine');
    expect(await getSegment(db(), a.ctx, 'not-a-uuid')).toBeNull();
  });
});
