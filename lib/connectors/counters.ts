import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { SkipCounts } from './types';

/** Sources of the daily ingestion counters written here. */
export type CounterSource = 'shopify' | 'woocommerce' | 'webhook';

/**
 * Adds accepted/rejected counts (and rejection reasons) to today's (UTC) `ingest_daily` row of a
 * source. Call in the transaction that writes the records, so the counts are exact after a crash.
 */
export async function addIngestCounts(
  exec: Executor,
  tenantId: string,
  source: CounterSource,
  counts: { accepted: number; rejected: number; reasons: SkipCounts },
): Promise<void> {
  if (counts.accepted === 0 && counts.rejected === 0) return;
  await exec.execute(sql`
    insert into ingest_daily (tenant_id, day, source, accepted, rejected, reasons)
    values (${tenantId}, (now() at time zone 'utc')::date, ${source}, ${counts.accepted}, ${counts.rejected},
            ${JSON.stringify(counts.reasons)}::jsonb)
    on conflict (tenant_id, day, source) do update set
      accepted = ingest_daily.accepted + excluded.accepted,
      rejected = ingest_daily.rejected + excluded.rejected,
      reasons = (
        select coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
        from (
          select k, sum(v)::int as n
          from (
            select key as k, value::int as v from jsonb_each_text(ingest_daily.reasons)
            union all
            select key, value::int from jsonb_each_text(excluded.reasons)
          ) parts
          group by k
        ) summed
      )`);
}
