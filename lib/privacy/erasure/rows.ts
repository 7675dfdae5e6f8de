/**
 * The table part of an erasure: delete what is only about the shopper, anonymize what the
 * merchant must keep (orders: totals for accounting; request records: proof), and clean rows that
 * merely mention the shopper (job payloads, import reports, webhook receipts). Every statement is
 * filtered by the tenant; the caller runs them in one transaction.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import type { ErasureStep } from '../subject-types';
import { rowMentions } from './scan';
import { type ErasureSubject, textArray } from './subject';
import { SUBSTRING_MIN, type TenantTable, listTenantTables, quoteIdent } from './tables';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** Tables with their own rule below; any other table with a `shopper_id` column is deleted from. */
const SPECIAL = new Set(['orders', 'privacy_requests', 'shoppers', 'identity_links', 'events']);
/** Rows that only mention the shopper in a free-form column, deleted (receipts, rejection lines). */
const DELETE_MENTIONS = ['import_rejections', 'webhook_deliveries'];
/**
 * Rows kept as history with the mentions blanked out of their text and JSON columns (by `id`):
 * job and import records, and data-subject requests (a store's redact webhook names the customer).
 */
const SCRUB_MENTIONS = ['jobs', 'imports', 'privacy_requests'];

async function count(exec: Executor, query: SQL): Promise<number> {
  return (
    rowsOf<{ n: number }>(
      await exec.execute(sql`with x as (${query} returning 1) select count(*)::int as n from x`),
    )[0]?.n ?? 0
  );
}

function step(steps: ErasureStep[], target: string, action: ErasureStep['action'], n: number, note?: string) {
  if (n > 0) steps.push(note ? { target, action, count: n, note } : { target, action, count: n });
}

/**
 * Deletes and anonymizes the subject's rows. Returns one step per table that changed, and whether
 * the subject had any activity (orders, events or scores: then trained models saw them).
 */
export async function eraseRows(
  exec: Executor,
  ctx: Tenant,
  s: ErasureSubject,
): Promise<{ steps: ErasureStep[]; active: boolean }> {
  const t = ctx.tenantId;
  const ids = `{${s.shopperIds.join(',')}}`;
  const anon = textArray(s.anonymousIds);
  const sessions = textArray(s.sessionIds);
  const steps: ErasureStep[] = [];
  const events = await count(
    exec,
    sql`delete from events where tenant_id = ${t} and (shopper_id = any(${ids}::uuid[])
      or (shopper_id is null and (anonymous_id = any(${anon}::text[]) or session_id = any(${sessions}::text[]))))`,
  );
  step(steps, 'events', 'deleted', events);
  const orders = await count(
    exec,
    sql`update orders set shopper_id = null, country = null, updated_at = now()
      where tenant_id = ${t} and shopper_id = any(${ids}::uuid[])`,
  );
  step(
    steps,
    'orders',
    'anonymized',
    orders,
    'Shopper and country removed; totals, currency, status, date and lines kept for accounting.',
  );
  const links = await count(
    exec,
    sql`delete from identity_links where tenant_id = ${t}
      and (shopper_id = any(${ids}::uuid[]) or anonymous_id = any(${anon}::text[]))`,
  );
  step(steps, 'identity_links', 'deleted', links);
  let scores = 0;
  for (const table of await listTenantTables(exec)) {
    if (SPECIAL.has(table.name) || !table.columns.some((c) => c.name === 'shopper_id')) continue;
    const n = await count(
      exec,
      sql`delete from ${sql.raw(quoteIdent(table.name))} where tenant_id = ${t} and shopper_id = any(${ids}::uuid[])`,
    );
    if (table.name === 'shopper_scores') scores = n;
    step(
      steps,
      table.name,
      'deleted',
      n,
      table.name === 'shopper_profiles' ? 'Profile and interest vector.' : undefined,
    );
  }
  const requests = await count(
    exec,
    sql`update privacy_requests set shopper_id = null, updated_at = now()
      where tenant_id = ${t} and shopper_id = any(${ids}::uuid[])`,
  );
  step(
    steps,
    'privacy_requests',
    'anonymized',
    requests,
    'Request kept as proof, linked to the subject by keyed hash only.',
  );
  const shoppers = await count(
    exec,
    sql`delete from shoppers where tenant_id = ${t} and id = any(${ids}::uuid[])`,
  );
  step(
    steps,
    'shoppers',
    'deleted',
    shoppers,
    s.shopperIds.length > 1 ? 'The shopper and the visitor records stitched to it.' : undefined,
  );
  return { steps, active: events + orders + scores > 0 };
}

