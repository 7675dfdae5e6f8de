import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { UpsertCounts } from './records';

/** Rows per statement: one JSON parameter per chunk, so the statement size stays bounded. */
export const CHUNK_ROWS = 500;

export const zeroCounts = (): UpsertCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

/** Adds `b` into `a` and returns `a`. */
export function addCounts(a: UpsertCounts, b: UpsertCounts): UpsertCounts {
  a.inserted += b.inserted;
  a.updated += b.updated;
  a.unchanged += b.unchanged;
  return a;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Keeps the last record of each key (one statement may not touch a row twice, and the later
 * record is the newer truth), sorted by key: concurrent writers then lock rows in the same
 * order, which keeps two syncs of one workspace from deadlocking each other.
 */
export function lastByKey<T>(records: readonly T[], key: (r: T) => string): T[] {
  const m = new Map<string, T>();
  for (const r of records) m.set(key(r), r);
  return [...m.keys()].sort().map((k) => m.get(k)!);
}

/** How one record field maps to a column, and how an update combines old and new values. */
export interface ColumnSpec<R> {
  key: keyof R & string;
  column: string;
  /** The SQL type for json_to_recordset (`text`, `jsonb`, `text[]`, `bigint`, `timestamptz` …). */
  type: string;
  /** jsonb maps merged into the stored one (translations, attributes) instead of replacing it. */
  update?: 'replace' | 'merge' | 'least';
  /** A value for the JSON parameter (Dates become ISO strings by JSON.stringify). */
  toJson?: (v: unknown) => unknown;
}

export interface UpsertTable {
  /** Table name (a fixed identifier from code, never input). */
  table: string;
  /** The unique key's index predicate, for partial unique indexes. */
  conflictWhere?: string;
  /** Extra columns written with a constant on insert and update (e.g. `kind = 'customer'`). */
  constants?: Record<string, string>;
}

/**
 * Upserts records that all carry the same set of optional fields: an absent field keeps its
 * stored value on update (and takes the column default on insert); `null` clears it. Rows whose
 * values would not change are not rewritten, and are counted as unchanged.
 * Returns the counts and the external ids that were inserted.
 */
export async function upsertSameShape<R extends { externalId: string }>(
  exec: Executor,
  tenantId: string,
  spec: UpsertTable,
  columns: readonly ColumnSpec<R>[],
  records: readonly R[],
): Promise<{ counts: UpsertCounts; insertedIds: string[] }> {
  const counts = zeroCounts();
  const insertedIds: string[] = [];
  if (records.length === 0) return { counts, insertedIds };
  const constants = Object.entries(spec.constants ?? {});
  const names = [...columns.map((c) => c.column), ...constants.map(([c]) => c)];
  const colList = sql.raw(['tenant_id', 'external_id', ...names].join(', '));
  const selectList = sql.raw(
    ['x.external_id', ...columns.map((c) => `x.${c.column}`), ...constants.map(([, v]) => v)].join(', '),
  );
  const recordType = sql.raw(['external_id text', ...columns.map((c) => `${c.column} ${c.type}`)].join(', '));
  const newValue = (c: ColumnSpec<R>) =>
    c.update === 'merge'
      ? `t.${c.column} || excluded.${c.column}`
      : c.update === 'least'
        ? `least(t.${c.column}, excluded.${c.column})`
        : `excluded.${c.column}`;
  const sets = [
    ...columns.map((c) => `${c.column} = ${newValue(c)}`),
    ...constants.map(([c, v]) => `${c} = ${v}`),
  ];
  const before = [...columns.map((c) => `t.${c.column}`), ...constants.map(([c]) => `t.${c}`)];
  const after = [...columns.map(newValue), ...constants.map(([, v]) => v)];
  const conflict = sql.raw(
    `(tenant_id, external_id)${spec.conflictWhere ? ` where ${spec.conflictWhere}` : ''} do update set ${sets.join(', ')}, updated_at = now() where (${before.join(', ')}) is distinct from (${after.join(', ')})`,
  );

  for (const chunk of chunks(records, CHUNK_ROWS)) {
    const payload = JSON.stringify(
      chunk.map((r) => {
        const o: Record<string, unknown> = { external_id: r.externalId };
        for (const c of columns) {
          const v = r[c.key];
          o[c.column] = c.toJson ? c.toJson(v) : v;
        }
        return o;
      }),
    );
    const query: SQL = sql`insert into ${sql.raw(spec.table)} as t (${colList})
      select ${tenantId}::uuid, ${selectList} from json_to_recordset(${payload}::json) as x(${recordType})
      on conflict ${conflict}
      returning t.external_id, (t.xmax = 0) as inserted`;
    const rows = rowsOf<{ external_id: string; inserted: boolean }>(await exec.execute(query));
    let ins = 0;
    for (const row of rows) {
      if (row.inserted) {
        ins++;
        insertedIds.push(row.external_id);
      }
    }
    counts.inserted += ins;
    counts.updated += rows.length - ins;
    counts.unchanged += chunk.length - rows.length;
  }
  return { counts, insertedIds };
}

/** Groups records by which of `optional` fields they define (usually a single group). */
export function groupByShape<R>(records: readonly R[], optional: readonly (keyof R)[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const r of records) {
    let shape = '';
    for (const k of optional) shape += r[k] === undefined ? '0' : '1';
    const list = groups.get(shape);
    if (list) list.push(r);
    else groups.set(shape, [r]);
  }
  return [...groups.values()];
}
