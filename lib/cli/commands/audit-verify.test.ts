import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '@/lib/audit/service';
import { getEnv } from '@/lib/env';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import type { CliContext } from '../command';
import { auditVerify } from './audit-verify';

describe.each(testDrivers())('tailor audit verify (%s)', (driver) => {
  const handle = useTestDatabase(driver);

  function context() {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      stderr: process.stderr,
      env: getEnv(),
      debug: false,
      db: async () => handle().db,
    };
    return { ctx, out, err };
  }

  it('exits 0 on an intact chain and 1 once an entry was changed', async () => {
    const db = handle().db;
    const { ctx: owner, slug } = await createTestTenant(db, 'cli-audit');
    for (let i = 0; i < 3; i++) await recordAudit(db, owner, { action: 'test.cli', details: { i } });

    const good = context();
    expect(await auditVerify.run(good.ctx, { workspace: slug })).toBe(0);
    expect(good.out.join('\n')).toMatch(/audit chain intact — 4 entries, head [0-9a-f]{64}/);

    await db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await db.execute(
      sql`update audit_log set actor_label = 'someone else' where tenant_id = ${owner.tenantId} and action = 'test.cli' and details->>'i' = '1'`,
    );
    await db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);

    const bad = context();
    expect(await auditVerify.run(bad.ctx, { workspace: slug, json: true })).toBe(1);
    const body = JSON.parse(bad.out.join('\n')) as { ok: boolean; entries: number; firstBadId: string };
    expect(body).toMatchObject({ ok: false, entries: 2 });
    expect(body.firstBadId).toMatch(/^\d+$/);
  });

  it('fails with a clear message for an unknown workspace', async () => {
    const c = context();
    await expect(auditVerify.run(c.ctx, { workspace: 'no-such-shop' })).rejects.toThrow(
      'Workspace not found: no-such-shop',
    );
  });
});
