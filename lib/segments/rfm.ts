/**
 * The standard RFM segments (kind 'rfm'): one per RFM class of shopper_profiles.rfm_segment.
 * Created by the discovery job; their rules are fixed, their name and description editable.
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { RFM_SEGMENTS, type RfmSegment, segments } from '@/db/schema/shoppers';
import { tenantFilter } from '@/lib/tenant/context';
import type { SegmentRules } from './schemas';

export const RFM_LABELS: Record<RfmSegment, { name: string; description: string }> = {
  champions: { name: 'Champions', description: 'Bought recently, buy often and spend the most.' },
  loyal: { name: 'Loyal', description: 'Buy regularly and respond to the store.' },
  potential_loyalists: {
    name: 'Potential loyalists',
    description: 'Recent shoppers with more than one order.',
  },
  new: { name: 'New customers', description: 'Bought for the first time recently.' },
  promising: { name: 'Promising', description: 'Recent shoppers who have not spent much yet.' },
  need_attention: {
    name: 'Need attention',
    description: 'Above-average recency, frequency and spend, slipping.',
  },
  about_to_sleep: {
    name: 'About to sleep',
    description: 'Below-average recency and frequency; may be lost soon.',
  },
  at_risk: { name: 'At risk', description: 'Spent well and often, but long ago.' },
  cannot_lose: {
    name: 'Cannot lose them',
    description: 'Made big, frequent purchases but have not returned.',
  },
  hibernating: { name: 'Hibernating', description: 'Last bought long ago, few orders, low spend.' },
  lost: { name: 'Lost', description: 'The lowest recency, frequency and spend.' },
};

/** The rules of the RFM segment of one class. */
export function rfmRules(value: RfmSegment): SegmentRules {
  return { match: 'all', conditions: [{ field: 'rfmSegment', op: 'in', value: [value] }] };
}

/** The RFM class an 'rfm' segment's rules stand for, or null. */
function rfmClassOf(rules: unknown): string | null {
  const c = (rules as { conditions?: { value?: unknown }[] } | null)?.conditions?.[0]?.value;
  return Array.isArray(c) && typeof c[0] === 'string' ? c[0] : null;
}

/**
 * Creates the RFM segments the workspace lacks (matched by class, so renamed ones count).
 * A name taken by another segment gets " (RFM)". Returns the ids it created.
 */
export async function ensureRfmSegments(exec: Executor, tenant: { tenantId: string }): Promise<string[]> {
  const existing = await exec
    .select({ name: segments.name, kind: segments.kind, rules: segments.rules })
    .from(segments)
    .where(tenantFilter(tenant, segments));
  const have = new Set(existing.filter((s) => s.kind === 'rfm').map((s) => rfmClassOf(s.rules)));
  const names = new Set(existing.map((s) => s.name));
  const created: string[] = [];
  for (const value of RFM_SEGMENTS) {
    if (have.has(value)) continue;
    const label = RFM_LABELS[value];
    const name = names.has(label.name) ? `${label.name} (RFM)` : label.name;
    const [row] = await exec
      .insert(segments)
      .values({
        tenantId: tenant.tenantId,
        name,
        description: label.description,
        kind: 'rfm',
        rules: rfmRules(value),
      })
      .onConflictDoNothing()
      .returning({ id: segments.id });
    if (row) created.push(row.id);
  }
  return created;
}

/** Ids of the tenant's segments of a kind. */
export async function segmentIdsOfKind(
  exec: Executor,
  tenant: { tenantId: string },
  kind: 'rfm' | 'cluster',
) {
  const rows = await exec
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(and(tenantFilter(tenant, segments), eq(segments.kind, kind)));
  return rows;
}
