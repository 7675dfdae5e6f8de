/**
 * Test helpers of the erasure proof, written independently of the erasure code: a scan of every
 * column of every table, per-shopper row counts, and the workspace's financial totals.
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { deserializeArtefact } from '@/lib/recommend/train/artefact';
import type { ModelArtefact } from '@/lib/recommend/train/model-artefact';
import type { SeededShopper } from './testing';

/** Every identifier of a seeded shopper, as the independent scan searches them. */
export const needlesOf = (s: SeededShopper) => [
  s.id,
  s.visitorId,
  s.externalId,
  s.anonymousId,
  s.sessionId,
  s.email,
  s.name,
];

/**
 * Written independently of the erasure code: every column of every table of the schema (tenant
 * tables restricted to the workspace, others entirely), cast to text and searched for each
 * needle; stored recommendation artefacts decoded (their bytes are deflated) and their ids checked.
 */
export async function independentScan(
  exec: Executor,
  tenantId: string,
  needles: string[],
): Promise<string[]> {
  const cols = rowsOf<{ t: string; c: string }>(
    await exec.execute(sql`select c.table_name as t, c.column_name as c from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema()`),
  );
  const tenantTables = new Set(cols.filter((x) => x.c === 'tenant_id').map((x) => x.t));
  const found: string[] = [];
  for (const t of new Set(cols.map((x) => x.t))) {
    const scope = tenantTables.has(t) ? sql`tenant_id = ${tenantId}::uuid` : sql`true`;
    const probes = cols.filter((x) => x.t === t).flatMap(({ c }) => needles.map((n) => ({ c, n })));
    const counts = probes.map(
      ({ c, n }, i) =>
        sql`count(*) filter (where position(${n}::text in ${sql.raw(`"${c}"`)}::text) > 0)::int as ${sql.raw(`p${i}`)}`,
    );
    const [row] = rowsOf<Record<string, number>>(
      await exec.execute(sql`select ${sql.join(counts, sql`, `)} from ${sql.raw(`"${t}"`)} where ${scope}`),
    );
    probes.forEach(({ c, n }, i) => {
      if (Number(row?.[`p${i}`]) > 0) found.push(`${t}.${c} ∋ ${n}`);
    });
  }
  const models = rowsOf<{ artefact: Uint8Array | null }>(
    await exec.execute(
      sql`select artefact from recommend_models where tenant_id = ${tenantId}::uuid and artefact is not null`,
    ),
  );
  for (const m of models) {
    const a = deserializeArtefact<ModelArtefact>(new Uint8Array(m.artefact!));
    for (const n of needles) if (a.shopperIds.includes(n)) found.push(`recommend_models.artefact ∋ ${n}`);
  }
  return found;
}

/** The `n` column of a one-row count query. */
export async function count(exec: Executor, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number }>(await exec.execute(query))[0]?.n ?? 0);
}

/** Row counts of everything about a shopper, to compare before and after another shopper's erasure. */
export async function footprint(exec: Executor, tenantId: string, s: SeededShopper) {
  const q = (table: string, col = 'shopper_id') =>
    count(
      exec,
      sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId}::uuid and ${sql.raw(col)} = ${s.id}::uuid`,
    );
  return {
    shoppers: await q('shoppers', 'id'),
    events: await q('events'),
    orders: await q('orders'),
    profiles: await q('shopper_profiles'),
    scores: await q('shopper_scores'),
    consentRecords: await q('consent_records'),
    consentState: await q('consent_state'),
    links: await q('identity_links'),
    requests: await q('privacy_requests'),
    mentions: (await independentScan(exec, tenantId, [s.externalId, s.email])).length,
  };
}

/** Sum of the workspace's order totals (minor units): must not change with an erasure. */
export const orderTotals = (exec: Executor, tenantId: string) =>
  count(
    exec,
    sql`select coalesce(sum(total_minor), 0)::int as n from orders where tenant_id = ${tenantId}::uuid`,
  );
/** Sum of the workspace's order lines (quantity × unit price, minor units). */
export const lineTotals = (exec: Executor, tenantId: string) =>
  count(
    exec,
    sql`select coalesce(sum(quantity * unit_price_minor), 0)::int as n from order_lines where tenant_id = ${tenantId}::uuid`,
  );
