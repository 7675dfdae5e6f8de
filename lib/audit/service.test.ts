import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { auditLog, tenants } from '@/db/schema';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { listAudit, recordAudit } from './service';

/** The message of an error and of its causes (drivers wrap database errors differently). */
function errorText(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e; cur instanceof Error; cur = cur.cause) parts.push(cur.message);
  return parts.join(' ← ');
}

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return errorText(e);
  }
  throw new Error('expected the statement to fail');
}

describe.each(testDrivers())('audit log (%s)', (driver) => {
  const handle = useTestDatabase(driver);
  const db = () => handle().db;

  it('is append-only: the database itself refuses UPDATE and DELETE', async () => {
    const { ctx } = await createTestTenant(db(), 'append');
    await recordAudit(db(), ctx, { action: 'test.event', details: { n: 1 } });
    const count = async () =>
      rowsOf<{ n: number }>(
        await db().execute(sql`select count(*)::int as n from audit_log where tenant_id = ${ctx.tenantId}`),
      )[0]?.n;
    const before = await count();

    expect(
      await failure(
        db().execute(sql`update audit_log set action = 'tampered' where tenant_id = ${ctx.tenantId}`),
      ),
    ).toMatch(/append-only/);
    expect(
      await failure(db().update(auditLog).set({ details: {} }).where(eq(auditLog.tenantId, ctx.tenantId))),
    ).toMatch(/append-only/);
    expect(await failure(db().execute(sql`delete from audit_log where tenant_id = ${ctx.tenantId}`))).toMatch(
      /append-only/,
    );
    expect(await failure(db().delete(auditLog).where(eq(auditLog.tenantId, ctx.tenantId)))).toMatch(
      /append-only/,
    );

    expect(await count()).toBe(before);
    const entries = await listAudit(db(), ctx);
    expect(entries.some((e) => e.action === 'tampered')).toBe(false);
  });

  it('goes when its whole workspace is deleted', async () => {
    const { ctx } = await createTestTenant(db(), 'gone');
    await recordAudit(db(), ctx, { action: 'test.event' });
    await db().delete(tenants).where(eq(tenants.id, ctx.tenantId));
    const rows = rowsOf<{ n: number }>(
      await db().execute(sql`select count(*)::int as n from audit_log where tenant_id = ${ctx.tenantId}`),
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('pages newest first by id, filters by action and stays inside the tenant', async () => {
    const { ctx } = await createTestTenant(db(), 'page');
    const other = await createTestTenant(db(), 'page-other');
    for (let i = 1; i <= 5; i++)
      await recordAudit(db(), ctx, { action: i % 2 ? 'test.odd' : 'test.even', details: { i } });
    await recordAudit(db(), other.ctx, { action: 'test.odd', details: { i: 99 } });

    const first = await listAudit(db(), ctx, { limit: 2 });
    expect(first.map((e) => e.details.i)).toEqual([5, 4]);
    const second = await listAudit(db(), ctx, { limit: 2, before: first.at(-1)!.id });
    expect(second.map((e) => e.details.i)).toEqual([3, 2]);
    const third = await listAudit(db(), ctx, { limit: 2, before: second.at(-1)!.id });
    expect(third.map((e) => e.action)).toEqual(['test.odd', 'workspace.created']);

    const odd = await listAudit(db(), ctx, { action: 'test.odd' });
    expect(odd.map((e) => e.details.i)).toEqual([5, 3, 1]);
    const oddOlder = await listAudit(db(), ctx, { action: 'test.odd', before: odd[0]!.id });
    expect(oddOlder.map((e) => e.details.i)).toEqual([3, 1]);
    expect((await listAudit(db(), ctx, { limit: 500 })).every((e) => e.tenantId === ctx.tenantId)).toBe(true);
    // Limits are clamped to 1..200.
    expect(await listAudit(db(), ctx, { limit: 0 })).toHaveLength(1);
  });

  it('records who acted and a normalised IP (garbage becomes null)', async () => {
    const { ctx, userId, email } = await createTestTenant(db(), 'ip');
    await recordAudit(
      db(),
      { ...ctx, ip: '::ffff:203.0.113.7' },
      { action: 'test.v4mapped', targetType: 'thing', targetId: 't1' },
    );
    await recordAudit(db(), { ...ctx, ip: '2001:db8::1' }, { action: 'test.v6' });
    await recordAudit(db(), { ...ctx, ip: 'unknown' }, { action: 'test.garbage' });
    const byAction = Object.fromEntries((await listAudit(db(), ctx)).map((e) => [e.action, e]));
    expect(byAction['test.v4mapped']).toMatchObject({
      ip: '203.0.113.7',
      actorUserId: userId,
      actorLabel: email,
      targetType: 'thing',
      targetId: 't1',
    });
    expect(byAction['test.v6']?.ip).toBe('2001:db8::1');
    expect(byAction['test.garbage']?.ip).toBeNull();
  });
});
