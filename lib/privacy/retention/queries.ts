import { and, desc, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { retentionRuns } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';

type Tenant = Pick<TenantContext, 'tenantId'>;

/**
 * Tenant-scoped SQL of the retention job. Every delete is bounded (`limit` rows through a keyed
 * sub-select), so one batch is a short transaction and a run over millions of rows stays resumable.
 */

async function count(exec: Executor, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await exec.execute(query));
  return row?.n ?? 0;
}

/** Deletes up to `limit` events that occurred before `cutoff`; returns how many. */
export function deleteOldEvents(exec: Executor, ctx: Tenant, cutoff: Date, limit: number) {
  return count(
    exec,
    sql`with gone as (
      delete from events where tenant_id = ${ctx.tenantId} and event_id in (
        select event_id from events
        where tenant_id = ${ctx.tenantId} and occurred_at < ${cutoff.toISOString()}::timestamptz
        limit ${limit})
      returning 1)
    select count(*)::int as n from gone`,
  );
}

/** Deletes up to `limit` finished job rows (succeeded, failed, cancelled) that ended before `cutoff`. */
export function deleteOldJobs(exec: Executor, ctx: Tenant, cutoff: Date, limit: number) {
  return count(
    exec,
    sql`with gone as (
      delete from jobs where tenant_id = ${ctx.tenantId} and id in (
        select id from jobs
        where tenant_id = ${ctx.tenantId} and status in ('succeeded', 'failed', 'cancelled')
          and finished_at < ${cutoff.toISOString()}::timestamptz
        limit ${limit})
      returning 1)
    select count(*)::int as n from gone`,
  );
}

/** Deletes up to `limit` webhook delivery records received before `cutoff`. */
export function deleteOldWebhookDeliveries(exec: Executor, ctx: Tenant, cutoff: Date, limit: number) {
  return count(
    exec,
    sql`with gone as (
      delete from webhook_deliveries where tenant_id = ${ctx.tenantId} and delivery_id in (
        select delivery_id from webhook_deliveries
        where tenant_id = ${ctx.tenantId} and received_at < ${cutoff.toISOString()}::timestamptz
        limit ${limit})
      returning 1)
    select count(*)::int as n from gone`,
  );
}

/**
 * Deletes up to `limit` import rejection rows of imports that finished (or, unfinished, were
 * created) before `cutoff`: the rejections carry row values from the file, the import row stays.
 */
export function deleteOldImportRejections(exec: Executor, ctx: Tenant, cutoff: Date, limit: number) {
  return count(
    exec,
    sql`with gone as (
      delete from import_rejections r using (
        select x.import_id, x.row_no, x.field from import_rejections x
        join imports i on i.tenant_id = x.tenant_id and i.id = x.import_id
        where x.tenant_id = ${ctx.tenantId}
          and coalesce(i.finished_at, i.created_at) < ${cutoff.toISOString()}::timestamptz
        limit ${limit}) old
      where r.tenant_id = ${ctx.tenantId} and r.import_id = old.import_id
        and r.row_no = old.row_no and r.field = old.field
      returning 1)
    select count(*)::int as n from gone`,
  );
}

/**
 * A shopper's last activity: the latest of their last-seen time, their latest event and their
 * latest order; their creation time when none of those exist.
 */
const lastActivity = sql`greatest(
  s.last_seen_at,
  (select max(e.occurred_at) from events e where e.tenant_id = s.tenant_id and e.shopper_id = s.id),
  (select max(o.placed_at) from orders o where o.tenant_id = s.tenant_id and o.shopper_id = s.id),
  s.created_at)`;

/** Up to `limit` shoppers (by id, after `afterId`) with no activity since `cutoff`. */
export async function listInactiveShopperIds(
  exec: Executor,
  ctx: Tenant,
  cutoff: Date,
  limit: number,
  afterId = '00000000-0000-0000-0000-000000000000',
): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await exec.execute(sql`
      select s.id from shoppers s
      where s.tenant_id = ${ctx.tenantId} and s.id > ${afterId}::uuid
        and ${lastActivity} < ${cutoff.toISOString()}::timestamptz
      order by s.id
      limit ${limit}`),
  );
  return rows.map((r) => r.id);
}

/** What retention status compares with each limit: the oldest row each policy governs. */
export interface OldestRows {
  event: Date | null;
  shopperActivity: Date | null;
  log: Date | null;
}

const asDate = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)));

/** The oldest event, the least recently active shopper and the oldest purgeable log row. */
export async function oldestRows(exec: Executor, ctx: Tenant): Promise<OldestRows> {
  const [row] = rowsOf<{ event: unknown; shopper: unknown; job: unknown; hook: unknown; rej: unknown }>(
    await exec.execute(sql`select
      (select min(occurred_at) from events where tenant_id = ${ctx.tenantId}) as event,
      (select min(${lastActivity}) from shoppers s where s.tenant_id = ${ctx.tenantId}) as shopper,
      (select min(finished_at) from jobs where tenant_id = ${ctx.tenantId}
         and status in ('succeeded', 'failed', 'cancelled')) as job,
      (select min(received_at) from webhook_deliveries where tenant_id = ${ctx.tenantId}) as hook,
      (select min(coalesce(i.finished_at, i.created_at)) from import_rejections x
         join imports i on i.tenant_id = x.tenant_id and i.id = x.import_id
         where x.tenant_id = ${ctx.tenantId}) as rej`),
  );
  const logs = [asDate(row?.job), asDate(row?.hook), asDate(row?.rej)].filter((d): d is Date => d !== null);
  return {
    event: asDate(row?.event),
    shopperActivity: asDate(row?.shopper),
    log: logs.length ? new Date(Math.min(...logs.map((d) => d.getTime()))) : null,
  };
}

export type RetentionRunRow = typeof retentionRuns.$inferSelect;

/** Stores one run's report. */
export async function insertRetentionRun(
  exec: Executor,
  ctx: Tenant,
  run: {
    policy: Record<string, number | null>;
    removed: Record<string, number>;
    trigger: string;
    ranAt: Date;
  },
): Promise<RetentionRunRow> {
  const [row] = await exec
    .insert(retentionRuns)
    .values({ tenantId: ctx.tenantId, ...run })
    .returning();
  if (!row) throw new Error('retention run insert returned no row');
  return row;
}

/** The workspace's latest runs, newest first (at most 50). */
export function listRetentionRuns(exec: Executor, ctx: Tenant, limit = 10): Promise<RetentionRunRow[]> {
  return exec
    .select()
    .from(retentionRuns)
    .where(and(tenantFilter(ctx, retentionRuns)))
    .orderBy(desc(retentionRuns.ranAt))
    .limit(Math.min(Math.max(limit, 1), 50));
}
