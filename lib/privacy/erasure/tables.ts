/**
 * The tenant tables and the columns that can hold a shopper identifier, read from the database
 * catalogue (information_schema) rather than listed by hand: a table added by a later migration is
 * searched by the post-erasure scan, and erased by its `shopper_id` column, without a code change.
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';

/**
 * Needles shorter than this match whole values only (a short external id like "C1" is a substring
 * of much), and not in columns holding other entities' ids.
 */
export const SUBSTRING_MIN = 8;

/** How a column is searched: by uuid equality, as text, as JSON text, as a text array, or as bytes. */
export type ColumnKind = 'uuid' | 'text' | 'json' | 'text_array' | 'uuid_array' | 'bytes';

export interface ScannableColumn {
  name: string;
  kind: ColumnKind;
  /**
   * The column holds another entity's own identifier (an order's or product's store id, an
   * event's idempotency key, a webhook delivery id): a short shopper id equal to one of those is a
   * coincidence ("42" the customer, "42" the order), not a reference to the shopper.
   */
  otherEntityId: boolean;
}

const OTHER_ENTITY_ID = /(^|_)external_id$|^event_id$|^delivery_id$/;

export interface TenantTable {
  name: string;
  columns: ScannableColumn[];
}

function kindOf(dataType: string, udt: string): ColumnKind | null {
  if (dataType === 'uuid') return 'uuid';
  if (dataType === 'text' || dataType === 'character varying' || dataType === 'character') return 'text';
  if (dataType === 'jsonb' || dataType === 'json') return 'json';
  if (dataType === 'bytea') return 'bytes';
  if (dataType === 'ARRAY') {
    if (udt === '_uuid') return 'uuid_array';
    if (udt === '_text' || udt === '_varchar') return 'text_array';
  }
  return null;
}

/**
 * Every base table of the current schema with a `tenant_id` column, with its searchable columns
 * (uuid, text, json, text/uuid arrays, bytea; `tenant_id` itself excluded), sorted by name.
 * Numbers, dates, booleans and vectors cannot hold an identifier and are left out.
 */
export async function listTenantTables(exec: Executor): Promise<TenantTable[]> {
  const rows = rowsOf<{ table_name: string; column_name: string; data_type: string; udt_name: string }>(
    await exec.execute(sql`
      select c.table_name, c.column_name, c.data_type, c.udt_name
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema()
        and exists (
          select 1 from information_schema.columns k
          where k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = 'tenant_id'
        )
      order by c.table_name, c.ordinal_position`),
  );
  const tables = new Map<string, TenantTable>();
  for (const r of rows) {
    let t = tables.get(r.table_name);
    if (!t) {
      t = { name: r.table_name, columns: [] };
      tables.set(r.table_name, t);
    }
    const kind = kindOf(r.data_type, r.udt_name);
    if (!kind || r.column_name === 'tenant_id') continue;
    const otherEntityId = r.table_name !== 'shoppers' && OTHER_ENTITY_ID.test(r.column_name);
    t.columns.push({ name: r.column_name, kind, otherEntityId });
  }
  return [...tables.values()];
}

/** Tenant tables with a `shopper_id` column (the generic erasure covers them). */
export async function listShopperTables(exec: Executor): Promise<string[]> {
  const tables = await listTenantTables(exec);
  return tables.filter((t) => t.columns.some((c) => c.name === 'shopper_id')).map((t) => t.name);
}

/** A Postgres identifier, double-quoted (catalogue names only, never user input). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
