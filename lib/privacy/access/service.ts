/**
 * The access export (GDPR art. 15, CCPA right to know): everything Tailor holds about one shopper
 * — identity (email and name decrypted), profile, events, orders and their lines, consent history
 * and state, segment memberships, predictions with their explanations, identity links — as
 * sections with fixed column lists, so the JSON and the CSV files (./csv.ts) have the same shape
 * for every shopper. Visitor records stitched to the shopper are the same person and included.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { notFound } from '@/lib/errors';
import { resolveErasureSubject } from '@/lib/privacy/erasure/subject';
import { openPii } from '@/lib/privacy/pii';
import { listSegmentRows, membersFrom } from '@/lib/segments/queries';
import { conditionOf, toSegment } from '@/lib/segments/service';
import type { TenantContext } from '@/lib/tenant/context';
import type { ExportSection, ShopperExport } from '../subject-types';

// One import for callers: the CSV form lives in ./csv.ts.
export { exportToCsvFiles } from './csv';

type Row = Record<string, unknown>;

/** JSON-safe values: dates as ISO strings, everything else as stored. */
function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  return v ?? null;
}

async function section(
  exec: Executor,
  name: string,
  columns: readonly string[],
  query: SQL,
): Promise<ExportSection> {
  const rows = rowsOf<Row>(await exec.execute(query)).map((r) =>
    Object.fromEntries(columns.map((c) => [c, plain(r[c])])),
  );
  return { name, columns: [...columns], rows };
}

async function readable(exec: Executor, tenantId: string, sealed: string | null, legacy: string | null) {
  if (!sealed) return legacy;
  try {
    return await openPii(exec, tenantId, sealed);
  } catch {
    return '(encrypted: key unavailable)';
  }
}

/** Column lists, in order: the contract of the export's CSV files. */
export const EXPORT_COLUMNS = {
  shopper: [
    'id',
    'kind',
    'external_id',
    'anonymous_id',
    'email',
    'name',
    'country',
    'locale',
    'device',
    'attributes',
    'first_seen_at',
    'last_seen_at',
    'created_at',
  ],
  profile: [
    'shopper_id',
    'computed_at',
    'orders',
    'monetary_minor',
    'aov_minor',
    'first_order_at',
    'last_order_at',
    'recency_days',
    'mean_gap_days',
    'returns',
    'sessions',
    'views',
    'last_event_at',
    'rfm_r',
    'rfm_f',
    'rfm_m',
    'rfm_segment',
    'top_category',
    'top_brand',
    'price_band',
    'preferred_locale',
    'cluster',
    'interest',
    'interest_embedder',
    'details',
  ],
  events: [
    'event_id',
    'type',
    'occurred_at',
    'received_at',
    'shopper_id',
    'anonymous_id',
    'session_id',
    'product_external_id',
    'quantity',
    'price_minor',
    'currency',
    'query',
    'context',
  ],
  orders: ['order_id', 'external_id', 'status', 'currency', 'total_minor', 'country', 'source', 'placed_at'],
  order_lines: ['order_id', 'line_no', 'product_external_id', 'title', 'quantity', 'unit_price_minor'],
  consent_records: ['purpose', 'granted', 'source', 'policy_version', 'recorded_at'],
  consent_state: ['purpose', 'granted', 'source', 'policy_version', 'updated_at'],
  segments: ['segment_id', 'name', 'kind'],
  predictions: ['kind', 'score', 'model_version', 'method', 'scored_at', 'detail'],
  identity_links: ['anonymous_id', 'linked_at'],
} as const;

/**
 * Everything about one shopper of the workspace. Authorization is the caller's (the request
 * workflow); the export holds decrypted personal data, so it is only handed to the subject.
 * @throws AppError not_found for an unknown shopper or another workspace's.
 */
