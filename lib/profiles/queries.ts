import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { RfmSegment } from '@/db/schema';
import { lookupHash, piiClearFor, shopperPii } from '@/lib/privacy/pii';
import type { TenantContext } from '@/lib/tenant/context';
import type { ProfileDetails } from './types';

/**
 * Tenant-scoped reads for the Shoppers pages: `shoppers s left join shopper_profiles p`, always
 * with `s.tenant_id = ctx.tenantId`; scores through subselects on `shopper_scores`.
 */
type Ctx = Pick<TenantContext, 'tenantId'> & Partial<TenantContext>;

export const SHOPPER_SORTS = [
  'recency',
  'orders',
  'monetary',
  'churn',
  'propensity',
  'clv',
  'lastSeen',
  'name',
] as const;
export type ShopperSort = (typeof SHOPPER_SORTS)[number];

const score = (kind: string) =>
  sql.raw(
    `(select x.score from shopper_scores x where x.tenant_id = s.tenant_id and x.shopper_id = s.id and x.kind = '${kind}')`,
  );

/** The expression each sort key orders by. Recency sorts by the last order's time. */
const SORT_SQL: Record<ShopperSort, SQL> = {
  recency: sql.raw('p.last_order_at'),
  orders: sql.raw('coalesce(p.orders, 0)'),
  monetary: sql.raw('coalesce(p.monetary_minor, 0)'),
  churn: score('churn'),
  propensity: score('propensity'),
  clv: score('clv'),
  lastSeen: sql.raw('coalesce(s.last_seen_at, p.last_event_at)'),
  name: sql.raw("lower(coalesce(s.name, s.email, s.external_id, ''))"),
};

export interface ShopperFilter {
  q?: string;
  kind?: 'customer' | 'visitor';
  country?: string;
  /** The segment's condition (lib/segments), already resolved for this workspace. */
  segment?: SQL;
}

