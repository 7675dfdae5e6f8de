/**
 * The shoppers of a segment: a paginated list for the detail page and a streamed CSV export
 * (dashboard download and REST API). Both read through `membersFrom`, so `s.tenant_id` is
 * always the caller's workspace.
 */
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { notFound } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { membersFrom } from './queries';
import { type Segment, conditionOf, getSegment } from './service';

export interface SegmentMember {
  id: string;
  externalId: string | null;
  name: string | null;
  email: string | null;
  country: string | null;
  kind: string;
  orders: number;
  monetaryMinor: number;
  rfmSegment: string | null;
  churn: number | null;
  propensity: number | null;
  clvMinor: number | null;
}

export const MEMBERS_PAGE_SIZE = 50;

const scoreOf = (kind: string) =>
  sql.raw(
    `(select x.score from shopper_scores x where x.tenant_id = s.tenant_id and x.shopper_id = s.id and x.kind = '${kind}')`,
  );

const COLUMNS = sql`s.id, s.external_id as "externalId", s.name, s.email, s.country, s.kind,
  coalesce(p.orders, 0)::int as orders, coalesce(p.monetary_minor, 0)::float8 as "monetaryMinor",
  p.rfm_segment as "rfmSegment", ${scoreOf('churn')} as churn, ${scoreOf('propensity')} as propensity,
  ${scoreOf('clv')} as "clvMinor"`;

function toMember(r: SegmentMember): SegmentMember {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ...r,
    orders: Number(r.orders),
    monetaryMinor: Number(r.monetaryMinor),
    churn: num(r.churn),
    propensity: num(r.propensity),
    clvMinor: num(r.clvMinor),
  };
}

/**
 * One page (1-based, 50 rows) of a segment's members, highest spend first, and the total.
 * Null when the workspace has no such segment. Needs `data.read`.
 */
export async function listSegmentMembers(
  db: Db,
  ctx: TenantContext,
  segmentId: string,
  page = 1,
): Promise<{
  segment: Segment;
  members: SegmentMember[];
  total: number;
  page: number;
  pages: number;
} | null> {
  const segment = await getSegment(db, ctx, segmentId);
  if (!segment) return null;
  const where = membersFrom(ctx, conditionOf(segment));
  const total = Number(
    rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n ${where}`))[0]?.n ?? 0,
  );
  const pages = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = rowsOf<SegmentMember>(
    await db.execute(sql`select ${COLUMNS} ${where}
      order by coalesce(p.monetary_minor, 0) desc, s.id
      limit ${MEMBERS_PAGE_SIZE} offset ${(current - 1) * MEMBERS_PAGE_SIZE}`),
  );
  return { segment, members: rows.map(toMember), total, page: current, pages };
}

/** A CSV cell, quoted when needed; a leading = + - @ (or tab/CR) gets a ' so spreadsheets show text. */
export function csvCell(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = [
  'shopper_id',
  'external_id',
  'name',
  'email',
  'country',
  'kind',
  'orders',
  'monetary_minor',
  'rfm_segment',
  'churn',
  'propensity',
  'clv_minor',
] as const;

function csvLine(m: SegmentMember): string {
  const cells = [
    m.id,
    m.externalId,
    m.name,
    m.email,
    m.country,
    m.kind,
    m.orders,
    Math.round(m.monetaryMinor),
    m.rfmSegment,
    m.churn,
    m.propensity,
    m.clvMinor === null ? null : Math.round(m.clvMinor),
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

const BATCH = 2000;

/**
 * The members of a segment as a CSV stream (UTF-8 with BOM, CRLF), read in keyset batches of
 * 2,000 by shopper id so memory stays flat. Throws not_found for another workspace's segment.
 * Money in minor units of the workspace currency; scores as probabilities 0–1.
 */
export async function exportSegmentCsv(
  db: Db,
  ctx: TenantContext,
  segmentId: string,
): Promise<{ segment: Segment; stream: ReadableStream<Uint8Array> }> {
  const segment = await getSegment(db, ctx, segmentId);
  if (!segment) throw notFound('Segment not found.');
  const condition = conditionOf(segment);
  const encoder = new TextEncoder();
  let after: string | null = null;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\ufeff${CSV_HEADER.join(',')}\r\n`));
        return;
      }
      const keyset = after === null ? sql`true` : sql`s.id > ${after}`;
      const rows = rowsOf<SegmentMember>(
        await db.execute(sql`select ${COLUMNS} ${membersFrom(ctx, condition)} and ${keyset}
          order by s.id limit ${BATCH}`),
      ).map(toMember);
      if (rows.length > 0) {
        after = rows[rows.length - 1]!.id;
        controller.enqueue(encoder.encode(rows.map(csvLine).join('')));
      }
      if (rows.length < BATCH) controller.close();
    },
  });
  return { segment, stream };
}

/** A file name for a segment's export: its name reduced to safe characters. */
export function segmentCsvName(segment: Pick<Segment, 'name'>): string {
  const base = segment.name
    .toLowerCase()
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'segment'}-members.csv`;
}
