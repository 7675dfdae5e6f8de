/**
 * The post-erasure proof: every tenant table and every column that can hold an identifier is
 * searched for the shopper's identifiers, independently of what the erasure chose to delete, so a
 * forgotten table (or one added later) shows up as a hit instead of silently keeping data.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { yieldToEventLoop } from '@/lib/compute/yield';
import type { TenantContext } from '@/lib/tenant/context';
import { scanModelArtefacts } from './artefacts';
import {
  SUBSTRING_MIN,
  type ScannableColumn,
  type TenantTable,
  listTenantTables,
  quoteIdent,
} from './tables';

export { SUBSTRING_MIN };

/**
 * Tables of the team, not of shoppers: an email or name there is a team member's (actor labels,
 * invitations) — a merchant who also shops in their own store. Ids still count there (shoppers
 * are referred to by pseudonym in the audit log, never by id).
 */
const STAFF_TABLES = new Set(['audit_log', 'invitations']);

export interface ScanHit {
  table: string;
  column: string;
  rows: number;
}

export interface ScanOptions {
  /**
   * The subject's names: searched, but not counted in `shoppers` (once the subject's row is gone,
   * a remaining shopper with the same name is a namesake) nor in the team's tables.
   */
  names?: readonly string[];
  /** The subject's emails: searched, but not counted in the team's tables (see STAFF_TABLES). */
  emails?: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The SQL condition "this column mentions this needle", or null when the column cannot hold it. */
function mentions(column: ScannableColumn, needle: string): SQL | null {
  const c = sql.raw(quoteIdent(column.name));
  const long = needle.length >= SUBSTRING_MIN;
  if (!long && column.otherEntityId) return null;
  // Inside JSON text a string appears escaped; without the quotes for substring search.
  const jsonQuoted = JSON.stringify(needle);
  switch (column.kind) {
    case 'uuid':
      return UUID.test(needle) ? sql`${c} = ${needle.toLowerCase()}::uuid` : null;
    case 'uuid_array':
      return UUID.test(needle) ? sql`${needle.toLowerCase()}::uuid = any(${c})` : null;
    case 'text':
      return long ? sql`position(${needle}::text in ${c}) > 0` : sql`${c} = ${needle}::text`;
    case 'json':
      return sql`position(${long ? jsonQuoted.slice(1, -1) : jsonQuoted}::text in ${c}::text) > 0`;
    case 'text_array':
      return long
        ? sql`position(${needle}::text in array_to_string(${c}, chr(31))) > 0`
        : sql`${needle}::text = any(${c})`;
    case 'bytes':
      return sql`position(convert_to(${needle}::text, 'UTF8') in ${c}) > 0`;
  }
}

function anyOf(conds: SQL[]): SQL | null {
  if (conds.length === 0) return null;
  return sql`(${sql.join(conds, sql` or `)})`;
}

/** "This column mentions one of the needles", or null when none can appear in it. */
export function columnMentions(column: ScannableColumn, needles: readonly string[]): SQL | null {
  return anyOf(needles.flatMap((n) => mentions(column, n) ?? []));
}

/** "Some column of this row mentions one of the needles", or null when no column can. */
export function rowMentions(table: TenantTable, needles: readonly string[]): SQL | null {
  return anyOf(table.columns.flatMap((c) => columnMentions(c, needles) ?? []));
}

/**
 * Searches every tenant table of the workspace for the needles (ids, external ids, anonymous ids,
 * emails, names; blanks ignored). uuid columns match uuid-shaped needles exactly; text, JSON and
 * text arrays match needles of SUBSTRING_MIN+ characters anywhere and shorter ones as whole values;
 * bytea by raw bytes; trained recommendation models are decoded and their ids searched too.
 * Returns the number of tables searched and the hits (columns with at least one matching row).
 */
export async function scanTenant(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  needles: readonly string[],
  opts: ScanOptions = {},
): Promise<{ tablesScanned: number; hits: ScanHit[] }> {
  const names = new Set((opts.names ?? []).filter((n) => n.trim() !== ''));
  const emails = new Set((opts.emails ?? []).filter((n) => n.trim() !== ''));
  const all = [...new Set([...needles, ...names, ...emails].filter((n) => n.trim() !== ''))];
  const tables = await listTenantTables(exec);
  const hits: ScanHit[] = [];
  if (all.length === 0) return { tablesScanned: tables.length, hits };
  for (const table of tables) {
    const staff = STAFF_TABLES.has(table.name);
    const counted = all.filter(
      (n) => !((staff || table.name === 'shoppers') && names.has(n)) && !(staff && emails.has(n)),
    );
    const probes: { column: string; cond: SQL }[] = [];
    for (const column of table.columns) {
      const cond = columnMentions(column, counted);
      if (cond) probes.push({ column: column.name, cond });
    }
    if (probes.length === 0) continue;
    // A turn of the event loop per table: in the embedded setup each statement runs on the
    // server's thread, and the whole scan in one go held storefront requests for seconds.
    await yieldToEventLoop();
    const selects = probes.map((p, i) => sql`count(*) filter (where ${p.cond})::int as ${sql.raw(`c${i}`)}`);
    const [row] = rowsOf<Record<string, number>>(
      await exec.execute(
        sql`select ${sql.join(selects, sql`, `)} from ${sql.raw(quoteIdent(table.name))} where tenant_id = ${ctx.tenantId}::uuid`,
      ),
    );
    probes.forEach((p, i) => {
      const rows = Number(row?.[`c${i}`] ?? 0);
      if (rows > 0) hits.push({ table: table.name, column: p.column, rows });
    });
  }
  const inModels = await scanModelArtefacts(exec, ctx, all);
  if (inModels > 0) hits.push({ table: 'recommend_models', column: 'artefact (decoded)', rows: inModels });
  return { tablesScanned: tables.length, hits };
}

/**
 * Where the workspace still holds any of these identifiers: one entry per table and column with
 * matching rows (empty when nothing is left). See `scanTenant` for how each column type matches.
 */
export async function scanForShopper(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  needles: readonly string[],
  opts: ScanOptions = {},
): Promise<ScanHit[]> {
  return (await scanTenant(exec, ctx, needles, opts)).hits;
}