export interface ShopperListRow {
  id: string;
  kind: string;
  name: string | null;
  email: string | null;
  externalId: string | null;
  country: string | null;
  lastSeenAt: Date | null;
  orders: number;
  monetaryMinor: number;
  lastOrderAt: Date | null;
  rfmSegment: RfmSegment | null;
  churn: number | null;
  propensity: number | null;
  clv: number | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Email and name are encrypted: an email is found by its keyed hash (exact match only); the
// clear-column matches only still find rows the encryption backfill has not reached.
function whereOf(ctx: Ctx, f: ShopperFilter, emailHash: string | null): SQL {
  const parts: SQL[] = [sql`s.tenant_id = ${ctx.tenantId}`];
  const q = f.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    const byHash = emailHash ? sql`s.email_hash = ${emailHash} or ` : sql``;
    parts.push(
      sql`(${byHash}s.name ilike ${like} or s.email ilike ${like} or s.external_id ilike ${like} or s.id::text = ${q})`,
    );
  }
  if (f.kind) parts.push(sql`s.kind = ${f.kind}`);
  if (f.country) parts.push(sql`s.country = ${f.country}`);
  if (f.segment) parts.push(sql`(${f.segment})`);
  return sql.join(parts, sql` and `);
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
/** The stored personal columns of a raw row, for `shopperPii` (decrypt, mask by role). */
const sealedOf = (r: Record<string, unknown>) => ({
  email: str(r.email),
  name: str(r.name),
  emailEnc: str(r.email_enc),
  nameEnc: str(r.name_enc),
});

const toDate = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
const toNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** One page of shoppers and the total matching. Nulls sort last either way; ties by id. */
export async function listShopperRows(
  exec: Executor,
  ctx: Ctx,
  filter: ShopperFilter,
  opts: { sort: ShopperSort; dir: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ rows: ShopperListRow[]; total: number }> {
  const q = filter.q?.trim();
  const where = whereOf(ctx, filter, q?.includes('@') ? await lookupHash(exec, ctx.tenantId, q) : null);
  const order = SORT_SQL[opts.sort];
  const dir = opts.dir === 'asc' ? sql.raw('asc nulls last') : sql.raw('desc nulls last');
  const [rows, count] = await Promise.all([
    exec.execute(sql`
      select s.id, s.kind, s.name, s.email, s.email_enc, s.name_enc, s.external_id, s.country, s.last_seen_at,
        coalesce(p.orders, 0) as orders, coalesce(p.monetary_minor, 0)::float8 as monetary_minor,
        p.last_order_at, p.rfm_segment, ${score('churn')} as churn, ${score('propensity')} as propensity,
        ${score('clv')} as clv
      from shoppers s
      left join shopper_profiles p on p.tenant_id = s.tenant_id and p.shopper_id = s.id
      where ${where}
      order by ${order} ${dir}, s.id
      limit ${opts.limit} offset ${opts.offset}`),
    exec.execute(sql`
      select count(*)::int as n from shoppers s
      left join shopper_profiles p on p.tenant_id = s.tenant_id and p.shopper_id = s.id
      where ${where}`),
  ]);
  const raw = rowsOf<Record<string, unknown>>(rows);
  const pii = await shopperPii(exec, ctx.tenantId, raw.map(sealedOf), piiClearFor(ctx));
  return {
    rows: raw.map((r, i) => ({
      id: String(r.id),
      kind: String(r.kind),
      name: pii[i]!.name,
      email: pii[i]!.email,
      externalId: (r.external_id as string | null) ?? null,
      country: (r.country as string | null) ?? null,
      lastSeenAt: toDate(r.last_seen_at),
      orders: Number(r.orders),
      monetaryMinor: Number(r.monetary_minor),
      lastOrderAt: toDate(r.last_order_at),
      rfmSegment: (r.rfm_segment as RfmSegment | null) ?? null,
      churn: toNum(r.churn),
      propensity: toNum(r.propensity),
      clv: toNum(r.clv),
    })),
    total: Number(rowsOf<{ n: number }>(count)[0]?.n ?? 0),
  };
}

/** Countries with shoppers, most shoppers first (the list's filter). */
export async function listShopperCountries(
  exec: Executor,
  ctx: Ctx,
): Promise<{ country: string; n: number }[]> {
  return rowsOf<{ country: string; n: number }>(
    await exec.execute(sql`
      select country, count(*)::int as n from shoppers
      where tenant_id = ${ctx.tenantId} and country is not null
      group by country order by n desc, country limit 100`),
  );
}

export interface ShopperRecord {
  id: string;
  kind: string;
  externalId: string | null;
  email: string | null;
  name: string | null;
  country: string | null;
  locale: string | null;
  device: string | null;
  attributes: Record<string, string | number | boolean>;
  firstSeenAt: Date | null;
  lastSeenAt: Date | null;
}

/** One shopper of this workspace with its stored profile row (null before it is computed). */
export async function getShopperWithProfile(exec: Executor, ctx: Ctx, shopperId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(shopperId)) return null;
  const [r] = rowsOf<Record<string, unknown>>(
    await exec.execute(sql`
      select s.id, s.kind, s.external_id, s.email, s.name, s.email_enc, s.name_enc, s.country, s.locale, s.device, s.attributes,
        s.first_seen_at, s.last_seen_at, p.shopper_id as profile_id, p.computed_at, p.orders,
        p.monetary_minor::float8 as monetary_minor, p.aov_minor::float8 as aov_minor, p.first_order_at,
        p.last_order_at, p.recency_days, p.mean_gap_days, p.returns, p.sessions, p.views, p.last_event_at,
        p.rfm_r, p.rfm_f, p.rfm_m, p.rfm_segment, p.top_category, p.top_brand, p.price_band,
        p.preferred_locale, p.cluster, p.interest, p.interest_embedder, p.details
      from shoppers s
      left join shopper_profiles p on p.tenant_id = s.tenant_id and p.shopper_id = s.id
      where s.tenant_id = ${ctx.tenantId} and s.id = ${shopperId}::uuid`),
  );
  if (!r) return null;
  const [pii] = await shopperPii(exec, ctx.tenantId, [sealedOf(r)], piiClearFor(ctx));
  const shopper: ShopperRecord = {
    id: String(r.id),
    kind: String(r.kind),
    externalId: (r.external_id as string | null) ?? null,
    email: pii!.email,
    name: pii!.name,
    country: (r.country as string | null) ?? null,
    locale: (r.locale as string | null) ?? null,
    device: (r.device as string | null) ?? null,
    attributes: (r.attributes as Record<string, string | number | boolean> | null) ?? {},
    firstSeenAt: toDate(r.first_seen_at),
    lastSeenAt: toDate(r.last_seen_at),
  };
  if (!r.profile_id) return { shopper, profile: null };
  const vec = r.interest;
  const interest = Array.isArray(vec)
    ? Float32Array.from(vec as number[])
    : typeof vec === 'string'
      ? Float32Array.from(vec.slice(1, -1).split(',').map(Number))
      : null;
  return {
    shopper,
    profile: {
      computedAt: toDate(r.computed_at)!,
      orders: Number(r.orders),
      monetaryMinor: Number(r.monetary_minor),
      aovMinor: toNum(r.aov_minor),
      firstOrderAt: toDate(r.first_order_at),
      lastOrderAt: toDate(r.last_order_at),
      recencyDays: toNum(r.recency_days),
      meanGapDays: toNum(r.mean_gap_days),
      returns: Number(r.returns),
      sessions: Number(r.sessions),
      views: Number(r.views),
      lastEventAt: toDate(r.last_event_at),
      rfm:
        r.rfm_r === null || r.rfm_r === undefined
          ? null
          : {
              r: Number(r.rfm_r),
              f: Number(r.rfm_f),
              m: Number(r.rfm_m),
              segment: r.rfm_segment as RfmSegment,
            },
      topCategory: (r.top_category as string | null) ?? null,
      topBrand: (r.top_brand as string | null) ?? null,
      priceBand: (r.price_band as string | null) ?? null,
      preferredLocale: (r.preferred_locale as string | null) ?? null,
      cluster: toNum(r.cluster),
      interest,
      interestSpace: (r.interest_embedder as string | null) ?? null,
      details: r.details as ProfileDetails,
    },
  };
}

export type StoredProfile = NonNullable<
  NonNullable<Awaited<ReturnType<typeof getShopperWithProfile>>>['profile']
>;

export { type TimelineItem, listProductCards, listTimeline } from './queries-timeline';
