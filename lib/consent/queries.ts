/**
 * Tenant-scoped SQL for consent: the append-only history (`consent_records`), the latest state
 * per shopper and purpose (`consent_state`), and the aggregates behind the consent page.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { type ConsentSource, consentRecords, consentState, type PrivacyPurpose } from '@/db/schema';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import type { ConsentDecisions } from './policy';

type Tenant = Pick<TenantContext, 'tenantId'>;
export type ConsentStateRow = typeof consentState.$inferSelect;
export type ConsentRecordRow = typeof consentRecords.$inferSelect;

export interface ConsentChange {
  shopperId: string;
  purpose: PrivacyPurpose;
  granted: boolean;
}

/**
 * One statement for a whole batch: upserts `consent_state` where the decision differs from the
 * stored one (or, with `explicitVersion`, where the policy version differs) and appends exactly
 * those changes to `consent_records`. Shoppers of another tenant are ignored. Concurrent callers
 * with the same decision serialize on the state row, and the second one changes nothing.
 * Returns the changes written.
 */
export async function writeConsentChanges(
  exec: Executor,
  ctx: Tenant,
  items: readonly { shopperId: string; decisions: ConsentDecisions }[],
  meta: { source: ConsentSource; policyVersion: string; at: Date; explicitVersion: boolean },
): Promise<ConsentChange[]> {
  const input = items.flatMap(({ shopperId, decisions }) =>
    Object.entries(decisions).flatMap(([p, g]) => (g === undefined ? [] : [{ s: shopperId, p, g }])),
  );
  if (input.length === 0) return [];
  // Key order for the upsert, so two concurrent batches lock shared rows in the same order.
  input.sort((a, b) => (a.s + a.p < b.s + b.p ? -1 : a.s + a.p > b.s + b.p ? 1 : 0));
  const at = meta.at.toISOString();
  const r = await exec.execute(sql`
    with input as (
      select x.s, x.p, x.g from json_to_recordset(${JSON.stringify(input)}::json) as x(s uuid, p text, g boolean)
      where exists (select 1 from shoppers sh where sh.tenant_id = ${ctx.tenantId}::uuid and sh.id = x.s)
    ),
    up as (
      insert into consent_state (tenant_id, shopper_id, purpose, granted, source, policy_version, updated_at)
      select ${ctx.tenantId}::uuid, s, p, g, ${meta.source}, ${meta.policyVersion}, ${at}::timestamptz from input
      on conflict (tenant_id, shopper_id, purpose) do update
        set granted = excluded.granted, source = excluded.source,
            policy_version = excluded.policy_version, updated_at = excluded.updated_at
        where consent_state.granted is distinct from excluded.granted
          or (${meta.explicitVersion} and consent_state.policy_version is distinct from excluded.policy_version)
      returning shopper_id, purpose, granted
    )
    insert into consent_records (tenant_id, shopper_id, purpose, granted, source, policy_version, recorded_at)
    select ${ctx.tenantId}::uuid, shopper_id, purpose, granted, ${meta.source}, ${meta.policyVersion}, ${at}::timestamptz
    from up
    returning shopper_id::text as "shopperId", purpose, granted`);
  return rowsOf<ConsentChange>(r);
}

/** A shopper's current decisions (one row per purpose with a decision). */
export async function listConsentState(
  exec: Executor,
  ctx: Tenant,
  shopperId: string,
): Promise<ConsentStateRow[]> {
  return exec
    .select()
    .from(consentState)
    .where(and(tenantFilter(ctx, consentState), eq(consentState.shopperId, shopperId)))
    .orderBy(consentState.purpose);
}

/** A shopper's consent history, newest first, at most `limit` rows. */
export async function listConsentHistory(
  exec: Executor,
  ctx: Tenant,
  shopperId: string,
  limit: number,
): Promise<ConsentRecordRow[]> {
  return exec
    .select()
    .from(consentRecords)
    .where(and(tenantFilter(ctx, consentRecords), eq(consentRecords.shopperId, shopperId)))
    .orderBy(desc(consentRecords.recordedAt), desc(consentRecords.id))
    .limit(limit);
}

/** Every stored decision of the tenant (for the in-memory enforcement cache). */
export async function listTenantConsentState(
  exec: Executor,
  ctx: Tenant,
): Promise<{ shopperId: string; purpose: PrivacyPurpose; granted: boolean }[]> {
  return exec
    .select({
      shopperId: consentState.shopperId,
      purpose: consentState.purpose,
      granted: consentState.granted,
    })
    .from(consentState)
    .where(tenantFilter(ctx, consentState));
}

/** Decisions recorded per UTC day and purpose since `since`: how many, how many granted. */
export async function countDecisionsByDay(
  exec: Executor,
  ctx: Tenant,
  since: Date,
): Promise<{ day: string; purpose: PrivacyPurpose; granted: number; total: number }[]> {
  const r = await exec.execute(sql`
    select to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD') as day, purpose,
      count(*) filter (where granted)::int as granted, count(*)::int as total
    from consent_records
    where tenant_id = ${ctx.tenantId}::uuid and recorded_at >= ${since.toISOString()}::timestamptz
    group by 1, 2 order by 1, 2`);
  return rowsOf<{ day: string; purpose: PrivacyPurpose; granted: number; total: number }>(r).map((x) => ({
    ...x,
    granted: Number(x.granted),
    total: Number(x.total),
  }));
}

/** Current decisions per purpose and source: how many shoppers granted, how many denied. */
export async function countStateBySource(
  exec: Executor,
  ctx: Tenant,
): Promise<{ purpose: PrivacyPurpose; source: ConsentSource; granted: number; denied: number }[]> {
  const r = await exec.execute(sql`
    select purpose, source, count(*) filter (where granted)::int as granted,
      count(*) filter (where not granted)::int as denied
    from consent_state where tenant_id = ${ctx.tenantId}::uuid
    group by 1, 2 order by 1, 2`);
  return rowsOf<{ purpose: PrivacyPurpose; source: ConsentSource; granted: number; denied: number }>(r).map(
    (x) => ({ ...x, granted: Number(x.granted), denied: Number(x.denied) }),
  );
}

/** How many shoppers the tenant has (the base of "unknown" consent). */
export async function countShoppers(exec: Executor, ctx: Tenant): Promise<number> {
  const r = await exec.execute(
    sql`select count(*)::int as n from shoppers where tenant_id = ${ctx.tenantId}::uuid`,
  );
  return Number(rowsOf<{ n: number }>(r)[0]?.n ?? 0);
}

/** A shopper of the tenant by id, the store's customer id, or an anonymous id; null when none. */
export async function findShopperId(
  exec: Executor,
  ctx: Tenant,
  by: { id?: string; customerId?: string; anonymousId?: string },
): Promise<string | null> {
  const t = ctx.tenantId;
  const cond = by.id
    ? sql`id = ${by.id}::uuid`
    : by.customerId
      ? sql`external_id = ${by.customerId}`
      : by.anonymousId
        ? sql`(anonymous_id = ${by.anonymousId} or id = (select shopper_id from identity_links
            where tenant_id = ${t}::uuid and anonymous_id = ${by.anonymousId}))`
        : sql`false`;
  const r =
    await exec.execute(sql`select id::text as id from shoppers where tenant_id = ${t}::uuid and ${cond}
    order by (kind = 'customer') desc limit 1`);
  return rowsOf<{ id: string }>(r)[0]?.id ?? null;
}
