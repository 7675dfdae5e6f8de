import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestMember, createTestTenant } from '@/lib/testing/fixtures';
import type { TenantContext } from '@/lib/tenant/context';
import { lastVerification, verifyAuditChain } from './chain';
import { listAudit, recordAudit } from './service';

describe.each(testDrivers())('audit chain (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  async function seed(label: string, n: number) {
    const t = await createTestTenant(db(), label);
    for (let i = 0; i < n; i++) await recordAudit(db(), t.ctx, { action: 'test.entry', details: { i } });
    return t;
  }

  async function entryIds(ctx: TenantContext): Promise<string[]> {
    return rowsOf<{ id: string }>(
      await db().execute(
        sql`select id::text as id from audit_log where tenant_id = ${ctx.tenantId} order by audit_log.id`,
      ),
    ).map((r) => r.id);
  }

  /** Tampering as the database owner would: behind the append-only trigger. */
  async function behindTheTrigger(statement: ReturnType<typeof sql>) {
    await db().execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    try {
      await db().execute(statement);
    } finally {
      await db().execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    }
  }

  it('verifies an intact chain, reports the head, and records the run', async () => {
    const { ctx } = await seed('chain-ok', 5);
    const progress: number[] = [];
    const r = await verifyAuditChain(db(), ctx, { onProgress: (done) => progress.push(done) });
    const ids = await entryIds(ctx);
    expect(r.ok).toBe(true);
    expect(r.entries).toBe(ids.length - 1); // the run's own audit.verified entry comes after
    expect(r.firstBadId).toBeUndefined();
    const [headRow] = rowsOf<{ hash: string }>(
      await db().execute(
        sql`select hash from audit_log where tenant_id = ${ctx.tenantId} and id = ${ids.at(-2)}::bigint`,
      ),
    );
    expect(r.head).toBe(headRow?.hash);
    expect(r.head).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.at(-1)).toBe(r.entries);

    const recorded = await lastVerification(db(), ctx);
    expect(recorded).toMatchObject({ ok: true, entries: r.entries, actor: ctx.actorLabel });
    const [entry] = await listAudit(db(), ctx, { limit: 1 });
    expect(entry).toMatchObject({ action: 'audit.verified', details: { ok: true, head: r.head } });
    // The next run covers the verification entry too, and still verifies.
    expect((await verifyAuditChain(db(), ctx)).ok).toBe(true);
  });

  it('detects an entry changed behind the trigger and names it', async () => {
    const { ctx } = await seed('chain-edit', 6);
    const ids = await entryIds(ctx);
    const target = ids[3]!;
    await behindTheTrigger(
      sql`update audit_log set details = '{"i": 999}'::jsonb where tenant_id = ${ctx.tenantId} and id = ${target}::bigint`,
    );
    const r = await verifyAuditChain(db(), ctx);
    expect(r.ok).toBe(false);
    expect(r.firstBadId).toBe(target);
    expect(r.entries).toBe(3);
    expect(r.reason).toMatch(/changed after it was written/);
    expect(await lastVerification(db(), ctx)).toMatchObject({ ok: false, firstBadId: target });
  });

  it('detects a deleted entry at the entry after the gap', async () => {
    const { ctx } = await seed('chain-del', 6);
    const ids = await entryIds(ctx);
    await behindTheTrigger(
      sql`delete from audit_log where tenant_id = ${ctx.tenantId} and id = ${ids[2]!}::bigint`,
    );
    const r = await verifyAuditChain(db(), ctx);
    expect(r.ok).toBe(false);
    expect(r.firstBadId).toBe(ids[3]);
    expect(r.reason).toMatch(/previous entry does not match/);
  });

  it('detects a rewritten hash (recomputing one entry does not fit its successor)', async () => {
    const { ctx } = await seed('chain-rehash', 4);
    const ids = await entryIds(ctx);
    await behindTheTrigger(sql`
      update audit_log a set details = '{"i": -1}'::jsonb where tenant_id = ${ctx.tenantId} and id = ${ids[1]!}::bigint`);
    await behindTheTrigger(sql`
      update audit_log a set hash = encode(sha256(convert_to(a.prev_hash || tailor_audit_canonical(a), 'UTF8')), 'hex')
      where tenant_id = ${ctx.tenantId} and id = ${ids[1]!}::bigint`);
    const r = await verifyAuditChain(db(), ctx);
    expect(r.ok).toBe(false);
    expect(r.firstBadId).toBe(ids[2]);
  });

  it('detects entries cut off the end after an intact verification', async () => {
    const { ctx } = await seed('chain-cut', 4);
    expect((await verifyAuditChain(db(), ctx)).ok).toBe(true);
    const ids = await entryIds(ctx);
    await behindTheTrigger(
      sql`delete from audit_log where tenant_id = ${ctx.tenantId} and id >= ${ids.at(-3)!}::bigint`,
    );
    const r = await verifyAuditChain(db(), ctx);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/removed from its end/);
  });

  it('stays intact under concurrent writers in separate transactions', async () => {
    const { ctx } = await seed('chain-conc', 1);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db().transaction((tx) => recordAudit(tx, ctx, { action: 'test.concurrent', details: { i } })),
      ),
    );
    const r = await verifyAuditChain(db(), ctx);
    expect(r.ok).toBe(true);
    expect(r.entries).toBe((await entryIds(ctx)).length - 1);
    expect(r.entries).toBeGreaterThanOrEqual(41);
  });

  it("keeps each workspace's chain independent", async () => {
    const a = await seed('chain-a', 3);
    const b = await seed('chain-b', 3);
    const idsA = await entryIds(a.ctx);
    await behindTheTrigger(
      sql`update audit_log set details = '{}'::jsonb where tenant_id = ${a.ctx.tenantId} and id = ${idsA[1]!}::bigint`,
    );
    expect((await verifyAuditChain(db(), a.ctx)).ok).toBe(false);
    const rb = await verifyAuditChain(db(), b.ctx);
    expect(rb.ok).toBe(true);
    const [first] = rowsOf<{ prev_hash: string }>(
      await db().execute(
        sql`select prev_hash from audit_log where tenant_id = ${b.ctx.tenantId} order by id limit 1`,
      ),
    );
    expect(first?.prev_hash).toBe('');
    expect(await lastVerification(db(), b.ctx)).toMatchObject({ ok: true });
  });

  it('refuses roles without audit.read', async () => {
    const { ctx } = await seed('chain-perm', 1);
    const viewer = await createTestMember(db(), ctx, 'viewer');
    await expect(verifyAuditChain(db(), viewer)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
