import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { auditLog, shoppers } from '@/db/schema';
import { TEST_KEY_V1, setTestEncryptionKeys } from '@/lib/connectors/testing/keys';
import { upsertShoppers } from '@/lib/ingest/upsert-catalog';
import { JobRunner } from '@/lib/jobs/runner';
import { waitForStatus } from '@/lib/jobs/testing/wait';
import { listShopperRows } from '@/lib/profiles/queries';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import { encryptionCoverage, getEncryptionStatus } from './encryption-status';
import { invalidateTenantKeys } from './keys';
import { lookupHash } from './pii';
import { getShopperPiiByExternalId } from './pii-shoppers';
import { reencryptShoppers } from './reencrypt';
import { REENCRYPT_JOB_TYPE, enqueueEncryptionBackfillIfNeeded, rotateFieldKey } from './reencrypt-job';

describe.each(testDrivers())('shopper encryption, rotation and backfill (%s)', (driver) => {
  const h = useTestDatabase(driver);
  beforeEach(() => {
    setTestEncryptionKeys(TEST_KEY_V1);
    invalidateTenantKeys();
  });
  afterAll(() => setTestEncryptionKeys(null));

  const stored = async (tenantId: string) =>
    h().db.select().from(shoppers).where(eq(shoppers.tenantId, tenantId)).orderBy(shoppers.externalId);

  it('upserts store email and name only sealed, find by email hash, and leave unchanged rows alone', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'enc-up');
    const records = [
      { externalId: 'c1', email: 'Ann@Example.com', name: 'Ann Archer', country: 'DE' },
      { externalId: 'c2', email: 'bob@example.com', name: null },
    ];
    expect(await upsertShoppers(db, ctx, records)).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const rows = await stored(ctx.tenantId);
    expect(rows.every((r) => r.email === null && r.name === null && r.piiKeyVersion === 1)).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/ann|bob/i);
    expect(rows[0]!.emailHash).toBe(await lookupHash(db, ctx.tenantId, 'ann@example.com'));
    expect(await getShopperPiiByExternalId(db, ctx.tenantId, 'c1')).toEqual({
      email: 'Ann@Example.com',
      name: 'Ann Archer',
    });
    // Same values again: nothing rewritten, even though ciphertexts are random.
    expect(await upsertShoppers(db, ctx, records)).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    // Only the name changes: updated, email kept.
    expect(await upsertShoppers(db, ctx, [{ externalId: 'c1', name: 'Ann B. Archer' }])).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(await getShopperPiiByExternalId(db, ctx.tenantId, 'c1')).toEqual({
      email: 'Ann@Example.com',
      name: 'Ann B. Archer',
    });
    // The list finds a shopper by exact email (any case), masked for a viewer, clear for the owner.
    const viewer = await createTestMember(db, ctx, 'viewer');
    const opts = { sort: 'name' as const, dir: 'asc' as const, limit: 10, offset: 0 };
    const forOwner = await listShopperRows(db, ctx, { q: 'ANN@example.com' }, opts);
    expect(forOwner.rows.map((r) => [r.email, r.name])).toEqual([['Ann@Example.com', 'Ann B. Archer']]);
    const forViewer = await listShopperRows(db, viewer, { q: 'ann@example.com' }, opts);
    expect(forViewer.rows.map((r) => [r.email, r.name])).toEqual([['A•••@Example.com', 'A. A•••']]);
  });

  it('rotates the key, re-encrypts and backfills legacy rows to 100 %, in its own workspace only', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'enc-rot');
    const other = await createTestTenant(db, 'enc-other');
    await upsertShoppers(db, ctx, [{ externalId: 's1', email: 'sealed@example.com', name: 'Sea Led' }]);
    await db.insert(shoppers).values([
      {
        tenantId: ctx.tenantId,
        kind: 'customer',
        externalId: 'l1',
        email: 'legacy@example.com',
        name: 'Leg Acy',
      },
      { tenantId: ctx.tenantId, kind: 'customer', externalId: 'l2', email: null, name: 'Only Name' },
      { tenantId: other.ctx.tenantId, kind: 'customer', externalId: 'o1', email: 'other@example.com' },
    ]);
    const before = await encryptionCoverage(db, ctx);
    expect(before).toMatchObject({
      shoppersWithPii: 3,
      encrypted: 1,
      clearLegacy: 2,
      staleVersion: 0,
      currentVersion: 1,
    });

    const analyst = await createTestMember(db, ctx, 'analyst');
    await expect(rotateFieldKey(db, analyst)).rejects.toMatchObject({ code: 'forbidden' });
    const rotated = await rotateFieldKey(db, ctx);
    expect(rotated.version).toBe(2);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, ctx.tenantId), eq(auditLog.action, 'privacy.key_rotated')));
    expect(audit?.details).toMatchObject({ purpose: 'fields', version: 2, jobId: rotated.jobId });
    expect(await encryptionCoverage(db, ctx)).toMatchObject({
      encrypted: 0,
      clearLegacy: 2,
      staleVersion: 1,
    });

    // Batches of one, interrupted in the second (which rolls back), then resumed from the checkpoint
    // the first committed: every row is done exactly once.
    let checkpoint: { afterId: string | null; done: number } | undefined;
    await expect(
      reencryptShoppers(db, ctx.tenantId, {
        batchSize: 1,
        onBatch: (p) => {
          if (p.done === 2) throw new Error('stop');
          checkpoint = { afterId: p.afterId, done: p.done };
        },
      }),
    ).rejects.toThrow('stop');
    expect(checkpoint?.done).toBe(1);
    expect(await encryptionCoverage(db, ctx)).toMatchObject({ encrypted: 1 });
    const r = await reencryptShoppers(db, ctx.tenantId, { batchSize: 1, resume: checkpoint });
    expect(r).toMatchObject({ version: 2, remaining: 0, rows: 3 });

    const after = await encryptionCoverage(db, ctx);
    expect(after).toMatchObject({
      shoppersWithPii: 3,
      encrypted: 3,
      clearLegacy: 0,
      staleVersion: 0,
      currentVersion: 2,
    });
    expect(await getShopperPiiByExternalId(db, ctx.tenantId, 'l1')).toEqual({
      email: 'legacy@example.com',
      name: 'Leg Acy',
    });
    expect(await getShopperPiiByExternalId(db, ctx.tenantId, 's1')).toEqual({
      email: 'sealed@example.com',
      name: 'Sea Led',
    });
    const rows = await stored(ctx.tenantId);
    expect(rows.every((x) => x.email === null && x.name === null && x.piiKeyVersion === 2)).toBe(true);
    expect(rows.find((x) => x.externalId === 'l1')!.emailHash).toBe(
      await lookupHash(db, ctx.tenantId, 'legacy@example.com'),
    );
    // The other workspace is untouched.
    const [o1] = await stored(other.ctx.tenantId);
    expect(o1).toMatchObject({ email: 'other@example.com', emailEnc: null });

    const status = await getEncryptionStatus(db, ctx);
    expect(status.versions.map((v) => [v.version, v.rows, v.retiredAt === null])).toEqual([
      [2, 3, true],
      [1, 0, false],
    ]);
    expect(status.job?.id).toBe(rotated.jobId);
  });

  it('runs as the privacy.reencrypt job, queued at start for workspaces with clear rows', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db, 'enc-job');
    await db.insert(shoppers).values(
      Array.from({ length: 25 }, (_, i) => ({
        tenantId: ctx.tenantId,
        kind: 'customer',
        externalId: `j${i}`,
        email: `j${i}@example.com`,
        name: `J ${i}`,
      })),
    );
    expect(await enqueueEncryptionBackfillIfNeeded(db)).toBeGreaterThanOrEqual(1);
    const runner = new JobRunner(db, { pollMs: 20, scheduleMs: 0 });
    runner.start();
    try {
      const [job] = rowsOf<{ id: string }>(
        await db.execute(
          sql`select id from jobs where tenant_id = ${ctx.tenantId} and type = ${REENCRYPT_JOB_TYPE}`,
        ),
      );
      const done = await waitForStatus(db, ctx.tenantId, job!.id, 'succeeded', 'failed');
      expect(done.status).toBe('succeeded');
      expect(done.result).toMatchObject({ rows: 25, remaining: 0 });
    } finally {
      await runner.stop();
    }
    expect(await encryptionCoverage(db, ctx)).toMatchObject({ encrypted: 25, clearLegacy: 0 });
  });
});
