// Guard rail (architecture.md, "Tenant isolation"): every tenant-owned table has a non-null
// tenant_id leading its primary key, and row-level security enabled and forced with the
// tenant policy. A new table that forgets any of it fails here, on every driver.
import { is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import * as schema from '@/db/schema';
import { testDrivers, useTestDatabase } from '@/lib/testing/db';
import {
  GLOBAL_TABLES,
  inspectForeignKeys,
  inspectTables,
  tenancyViolations,
} from '@/lib/testing/schema-guards';

const drizzleTables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t));

describe('drizzle schema', () => {
  it('declares tenant_id first in the primary key of every tenant-owned table', () => {
    const problems: string[] = [];
    for (const t of drizzleTables) {
      if (t.name in GLOBAL_TABLES) continue;
      const tenantId = t.columns.find((c) => c.name === 'tenant_id');
      if (!tenantId) problems.push(`${t.name}: no tenant_id column`);
      else if (!tenantId.notNull) problems.push(`${t.name}: tenant_id is nullable`);
      const pk =
        t.primaryKeys[0]?.columns.map((c) => c.name) ?? t.columns.filter((c) => c.primary).map((c) => c.name);
      if (pk[0] !== 'tenant_id')
        problems.push(`${t.name}: primary key (${pk.join(', ')}) does not start with tenant_id`);
    }
    expect(problems).toEqual([]);
  });

  it('allow-lists only tables that exist', () => {
    const names = new Set(drizzleTables.map((t) => t.name));
    expect(Object.keys(GLOBAL_TABLES).filter((n) => !names.has(n))).toEqual([]);
  });
});

describe.each(testDrivers())('tenant tables on %s', (driver) => {
  const handle = useTestDatabase(driver);

  async function appSchema(): Promise<string> {
    const r = rowsOf<{ s: string }>(await handle().db.execute(sql`select current_schema() as s`));
    return r[0]!.s;
  }

  it('has exactly the tables the drizzle schema declares (migrations are generated and applied)', async () => {
    const s = await appSchema();
    const inDb = (await inspectTables(handle().db)).filter((t) => t.schema === s).map((t) => t.name);
    const declared = drizzleTables.filter((t) => (t.schema ?? 'public') === s).map((t) => t.name);
    expect(inDb.sort()).toEqual(declared.sort());
  });

  it('every tenant-owned table has tenant_id leading its key and forced row-level security', async () => {
    const db = handle().db;
    const problems = tenancyViolations(
      await inspectTables(db),
      await inspectForeignKeys(db),
      await appSchema(),
    );
    expect(problems).toEqual([]);
  });

  it('the guard catches a table without tenant_id, a key without it, and missing RLS', async () => {
    const db = handle().db;
    const s = await appSchema();
    // Probe tables, created and dropped here; the database is this file's own throw-away copy.
    await db.execute(sql`create table guard_probe_no_tenant (id uuid primary key)`);
    await db.execute(sql`create table guard_probe_bad_key (id uuid primary key, tenant_id uuid not null)`);
    await db.execute(
      sql`create table guard_probe_parent (tenant_id uuid not null, id uuid, primary key (tenant_id, id), unique (id))`,
    );
    await db.execute(sql`select tailor_enable_tenant_rls('guard_probe_parent'::regclass)`);
    await db.execute(sql`
      create table guard_probe_child (tenant_id uuid not null, id uuid, parent_id uuid references guard_probe_parent (id),
        primary key (tenant_id, id))`);
    await db.execute(sql`select tailor_enable_tenant_rls('guard_probe_child'::regclass)`);
    try {
      const problems = tenancyViolations(await inspectTables(db), await inspectForeignKeys(db), s).join('\n');
      expect(problems).toContain('guard_probe_no_tenant: no tenant_id column');
      expect(problems).toContain('guard_probe_no_tenant: row-level security is not enabled');
      expect(problems).toContain('guard_probe_bad_key: primary key (id) does not start with tenant_id');
      expect(problems).toContain('guard_probe_bad_key: row-level security is not forced');
      expect(problems).toMatch(/guard_probe_child: foreign key .* must include tenant_id/);
      expect(problems).not.toMatch(/^guard_probe_parent:/m);
    } finally {
      await db.execute(
        sql`drop table guard_probe_child, guard_probe_parent, guard_probe_bad_key, guard_probe_no_tenant`,
      );
    }
  });
});
