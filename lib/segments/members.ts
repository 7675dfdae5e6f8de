/**
 * The shoppers of a segment: a paginated list for the detail page and a streamed CSV export
 * (dashboard download and REST API). Both read through `membersFrom`, so `s.tenant_id` is
 * always the caller's workspace.
 */
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '@/db/client';
import { consentAllowsSql, consentScope } from '@/lib/consent/enforce';
import { notFound } from '@/lib/errors';
import { piiClearFor, shopperPii } from '@/lib/privacy/pii';
import type { ShopperIdentity } from '@/lib/profiles/types';
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

const COLUMNS = sql`s.id, s.external_id as "externalId", s.name, s.email, s.email_enc as "emailEnc",
  s.name_enc as "nameEnc", s.country, s.kind,
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

type StoredMember = SegmentMember & { emailEnc: string | null; nameEnc: string | null };

/** Email and name decrypted, and masked for roles without `shoppers.pii` (lib/privacy/pii.ts). */
async function withPii(db: Db, ctx: TenantContext, rows: StoredMember[]): Promise<SegmentMember[]> {
  return (await shopperPii(db, ctx.tenantId, rows, piiClearFor(ctx))).map(toMember);
}

/** Shoppers who denied advertising consent leave lists and exports (lib/consent/enforce.ts). */
async function advertisingAllowed(db: Db, ctx: TenantContext) {
  return consentAllowsSql('advertising', sql`s.id`, await consentScope(db, ctx));
}

/**
 * One page (1-based, 50 rows) of a segment's members, highest spend first, and the total;
 * `excluded` counts the members left out because they denied advertising consent.
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
  excluded: number;
  page: number;
  pages: number;
} | null> {
  const segment = await getSegment(db, ctx, segmentId);
  if (!segment) return null;
  const allowed = await advertisingAllowed(db, ctx);
  const all = membersFrom(ctx, conditionOf(segment));
  const where = sql`${all} and ${allowed}`;
  const [counts] = rowsOf<{ n: number; excluded: number }>(
    await db.execute(sql`select count(*) filter (where ${allowed})::int as n,
      count(*) filter (where not ${allowed})::int as excluded ${all}`),
  );
  const total = Number(counts?.n ?? 0);
  const excluded = Number(counts?.excluded ?? 0);
  const pages = Math.max(1, Math.ceil(total / MEMBERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = rowsOf<StoredMember>(
    await db.execute(sql`select ${COLUMNS} ${where}
      order by coalesce(p.monetary_minor, 0) desc, s.id
      limit ${MEMBERS_PAGE_SIZE} offset ${(current - 1) * MEMBERS_PAGE_SIZE}`),
  );
  return { segment, members: await withPii(db, ctx, rows), total, excluded, page: current, pages };
}

/**
 * A few members of a segment to pick one from, most recently seen first (customers with their
 * store id before anonymous visitors at the same time). Null when the workspace has no such
 * segment (another workspace's id included). Needs `data.read`.
 */
export async function sampleSegmentMembers(
  db: Db,
  ctx: TenantContext,
  segmentId: string,
  limit = 8,
): Promise<{ segment: Segment; members: ShopperIdentity[] } | null> {
  const segment = await getSegment(db, ctx, segmentId);
  if (!segment) return null;
  const rows = rowsOf<ShopperIdentity & { emailEnc: string | null; nameEnc: string | null }>(
    await db.execute(sql`select s.id, s.kind, s.external_id as "externalId", s.anonymous_id as "anonymousId",
        s.email, s.name, s.email_enc as "emailEnc", s.name_enc as "nameEnc", s.country,
        s.last_seen_at as "lastSeenAt"
      ${membersFrom(ctx, conditionOf(segment))}
      order by s.last_seen_at desc nulls last, (s.external_id is null), s.id
      limit ${limit}`),
  );
  const members = await shopperPii(db, ctx.tenantId, rows, piiClearFor(ctx));
  // Raw SQL: a driver may hand the timestamp back as text.
  return {
    segment,
    members: members.map((m) => ({ ...m, lastSeenAt: m.lastSeenAt && new Date(m.lastSeenAt) })),
  };
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
 * 2,000 by shopper id so memory stays flat; shoppers who denied advertising consent are left
 * out. Throws not_found for another workspace's segment.
 * Money in minor units of the workspace currency; scores as probabilities 0–1.
 */
export async function exportSegmentCsv(
  db: Db,
  ctx: TenantContext,
  segmentId: string,
): Promise<{ segment: Segment; stream: ReadableStream<Uint8Array> }> {
  const segment = await getSegment(db, ctx, segmentId);
  if (!segment) throw notFound('Segment not found.');
  const condition = sql`${conditionOf(segment)} and ${await advertisingAllowed(db, ctx)}`;
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
      const rows = await withPii(
        db,
        ctx,
        rowsOf<StoredMember>(
          await db.execute(sql`select ${COLUMNS} ${membersFrom(ctx, condition)} and ${keyset}
          order by s.id limit ${BATCH}`),
        ),
      );
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
