import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '@/db/client';

/**
 * How rows are sent:
 * - `copy`: CSV through `COPY … FROM '/dev/blob'` (PGlite only; the fastest by far there);
 * - `json`: one JSON parameter per chunk expanded by `json_populate_recordset` (any Postgres:
 *   one bind value instead of rows × columns);
 * - `values`: drizzle's ordinary multi-row INSERT (slowest; for comparison);
 * - `auto`: `copy` on PGlite, `json` elsewhere.
 */
export type InsertMethod = 'auto' | 'copy' | 'json' | 'values';

interface PgliteClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
  dumpDataDir(): unknown;
}

/** The PGlite instance behind a drizzle database, or null for other drivers. */
function pgliteOf(db: Executor): PgliteClient | null {
  const client = (db as unknown as { $client?: Partial<PgliteClient> }).$client;
  return client && typeof client.query === 'function' && typeof client.dumpDataDir === 'function'
    ? (client as PgliteClient)
    : null;
}

function columnsOf<T extends PgTable>(table: T, sample: object): [string, string][] {
  return Object.entries(getTableColumns(table))
    .filter(([key]) => key in sample)
    .map(([key, c]) => [key, c.name]);
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A value as a CSV field for COPY: empty for NULL, everything else quoted. */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) {
    const items = v.map((x) =>
      x === null ? 'NULL' : `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
    );
    return quote(`{${items.join(',')}}`);
  }
  if (typeof v === 'object') return quote(JSON.stringify(v));
  return quote(String(v));
}

async function copyRows(client: PgliteClient, table: PgTable, rows: readonly object[]): Promise<void> {
  const columns = columnsOf(table, rows[0]!);
  const lines: string[] = [];
  for (const row of rows) {
    const r = row as Record<string, unknown>;
    lines.push(columns.map(([key]) => csvField(r[key])).join(','));
  }
  const names = columns.map(([, name]) => `"${name}"`).join(', ');
  await client.query(`COPY "${getTableName(table)}" (${names}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
    blob: new Blob([`${lines.join('\n')}\n`]),
  });
}

/** Inserts `rows` into `table` in one statement with the given method (see `InsertMethod`). */
export async function insertRows<T extends PgTable>(
  exec: Executor,
  table: T,
  rows: readonly T['$inferInsert'][],
  method: InsertMethod = 'auto',
): Promise<void> {
  if (rows.length === 0) return;
  const pglite = method === 'copy' || method === 'auto' ? pgliteOf(exec) : null;
  if (method === 'copy' && !pglite) throw new Error('COPY from a blob needs PGlite');
  if (pglite) return copyRows(pglite, table, rows as object[]);
  if (method === 'values') {
    await exec.insert(table).values(rows as T['$inferInsert'][]);
    return;
  }
  const columns = columnsOf(table, rows[0] as object);
  const payload = JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, name] of columns) out[name] = (row as Record<string, unknown>)[key];
      return out;
    }),
  );
  const list = sql.join(
    columns.map(([, name]) => sql.identifier(name)),
    sql`, `,
  );
  await exec.execute(
    sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${payload}::json)`,
  );
}

export interface ChunkProgress {
  done: number;
  total: number;
}

/**
 * Inserts `rows` in chunks, each chunk one statement in its own transaction, so a crash leaves
 * whole chunks and nothing half-written within one. Defaults: 5,000 rows per chunk with COPY,
 * 1,000 otherwise.
 */
export async function insertInChunks<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
  opts: { chunkSize?: number; method?: InsertMethod; onChunk?: (p: ChunkProgress) => void } = {},
): Promise<void> {
  const method = opts.method ?? 'auto';
  const copying = method === 'copy' || (method === 'auto' && pgliteOf(db) !== null);
  const chunkSize = opts.chunkSize ?? (copying ? 5000 : 1000);
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    // A single COPY statement is atomic by itself; the other methods get an explicit transaction.
    if (copying) await insertRows(db, table, chunk, method);
    else await db.transaction((tx) => insertRows(tx, table, chunk, method));
    opts.onChunk?.({ done: Math.min(rows.length, start + chunkSize), total: rows.length });
  }
}