export async function exportShopper(
  exec: Executor,
  ctx: TenantContext,
  shopperId: string,
): Promise<ShopperExport> {
  const subject = await resolveErasureSubject(exec, ctx, shopperId);
  const t = ctx.tenantId;
  const ids = `{${subject.shopperIds.join(',')}}`;
  const [ws] = rowsOf<{ slug: string; name: string }>(
    await exec.execute(sql`select slug, name from tenants where id = ${t}`),
  );
  const [me] = rowsOf<
    Row & { email: string | null; name: string | null; email_enc: string | null; name_enc: string | null }
  >(await exec.execute(sql`select * from shoppers where tenant_id = ${t} and id = ${shopperId}::uuid`));
  if (!ws || !me) throw notFound('Shopper not found.');
  const shopper = Object.fromEntries(EXPORT_COLUMNS.shopper.map((c) => [c, plain(me[c])]));
  shopper.email = await readable(exec, t, me.email_enc, me.email);
  shopper.name = await readable(exec, t, me.name_enc, me.name);

  const C = EXPORT_COLUMNS;
  const sections: ExportSection[] = [
    await section(
      exec,
      'profile',
      C.profile,
      sql`select * from shopper_profiles where tenant_id = ${t} and shopper_id = any(${ids}::uuid[])`,
    ),
    await section(
      exec,
      'events',
      C.events,
      sql`
      select e.event_id, e.type, e.occurred_at, e.received_at, e.shopper_id, e.anonymous_id, e.session_id,
        p.external_id as product_external_id, e.quantity, e.price_minor::float8 as price_minor, e.currency, e.query, e.context
      from events e left join products p on p.tenant_id = e.tenant_id and p.id = e.product_id
      where e.tenant_id = ${t} and e.shopper_id = any(${ids}::uuid[]) order by e.occurred_at, e.event_id`,
    ),
    await section(
      exec,
      'orders',
      C.orders,
      sql`
      select id as order_id, external_id, status, currency, total_minor::float8 as total_minor, country, source, placed_at
      from orders where tenant_id = ${t} and shopper_id = any(${ids}::uuid[]) order by placed_at, id`,
    ),
    await section(
      exec,
      'order_lines',
      C.order_lines,
      sql`
      select l.order_id, l.line_no, l.product_external_id, l.title, l.quantity, l.unit_price_minor::float8 as unit_price_minor
      from order_lines l join orders o on o.tenant_id = l.tenant_id and o.id = l.order_id
      where l.tenant_id = ${t} and o.shopper_id = any(${ids}::uuid[]) order by o.placed_at, l.order_id, l.line_no`,
    ),
    await section(
      exec,
      'consent_records',
      C.consent_records,
      sql`
      select purpose, granted, source, policy_version, recorded_at from consent_records
      where tenant_id = ${t} and shopper_id = any(${ids}::uuid[]) order by recorded_at, id`,
    ),
    await section(
      exec,
      'consent_state',
      C.consent_state,
      sql`
      select purpose, granted, source, policy_version, updated_at from consent_state
      where tenant_id = ${t} and shopper_id = any(${ids}::uuid[]) order by purpose`,
    ),
    await segmentSection(exec, ctx, shopperId),
    await section(
      exec,
      'predictions',
      C.predictions,
      sql`
      select s.kind, s.score, m.version as model_version, m.method, s.scored_at, s.detail
      from shopper_scores s left join prediction_models m on m.tenant_id = s.tenant_id and m.id = s.model_id
      where s.tenant_id = ${t} and s.shopper_id = any(${ids}::uuid[]) order by s.kind`,
    ),
    await section(
      exec,
      'identity_links',
      C.identity_links,
      sql`
      select anonymous_id, linked_at from identity_links where tenant_id = ${t} and shopper_id = any(${ids}::uuid[]) order by linked_at`,
    ),
  ];
  return { generatedAt: new Date().toISOString(), workspace: ws, shopper, sections };
}

/** The segments whose condition the shopper meets now (rules evaluated for this one shopper). */
async function segmentSection(exec: Executor, ctx: TenantContext, shopperId: string): Promise<ExportSection> {
  const rows: Row[] = [];
  for (const row of await listSegmentRows(exec, ctx)) {
    const segment = toSegment(row);
    const r = await exec.execute(
      sql`select 1 as hit ${membersFrom(ctx, conditionOf(segment))} and s.id = ${shopperId}::uuid`,
    );
    if (rowsOf(r).length > 0) rows.push({ segment_id: segment.id, name: segment.name, kind: segment.kind });
  }
  return { name: 'segments', columns: [...EXPORT_COLUMNS.segments], rows };
}
