import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { TenantContext } from '@/lib/tenant/context';
import { buildRfmDistribution, scoreRfm } from './rfm';
import type { ComputedProfile, RfmDistribution } from './types';

/**
 * Writes of `shopper_profiles`. The `cluster` column belongs to segment discovery and is never
 * touched here.
 */
type Ctx = Pick<TenantContext, 'tenantId'>;

/** Float32 values with the digits a float32 holds (shorter JSON, same value read back). */
const float32List = (v: Float32Array) =>
  Array.from(v, (x) => (Number.isFinite(x) ? Number(x.toPrecision(9)) : 0));

/** Inserts or replaces the computed profiles in one statement. Returns rows written. */
export async function upsertProfiles(
  exec: Executor,
  ctx: Ctx,
  profiles: readonly ComputedProfile[],
  computedAt: Date,
): Promise<number> {
  if (profiles.length === 0) return 0;
  const items = profiles.map((p) =>
    JSON.stringify({
      shopper_id: p.shopperId,
      orders: p.orders,
      monetary_minor: p.monetaryMinor,
      aov_minor: p.aovMinor,
      first_order_at: p.firstOrderAt?.toISOString() ?? null,
      last_order_at: p.lastOrderAt?.toISOString() ?? null,
      recency_days: p.recencyDays,
      mean_gap_days: p.meanGapDays,
      returns: p.returns,
      sessions: p.sessions,
      views: p.views,
      last_event_at: p.lastEventAt?.toISOString() ?? null,
      rfm_r: p.rfm?.r ?? null,
      rfm_f: p.rfm?.f ?? null,
      rfm_m: p.rfm?.m ?? null,
      rfm_segment: p.rfm?.segment ?? null,
      top_category: p.topCategory,
      top_brand: p.topBrand,
      price_band: p.priceBand,
      preferred_locale: p.preferredLocale,
      interest: p.interest ? float32List(p.interest) : null,
      interest_embedder: p.interestSpace,
      details: p.details,
    }),
  );
  const rows = rowsOf<{ n: number }>(
    await exec.execute(sql`
      with up as (
        insert into shopper_profiles as t (tenant_id, shopper_id, computed_at, orders, monetary_minor, aov_minor,
          first_order_at, last_order_at, recency_days, mean_gap_days, returns, sessions, views, last_event_at,
          rfm_r, rfm_f, rfm_m, rfm_segment, top_category, top_brand, price_band, preferred_locale,
          interest, interest_embedder, details)
        select ${ctx.tenantId}::uuid, x.shopper_id, ${computedAt.toISOString()}::timestamptz, x.orders, x.monetary_minor,
          x.aov_minor, x.first_order_at, x.last_order_at, x.recency_days, x.mean_gap_days, x.returns, x.sessions,
          x.views, x.last_event_at, x.rfm_r, x.rfm_f, x.rfm_m, x.rfm_segment, x.top_category, x.top_brand,
          x.price_band, x.preferred_locale, x.interest, x.interest_embedder, x.details
        from jsonb_to_recordset(${`[${items.join(',')}]`}::jsonb) as x(shopper_id uuid, orders int,
          monetary_minor float8, aov_minor float8, first_order_at timestamptz, last_order_at timestamptz,
          recency_days real, mean_gap_days real, returns int, sessions int, views int, last_event_at timestamptz,
          rfm_r int, rfm_f int, rfm_m int, rfm_segment text, top_category text, top_brand text, price_band text,
          preferred_locale text, interest real[], interest_embedder text, details jsonb)
        join shoppers s on s.tenant_id = ${ctx.tenantId} and s.id = x.shopper_id
        on conflict (tenant_id, shopper_id) do update set
          computed_at = excluded.computed_at, orders = excluded.orders, monetary_minor = excluded.monetary_minor,
          aov_minor = excluded.aov_minor, first_order_at = excluded.first_order_at,
          last_order_at = excluded.last_order_at, recency_days = excluded.recency_days,
          mean_gap_days = excluded.mean_gap_days, returns = excluded.returns, sessions = excluded.sessions,
          views = excluded.views, last_event_at = excluded.last_event_at, rfm_r = excluded.rfm_r,
          rfm_f = excluded.rfm_f, rfm_m = excluded.rfm_m, rfm_segment = excluded.rfm_segment,
          top_category = excluded.top_category, top_brand = excluded.top_brand, price_band = excluded.price_band,
          preferred_locale = excluded.preferred_locale, interest = excluded.interest,
          interest_embedder = excluded.interest_embedder, details = excluded.details
        returning 1
      )
      select count(*)::int as n from up`),
  );
  return Number(rows[0]?.n ?? 0);
}

