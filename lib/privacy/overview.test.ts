import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { privacyRequests, shoppers } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/chain';
import type { TenantContext } from '@/lib/tenant/context';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { getPrivacyOverview, proofSummary } from './overview';
import { runRetention } from './retention/service';
import { updatePrivacySettings } from './settings';

const NOW = new Date('2026-06-01T12:00:00Z');
const days = (d: number) => new Date(NOW.getTime() + d * 86_400_000);

async function seedRequests(db: Db, ctx: TenantContext) {
  const base = {
    tenantId: ctx.tenantId,
    regulation: 'gdpr' as const,
    source: 'dashboard' as const,
    createdBy: 'test',
  };
  await db.insert(privacyRequests).values([
    { ...base, kind: 'access', status: 'received', subjectHash: 'h1', dueAt: days(-2), createdAt: days(-32) },
    { ...base, kind: 'erasure', status: 'verified', subjectHash: 'h2', dueAt: days(3), createdAt: days(-27) },
    { ...base, kind: 'erasure', status: 'in_progress', subjectHash: 'h3', dueAt: days(20) },
    {
      ...base,
      kind: 'erasure',
      status: 'completed',
      subjectHash: 'h4',
      dueAt: days(10),
      completedAt: days(-1),
      updatedAt: days(-1),
      result: {
        steps: [
          { target: 'events', action: 'deleted', count: 10_000 },
          { target: 'orders', action: 'anonymized', count: 3 },
          { target: 'cache:consent', action: 'invalidated', count: 1 },
        ],
        verification: { tablesScanned: 41, remaining: 0, at: NOW.toISOString() },
      },
    },
    {
      ...base,
      kind: 'access',
      status: 'rejected',
      subjectHash: 'h5',
      dueAt: days(5),
      rejectedReason: 'Identity not verified',
      updatedAt: days(-3),
    },
  ]);
}

describe('proofSummary', () => {
  it('summarizes erasure, export, rectification and opt-out proofs', () => {
    expect(
      proofSummary({
        steps: [
          { target: 'events', action: 'deleted', count: 10_000 },
          { target: 'cache:x', action: 'invalidated', count: 1 },
        ],
        verification: { tablesScanned: 41, remaining: 0 },
      }),
    ).toBe('1 tables and artefacts changed, 10,000 rows; scan of 41 tables: 0 left');
    expect(
      proofSummary({
        sections: [
          { name: 'events', rows: 3 },
          { name: 'orders', rows: 2 },
        ],
      }),
    ).toBe('export of 2 sections, 5 rows');
    expect(proofSummary({ fields: [{ field: 'email' }] })).toBe('rectified email');
    expect(proofSummary({ doNotSellOrShare: true })).toBe('opted out of sale and sharing');
    expect(proofSummary({ noSubject: true, note: 'Nothing held.' })).toBe('Nothing held.');
    expect(proofSummary(null)).toBeNull();
  });
});

describe.each(testDrivers())('privacy overview (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('counts open, overdue and due-soon requests and shows the latest runs and verification', async () => {
    const { ctx } = await createTestTenant(db(), 'ov');
    const other = await createTestTenant(db(), 'ov-other');
    await seedRequests(db(), ctx);
    await seedRequests(db(), other.ctx);
    // A shopper still in the legacy clear columns (before the encryption backfill).
    await db().insert(shoppers).values({ tenantId: ctx.tenantId, kind: 'customer', email: 'a@example.test' });
    await updatePrivacySettings(db(), ctx, { rawEventsDays: '30' });
    await runRetention(db(), ctx, { trigger: 'manual', now: NOW });
    const verified = await verifyAuditChain(db(), ctx);

    const o = await getPrivacyOverview(db(), ctx, { now: NOW });
    expect(o.requests).toEqual({
      open: 3,
      overdue: 1,
      dueSoon: 1,
      byKind: { access: 1, erasure: 2, rectification: 0, opt_out: 0 },
      completed30d: 1,
      rejected30d: 1,
    });
    expect(o.recentRequests.map((r) => r.status)).toEqual([
      'received',
      'verified',
      'in_progress',
      'completed',
      'rejected',
    ]);
    expect(o.recentRequests[0]?.overdue).toBe(true);
    expect(o.recentRequests[3]?.proof).toBe(
      '2 tables and artefacts changed, 10,003 rows; scan of 41 tables: 0 left',
    );
    expect(o.recentRequests[4]?.proof).toBe('Rejected: Identity not verified');
    expect(o.retention.map((s) => s.state)).toEqual(['compliant', 'off', 'off']);
    expect(o.lastRetentionRun?.trigger).toBe('manual');
    expect(o.lastVerification).toMatchObject({ ok: true, entries: verified.entries, head: verified.head });
    expect(o.consent.totals.analytics).toEqual({ granted: 0, denied: 0, unknown: 1 });
    expect(o.encryption).toMatchObject({
      shoppersWithPii: 1,
      encrypted: 0,
      clearLegacy: 1,
      currentVersion: 1,
    });
  });

  it('is for roles with privacy.read only', async () => {
    const { ctx } = await createTestTenant(db(), 'ov-perm');
    const analyst = await createTestMember(db(), ctx, 'analyst');
    await expect(getPrivacyOverview(db(), analyst, { now: NOW })).resolves.toMatchObject({
      requests: { open: 0 },
    });
    const marketer = await createTestMember(db(), ctx, 'marketer');
    await expect(getPrivacyOverview(db(), marketer)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
