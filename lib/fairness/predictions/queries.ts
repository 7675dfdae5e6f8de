/**
 * Tenant-scoped SQL of the prediction fairness reports (issue 8): the report rows
 * (fairness_reports, subject 'predictions'), shoppers' values of the sensitive attributes, and
 * the group facts (country, first order, an attribute) of the shoppers a list shows.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { fairnessReports } from '@/db/schema';
import type { PredictionKind } from '@/db/schema/shoppers';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type FairnessReportRow = typeof fairnessReports.$inferSelect;

/** Inserts a 'running' report row of `kind`; returns its id. */
export async function insertPredictionReport(
  exec: Executor,
  ctx: Tenant,
  kind: PredictionKind,
  settings: Record<string, unknown>,
  jobId: string | null,
): Promise<string> {
  const [row] = await exec
    .insert(fairnessReports)
    .values({ tenantId: ctx.tenantId, subject: 'predictions', modelKind: kind, settings, jobId })
    .returning({ id: fairnessReports.id });
  if (!row) throw new Error('fairness report insert returned no row');
  return row.id;
}

/** Marks a report ready (with its JSON) or failed (with a message safe to show). */
export async function finishPredictionReport(
  exec: Executor,
  ctx: Tenant,
  id: string,
  result: { report: Record<string, unknown> } | { error: string },
): Promise<void> {
  await exec
    .update(fairnessReports)
    .set(
      'report' in result
        ? { status: 'ready', report: result.report, error: null, computedAt: new Date() }
        : { status: 'failed', error: result.error, computedAt: new Date() },
    )
    .where(and(tenantFilter(ctx, fairnessReports), eq(fairnessReports.id, id)));
}

/** The newest prediction report rows (any status), newest first; `limit` 1..50. */
export function listPredictionReports(exec: Executor, ctx: Tenant, limit = 20): Promise<FairnessReportRow[]> {
  return exec
    .select()
    .from(fairnessReports)
    .where(and(tenantFilter(ctx, fairnessReports), eq(fairnessReports.subject, 'predictions')))
    .orderBy(desc(fairnessReports.createdAt))
    .limit(Math.min(50, Math.max(1, limit)));
}

/** The newest ready prediction report of `kind`, or null. */
export async function getLatestReadyReport(
  exec: Executor,
  ctx: Tenant,
  kind: PredictionKind,
): Promise<FairnessReportRow | null> {
  const [row] = await exec
    .select()
    .from(fairnessReports)
    .where(
      and(
        tenantFilter(ctx, fairnessReports),
        eq(fairnessReports.subject, 'predictions'),
        eq(fairnessReports.modelKind, kind),
        eq(fairnessReports.status, 'ready'),
      ),
    )
    .orderBy(desc(fairnessReports.createdAt))
    .limit(1);
  return row ?? null;
}

/** Each shopper's value of attribute `key` as text (shoppers without it are left out). */
export async function loadAttributeValues(
  exec: Executor,
  ctx: Tenant,
  key: string,
): Promise<Map<string, string | null>> {
  const rows = rowsOf<{ id: string; v: string | null }>(
    await exec.execute(sql`
      select id::text as id, attributes ->> ${key} as v from shoppers
      where tenant_id = ${ctx.tenantId} and attributes ->> ${key} is not null`),
  );
  return new Map(rows.map((r) => [r.id, r.v]));
}

export interface GroupFacts {
  shopperId: string;
  country: string | null;
  /** Epoch ms of the first order, null without any. */
  firstOrderAt: number | null;
  /** The requested attribute's value as text, null when absent or not asked. */
  attribute: string | null;
}

/** Country, first order and (optionally) one attribute of the given shoppers of this workspace. */
export async function loadGroupFacts(
  exec: Executor,
  ctx: Tenant,
  shopperIds: readonly string[],
  attributeKey: string | null,
): Promise<GroupFacts[]> {
  if (!shopperIds.length) return [];
  const ids = `{${shopperIds.map((id) => id.replace(/[^0-9a-f-]/gi, '')).join(',')}}`;
  const rows = rowsOf<{ id: string; country: string | null; first_ms: number | null; attr: string | null }>(
    await exec.execute(sql`
      select s.id::text as id, s.country,
        (select (extract(epoch from min(o.placed_at)) * 1000)::float8 from orders o
          where o.tenant_id = s.tenant_id and o.shopper_id = s.id) as first_ms,
        ${attributeKey === null ? sql`null::text` : sql`s.attributes ->> ${attributeKey}`} as attr
      from shoppers s
      where s.tenant_id = ${ctx.tenantId} and s.id = any(${ids}::uuid[])`),
  );
  return rows.map((r) => ({
    shopperId: r.id,
    country: r.country,
    firstOrderAt: r.first_ms === null ? null : Number(r.first_ms),
    attribute: r.attr,
  }));
}