interface Measures {
  shopper_id: string;
  recency_days: number;
  orders: number;
  monetary_minor: number;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_segment: string | null;
}

async function loadMeasures(exec: Executor, ctx: Ctx, now: Date): Promise<Measures[]> {
  return rowsOf<Measures>(
    await exec.execute(sql`
      select shopper_id, (extract(epoch from (${now.toISOString()}::timestamptz - last_order_at)) / 86400.0)::float8 as recency_days,
        orders, monetary_minor::float8 as monetary_minor, rfm_r, rfm_f, rfm_m, rfm_segment
      from shopper_profiles
      where tenant_id = ${ctx.tenantId} and orders > 0 and last_order_at is not null`),
  );
}

/** The workspace's current RFM distribution, read from the stored profiles. */
export async function loadRfmDistribution(exec: Executor, ctx: Ctx, now: Date): Promise<RfmDistribution> {
  const rows = await loadMeasures(exec, ctx, now);
  return buildRfmDistribution(
    rows.map((r) => ({
      recencyDays: Math.max(0, Number(r.recency_days)),
      orders: Number(r.orders),
      monetaryMinor: Number(r.monetary_minor),
    })),
    now.getTime(),
  );
}

/**
 * Re-scores every buyer's RFM against the whole workspace (the end of a full rebuild), writing
 * only rows whose scores changed, and returns the distribution used (the incremental refresh
 * scores against it until the next rebuild).
 */
export async function rescoreRfm(
  exec: Executor,
  ctx: Ctx,
  now: Date,
): Promise<{ distribution: RfmDistribution; scored: number; changed: number }> {
  const rows = await loadMeasures(exec, ctx, now);
  const measures = rows.map((r) => ({
    id: r.shopper_id,
    recencyDays: Math.max(0, Number(r.recency_days)),
    orders: Number(r.orders),
    monetaryMinor: Number(r.monetary_minor),
    old: [r.rfm_r, r.rfm_f, r.rfm_m, r.rfm_segment].join(),
  }));
  const distribution = buildRfmDistribution(measures, now.getTime());
  const changes: { id: string; r: number; f: number; m: number; s: string }[] = [];
  for (const m of measures) {
    const s = scoreRfm(distribution, m, now.getTime());
    if (s && [s.r, s.f, s.m, s.segment].join() !== m.old)
      changes.push({ id: m.id, r: s.r, f: s.f, m: s.m, s: s.segment });
  }
  for (let i = 0; i < changes.length; i += 2000) {
    const part = JSON.stringify(changes.slice(i, i + 2000));
    await exec.execute(sql`
      update shopper_profiles p set rfm_r = x.r, rfm_f = x.f, rfm_m = x.m, rfm_segment = x.s,
        details = jsonb_set(p.details, '{rfm}', jsonb_build_object('r', x.r, 'f', x.f, 'm', x.m))
      from json_to_recordset(${part}::json) as x(id uuid, r int, f int, m int, s text)
      where p.tenant_id = ${ctx.tenantId} and p.shopper_id = x.id`);
  }
  return { distribution, scored: measures.length, changed: changes.length };
}
