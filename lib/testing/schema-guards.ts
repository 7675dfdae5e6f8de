import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';

/**
 * Tables that hold no tenant data, each with the reason. Adding a table here is a design
 * decision: a table that belongs to one workspace needs `tenant_id` instead.
 */
export const GLOBAL_TABLES: Readonly<Record<string, string>> = {
  users: 'a person signs in once and may belong to several workspaces',
  tenants: 'the workspace registry itself; its id is the tenant id',
};

/** Schemas owned by libraries, not by our migrations. */
export const LIBRARY_SCHEMAS: Readonly<Record<string, string>> = {
  drizzle: "drizzle's migration bookkeeping (__drizzle_migrations)",
  pgboss: 'pg-boss queue internals; job payloads carry tenant_id',
};

export interface TableFacts {
  schema: string;
  name: string;
  tenantIdNullable: boolean | null; // null: no tenant_id column
  primaryKey: string[];
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  policies: { name: string; qual: string }[];
}

export interface ForeignKeyFacts {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

/** Reads the facts the tenancy guards check from the catalog of the connected database. */
export async function inspectTables(db: Executor): Promise<TableFacts[]> {
  const tables = rowsOf<{ schema: string; name: string; rls: boolean; force: boolean }>(
    await db.execute(sql`
      select n.nspname as schema, c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as force
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p')
        and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
      order by 1, 2`),
  );
  const tenantCols = rowsOf<{ schema: string; name: string; is_nullable: string }>(
    await db.execute(sql`
      select table_schema as schema, table_name as name, is_nullable
      from information_schema.columns where column_name = 'tenant_id'`),
  );
  const pkCols = rowsOf<{ schema: string; name: string; col: string; ord: number }>(
    await db.execute(sql`
      select n.nspname as schema, c.relname as name, a.attname::text as col, k.ord::int as ord
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary
      order by 1, 2, 4`),
  );
  const policies = rowsOf<{ schema: string; name: string; policy: string; qual: string | null }>(
    await db.execute(sql`
      select schemaname as schema, tablename as name, policyname as policy, qual from pg_policies`),
  );
  const key = (r: { schema: string; name: string }) => `${r.schema}.${r.name}`;
  return tables.map((t) => ({
    schema: t.schema,
    name: t.name,
    tenantIdNullable: (() => {
      const c = tenantCols.find((r) => key(r) === key(t));
      return c ? c.is_nullable === 'YES' : null;
    })(),
    primaryKey: pkCols.filter((r) => key(r) === key(t)).map((r) => r.col),
    rowSecurity: Boolean(t.rls),
    forceRowSecurity: Boolean(t.force),
    policies: policies.filter((r) => key(r) === key(t)).map((r) => ({ name: r.policy, qual: r.qual ?? '' })),
  }));
}

/** Foreign keys between tables of the current schema, with their column lists in order. */
export async function inspectForeignKeys(db: Executor): Promise<ForeignKeyFacts[]> {
  const rows = rowsOf<{ name: string; table: string; ref_table: string; cols: string; ref_cols: string }>(
    await db.execute(sql`
      select con.conname::text as name, c.relname::text as table, f.relname::text as ref_table,
        (select string_agg(a.attname, ',' order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as cols,
        (select string_agg(a.attname, ',' order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
          join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_cols
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_class f on f.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where con.contype = 'f' and n.nspname = current_schema()`),
  );
  return rows.map((r) => ({
    name: r.name,
    table: r.table,
    columns: r.cols.split(','),
    refTable: r.ref_table,
    refColumns: r.ref_cols.split(','),
  }));
}

/**
 * Every way the catalog breaks the tenancy rules (architecture.md), as readable messages;
 * empty when all is well. `appSchema` is where our migrations create tables.
 */
export function tenancyViolations(tables: TableFacts[], fks: ForeignKeyFacts[], appSchema: string): string[] {
  const problems: string[] = [];
  const tenantTables = new Set<string>();
  for (const t of tables) {
    if (t.schema !== appSchema) {
      if (!(t.schema in LIBRARY_SCHEMAS)) {
        problems.push(
          `${t.schema}.${t.name}: table in unexpected schema "${t.schema}" (add it to LIBRARY_SCHEMAS?)`,
        );
      }
      continue;
    }
    if (t.name in GLOBAL_TABLES) continue;
    tenantTables.add(t.name);
    const where = `${t.name}`;
    if (t.tenantIdNullable === null)
      problems.push(`${where}: no tenant_id column (tenant-owned tables need one)`);
    else if (t.tenantIdNullable) problems.push(`${where}: tenant_id is nullable`);
    if (t.primaryKey.length === 0) problems.push(`${where}: no primary key`);
    else if (t.primaryKey[0] !== 'tenant_id') {
      problems.push(`${where}: primary key (${t.primaryKey.join(', ')}) does not start with tenant_id`);
    }
    if (!t.rowSecurity)
      problems.push(`${where}: row-level security is not enabled (call tailor_enable_tenant_rls)`);
    if (!t.forceRowSecurity) problems.push(`${where}: row-level security is not forced`);
    const policy = t.policies.find((p) => p.qual.includes('tenant_id') && p.qual.includes('app.tenant_id'));
    if (!policy) problems.push(`${where}: no policy comparing tenant_id with app.tenant_id`);
  }
  for (const fk of fks) {
    if (!tenantTables.has(fk.table) || !tenantTables.has(fk.refTable)) continue;
    const i = fk.columns.indexOf('tenant_id');
    if (i < 0 || fk.refColumns[i] !== 'tenant_id') {
      problems.push(
        `${fk.table}: foreign key ${fk.name} (${fk.columns.join(', ')}) → ${fk.refTable} (${fk.refColumns.join(', ')}) ` +
          'must include tenant_id on both sides, or a row could point into another tenant',
      );
    }
  }
  return problems;
}
