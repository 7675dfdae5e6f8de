import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import type { EventContext, EventSource } from './schemas';

/** A row for `events`, ready to insert. */
export interface EventRow {
  eventId: string;
  type: string;
  shopperId: string | null;
  anonymousId: string | null;
  sessionId: string | null;
  productId: string | null;
  quantity: number | null;
  priceMinor: number | null;
  currency: string | null;
  query: string | null;
  context: EventContext;
  occurredAt: Date;
}

/** Additions to one `ingest_daily` row. */
export interface CounterDelta {
  accepted: number;
  duplicates: number;
  rejected: number;
  bots: number;
  reasons: Record<string, number>;
}

/** Where counters go: a tenant's UTC day (YYYY-MM-DD) and source. */
export interface CounterKey {
  tenantId: string;
  day: string;
  source: EventSource;
}

/** The batch as one JSON parameter, in event-id order (concurrent batches lock keys in one order). */
function payloadOf(rows: readonly EventRow[]): string {
  return JSON.stringify(
    [...rows]
      .sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))
      .map((r) => ({
        e: r.eventId,
        y: r.type,
        s: r.shopperId,
        a: r.anonymousId,
        ss: r.sessionId,
        p: r.productId,
        q: r.quantity,
        pm: r.priceMinor,
        c: r.currency,
        qu: r.query,
        cx: r.context,
        t: r.occurredAt,
      })),
  );
}

/** `INSERT … ON CONFLICT (tenant_id, event_id) DO NOTHING RETURNING 1` of the whole batch. */
function insertSql(tenantId: string, rows: readonly EventRow[]): SQL {
  return sql`
    insert into events (tenant_id, event_id, type, shopper_id, anonymous_id, session_id, product_id,
                        quantity, price_minor, currency, query, context, occurred_at)
    select ${tenantId}::uuid, e, y, s, a, ss, p, q, pm, c, qu, coalesce(cx, '{}'::jsonb), t
    from json_to_recordset(${payloadOf(rows)}::json)
      as x(e text, y text, s uuid, a text, ss text, p uuid, q int, pm bigint, c text, qu text, cx jsonb, t timestamptz)
    on conflict (tenant_id, event_id) do nothing
    returning 1`;
}

/** The upsert that adds `accepted`/`duplicates` (SQL expressions) and the rest to a counter row. */
function countersSql(
  key: CounterKey,
  accepted: SQL,
  duplicates: SQL,
  d: Omit<CounterDelta, 'accepted' | 'duplicates'>,
  from: SQL,
) {
  return sql`
    insert into ingest_daily as d (tenant_id, day, source, accepted, duplicates, rejected, bots, reasons)
    select ${key.tenantId}::uuid, ${key.day}::date, ${key.source}, ${accepted}, ${duplicates},
           ${d.rejected}::int, ${d.bots}::int, ${JSON.stringify(d.reasons)}::jsonb
    ${from}
    on conflict (tenant_id, day, source) do update set
      accepted = d.accepted + excluded.accepted,
      duplicates = d.duplicates + excluded.duplicates,
      rejected = d.rejected + excluded.rejected,
      bots = d.bots + excluded.bots,
      reasons = case when excluded.reasons = '{}'::jsonb then d.reasons else (
        select jsonb_object_agg(k, coalesce((d.reasons ->> k)::int, 0) + coalesce((excluded.reasons ->> k)::int, 0))
        from jsonb_object_keys(d.reasons || excluded.reasons) as k
      ) end`;
}

/**
 * Inserts the batch's events (one multi-row INSERT … ON CONFLICT DO NOTHING) and adds the batch
 * to its `ingest_daily` row in ONE statement: both happen or neither does, so the counters are
 * exact even across crashes and retries. `duplicates` is added to the events already stored.
 * Returns the number of events actually stored.
 */
export async function insertEventsAndCount(
  exec: Executor,
  key: CounterKey,
  rows: readonly EventRow[],
  counts: Omit<CounterDelta, 'accepted'>,
): Promise<number> {
  const r = await exec.execute(sql`
    with ins as (${insertSql(key.tenantId, rows)}),
    n as (select count(*)::int as stored from ins),
    counters as (${countersSql(
      key,
      sql`n.stored`,
      sql`${rows.length}::int - n.stored + ${counts.duplicates}::int`,
      counts,
      sql`from n`,
    )})
    select stored from n`);
  return Number(rowsOf<{ stored: number }>(r)[0]?.stored ?? 0);
}

/** Inserts the batch's events only; returns how many were stored (the rest were duplicates). */
export async function insertEvents(
  exec: Executor,
  tenantId: string,
  rows: readonly EventRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await exec.execute(
    sql`with ins as (${insertSql(tenantId, rows)}) select count(*)::int as stored from ins`,
  );
  return Number(rowsOf<{ stored: number }>(r)[0]?.stored ?? 0);
}

/** Adds `delta` to one `ingest_daily` row (one upsert). */
export async function addDailyCounters(exec: Executor, key: CounterKey, delta: CounterDelta): Promise<void> {
  await exec.execute(
    countersSql(key, sql`${delta.accepted}::int`, sql`${delta.duplicates}::int`, delta, sql``),
  );
}
