/**
 * The segment brief a generator writes for: what the segment's members buy (top categories and
 * brands with their share of members), their usual price band and RFM class. Read from
 * shopper_profiles of the members who allow advertising (lib/consent), aggregated: no shopper
 * leaves this module.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { consentAllowsSql, consentScope } from '@/lib/consent/enforce';
import { notFound } from '@/lib/errors';
import { getSegmentRow, membersFrom } from '@/lib/segments/queries';
import { conditionOf, toSegment } from '@/lib/segments/service';
import type { TenantContext } from '@/lib/tenant/context';
import type { SegmentBrief } from './types';

type Tenant = Pick<TenantContext, 'tenantId'>;

/** Name of the all-shoppers slot (segmentId null). */
export const ALL_SHOPPERS = 'All shoppers';
const TOP = 5;
const BANDS = ['budget', 'mid', 'premium'] as const;

/** The member condition of a segment (or all shoppers) and its name; null when there is no such segment. */
export async function segmentMembers(
  exec: Executor,
  ctx: Tenant,
  segmentId: string | null,
): Promise<{ name: string; condition: SQL } | null> {
  if (segmentId === null) return { name: ALL_SHOPPERS, condition: sql`true` };
  const row = await getSegmentRow(exec, ctx, segmentId);
  if (!row) return null;
  const segment = toSegment(row);
  return { name: segment.name, condition: conditionOf(segment) };
}

/** Members of the segment who allow advertising: the FROM/WHERE over `s` and `p`. */
export async function advertisableMembers(exec: Executor, ctx: Tenant, condition: SQL): Promise<SQL> {
  const allowed = consentAllowsSql('advertising', sql`s.id`, await consentScope(exec, ctx));
  return sql`${membersFrom(ctx, condition)} and ${allowed}`;
}

async function topOf(
  exec: Executor,
  from: SQL,
  column: SQL,
  size: number,
): Promise<{ name: string; share: number }[]> {
  if (size === 0) return [];
  const rows = rowsOf<{ name: string; n: number }>(
    await exec.execute(sql`select ${column} as name, count(*)::int as n ${from} and ${column} is not null
      group by 1 order by 2 desc, 1 limit ${TOP}`),
  );
  return rows.map((r) => ({ name: r.name, share: Math.round((Number(r.n) / size) * 1000) / 1000 }));
}

/**
 * The brief of a segment (null = all shoppers of the campaign). Works without permission checks
 * (the generation job has only the tenant). Throws not_found when the workspace has no such segment.
 */
export async function buildSegmentBrief(
  exec: Executor,
  ctx: Tenant,
  segmentId: string | null,
): Promise<SegmentBrief> {
  const members = await segmentMembers(exec, ctx, segmentId);
  if (!members) throw notFound('Segment not found.');
  const from = await advertisableMembers(exec, ctx, members.condition);
  const [head] = rowsOf<{ n: number; band: string | null; rfm: string | null }>(
    await exec.execute(sql`select count(*)::int as n,
      mode() within group (order by p.price_band) as band,
      mode() within group (order by p.rfm_segment) as rfm ${from}`),
  );
  const size = Number(head?.n ?? 0);
  const band = head?.band ?? null;
  const [topCategories, topBrands] = [
    await topOf(exec, from, sql`p.top_category`, size),
    await topOf(exec, from, sql`p.top_brand`, size),
  ];
  return {
    id: segmentId,
    name: members.name,
    size,
    topCategories,
    topBrands,
    priceBand: (BANDS as readonly string[]).includes(band ?? '') ? (band as SegmentBrief['priceBand']) : null,
    rfmSegment: head?.rfm ?? null,
  };
}