/** Replaces mentions inside a JSON value (keys too): whole values for short needles, substrings for long ones. */
export function scrubValue(
  value: unknown,
  needles: readonly string[],
  minSubstring = SUBSTRING_MIN,
): unknown {
  const fix = (v: string) => {
    let out = v;
    for (const n of needles) {
      if (out === n) return '';
      if (n.length >= minSubstring) out = out.split(n).join('');
    }
    return out;
  };
  if (typeof value === 'string') return fix(value);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, needles, minSubstring));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [fix(k), scrubValue(v, needles, minSubstring)]),
    );
  }
  return value;
}

async function scrubTable(
  exec: Executor,
  ctx: Tenant,
  table: TenantTable,
  needles: readonly string[],
): Promise<number> {
  const where = rowMentions(table, needles);
  const cols = table.columns.filter((c) => c.kind === 'text' || c.kind === 'json');
  if (!where || cols.length === 0 || !table.columns.some((c) => c.name === 'id')) return 0;
  const name = sql.raw(quoteIdent(table.name));
  const rows = rowsOf<Record<string, unknown>>(
    await exec.execute(sql`select id::text as "__id", ${sql.join(
      cols.map((c) => sql.raw(quoteIdent(c.name))),
      sql`, `,
    )}
      from ${name} where tenant_id = ${ctx.tenantId} and ${where}`),
  );
  for (const row of rows) {
    const sets = cols.map((c) => {
      const v = row[c.name];
      const ident = sql.raw(quoteIdent(c.name));
      if (v === null || v === undefined) return sql`${ident} = ${ident}`;
      // PGlite and node-postgres return parsed JSON; re-serialize the scrubbed value.
      const parsed = c.kind === 'json' && typeof v === 'string' ? JSON.parse(v) : v;
      const clean = scrubValue(parsed, needles);
      return c.kind === 'json'
        ? sql`${ident} = ${JSON.stringify(clean)}::jsonb`
        : sql`${ident} = ${clean as string}`;
    });
    await exec.execute(
      sql`update ${name} set ${sql.join(sets, sql`, `)} where tenant_id = ${ctx.tenantId} and id::text = ${row.__id as string}`,
    );
  }
  return rows.length;
}

/**
 * Cleans rows that mention the subject outside any shopper column: deletes webhook receipts and
 * import rejection lines that name them, blanks the mentions in job and import records (kept as
 * history). Needles are the scan's (ids, external ids, anonymous ids, emails).
 */
export async function eraseMentions(
  exec: Executor,
  ctx: Tenant,
  needles: readonly string[],
): Promise<ErasureStep[]> {
  const steps: ErasureStep[] = [];
  if (needles.length === 0) return steps;
  const tables = new Map((await listTenantTables(exec)).map((t) => [t.name, t]));
  for (const name of DELETE_MENTIONS) {
    const table = tables.get(name);
    const where = table && rowMentions(table, needles);
    if (!where) continue;
    const n = await count(
      exec,
      sql`delete from ${sql.raw(quoteIdent(name))} where tenant_id = ${ctx.tenantId} and ${where}`,
    );
    step(steps, name, 'deleted', n);
  }
  for (const name of SCRUB_MENTIONS) {
    const table = tables.get(name);
    if (!table) continue;
    step(
      steps,
      name,
      'anonymized',
      await scrubTable(exec, ctx, table, needles),
      'Record kept; the shopper’s identifiers removed from it.',
    );
  }
  return steps;
}
