/**
 * Segments: named groups of shoppers defined by rules over profile fields and predictions, by
 * RFM class, or by a discovered cluster. Sizes are counted live; daily sizes are snapshotted.
 */
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import type { SegmentKind } from '@/db/schema/shoppers';
import { recordAudit } from '@/lib/audit/service';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { compileSegmentRules, parseSegmentRules, validateSegmentRules } from './compile';
import { isUuid, segmentInputSchema, segmentLabelSchema, segmentRulesInputSchema } from './inputs';
import { invalidateSegmentMembership } from './membership-cache';
import {
  type SegmentRow,
  countMembers,
  deleteSegmentRow,
  getSegmentRow,
  insertSegment,
  latestSegmentSizes,
  listSegmentRows,
  listSegmentSizes,
  updateSegmentRow,
  upsertSegmentSize,
} from './queries';
import type { SegmentRules } from './schemas';

export interface Segment {
  id: string;
  name: string;
  description: string | null;
  kind: SegmentKind;
  rules: SegmentRules;
  /** False when the stored rules no longer compile (then the segment has no members). */
  valid: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface SegmentSummary extends Segment {
  /** Live member count; null when the rules no longer compile. */
  size: number | null;
  /** Stored daily sizes of the last 30 days, oldest first. */
  trend: { day: string; size: number }[];
}

const NAME_TAKEN = 'Another segment already has this name.';
const EMPTY_RULES: SegmentRules = { match: 'all', conditions: [] };

function requireRead(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'data.read')) throw forbidden('Your role does not allow viewing segments.');
}
function requireWrite(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'data.write')) throw forbidden('Your role does not allow changing segments.');
}

/** A row with its rules parsed; rules that no longer parse or compile mark it invalid. */
export function toSegment(row: SegmentRow): Segment {
  let rules = EMPTY_RULES;
  let valid = true;
  try {
    rules = validateSegmentRules(row.rules);
  } catch {
    valid = false;
  }
  return { ...row, rules, valid };
}

/** The condition of a segment row: `false` (no one) for rules that no longer compile. */
export function conditionOf(segment: Segment): SQL {
  return segment.valid ? compileSegmentRules(segment.rules) : sql`false`;
}

const daysAgoIso = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** The workspace's segments in name order, with live sizes and 30-day trends. Needs `data.read`. */
export async function listSegments(db: Db, ctx: TenantContext): Promise<SegmentSummary[]> {
  requireRead(ctx);
  const list = (await listSegmentRows(db, ctx)).map(toSegment);
  const sizes = await listSegmentSizes(
    db,
    ctx,
    list.map((s) => s.id),
    daysAgoIso(30),
  );
  const out: SegmentSummary[] = [];
  for (const s of list) {
    const size = s.valid ? await countMembers(db, ctx, conditionOf(s)) : null;
    const trend = sizes.filter((r) => r.segmentId === s.id).map(({ day, size }) => ({ day, size }));
    out.push({ ...s, size, trend });
  }
  return out;
}

/** Id, name and kind of every segment in name order, without counting (for pickers). Needs `data.read`. */
export async function listSegmentOptions(
  db: Db,
  ctx: TenantContext,
): Promise<{ id: string; name: string; kind: SegmentKind }[]> {
  requireRead(ctx);
  return (await listSegmentRows(db, ctx)).map(({ id, name, kind }) => ({ id, name, kind }));
}

/**
 * Segments for a filter picker: id, name, kind and the newest stored size (taken on create and
 * by the daily snapshot), or null before the first snapshot. Counting every segment live here
 * made the shopper list wait on one member count per segment. Needs `data.read`.
 */
export async function listSegmentChoices(
  db: Db,
  ctx: TenantContext,
): Promise<{ id: string; name: string; kind: SegmentKind; size: number | null }[]> {
  requireRead(ctx);
  const [rows, sizes] = await Promise.all([listSegmentRows(db, ctx), latestSegmentSizes(db, ctx)]);
  return rows.map(({ id, name, kind }) => ({ id, name, kind, size: sizes.get(id) ?? null }));
}

/** One segment, or null — also for another workspace's id or a malformed id. Needs `data.read`. */
export async function getSegment(db: Db, ctx: TenantContext, id: string): Promise<Segment | null> {
  requireRead(ctx);
  if (!isUuid(id)) return null;
  const row = await getSegmentRow(db, ctx, id);
  return row ? toSegment(row) : null;
}

/**
 * The boolean SQL of a segment over the aliases `s` (shoppers) and `p` (shopper_profiles), for
 * `from shoppers s left join shopper_profiles p …` queries that already filter `s.tenant_id`.
 * Null when the workspace has no such segment. Needs `data.read`.
 */
export async function segmentCondition(db: Db, ctx: TenantContext, segmentId: string): Promise<SQL | null> {
  const segment = await getSegment(db, ctx, segmentId);
  return segment ? conditionOf(segment) : null;
}

/**
 * Members of draft rules (the builder's live size). Throws validation_failed naming the
 * condition at fault. Needs `data.read`.
 */
export async function countSegment(db: Db, ctx: TenantContext, input: unknown): Promise<number> {
  requireRead(ctx);
  const { rules } = parseOrThrow(segmentRulesInputSchema, { rules: input });
  return countMembers(db, ctx, compileSegmentRules(rules));
}

/** Stores today's size of one segment (also done on create and by the daily snapshot job). */
export async function snapshotSegmentSize(
  exec: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  segment: Segment,
) {
  const size = segment.valid ? await countMembers(exec, ctx, conditionOf(segment)) : 0;
  await upsertSegmentSize(exec, ctx, segment.id, size);
  return size;
}

/**
 * Creates a rules segment (`{ name, description?, rules }`, rules as an object or JSON string)
 * and stores its first size. Throws forbidden without `data.write`, validation_failed with field
 * errors, conflict with a `name` field error when the name is taken.
 */
export async function createSegment(db: Db, ctx: TenantContext, input: unknown): Promise<Segment> {
  requireWrite(ctx);
  const data = parseOrThrow(segmentInputSchema, input);
  compileSegmentRules(data.rules);
  try {
    const segment = await db.transaction(async (tx) => {
      const row = await insertSegment(tx, {
        tenantId: ctx.tenantId,
        name: data.name,
        description: data.description,
        kind: 'rules',
        rules: data.rules,
        createdBy: ctx.userId ?? null,
      });
      if (!row) throw new AppError('internal', 'Could not save the segment.');
      await recordAudit(tx, ctx, {
        action: 'segment.created',
        targetType: 'segment',
        targetId: row.id,
        details: { name: row.name, conditions: data.rules.conditions.length },
      });
      const created = toSegment(row);
      await snapshotSegmentSize(tx, ctx, created);
      return created;
    });
    invalidateSegmentMembership(ctx.tenantId);
    return segment;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(NAME_TAKEN, { name: [NAME_TAKEN] });
    throw error;
  }
}

/**
 * Saves a segment. Rules segments take `{ name, description?, rules }`; RFM and discovered
 * segments only `{ name, description? }` (their rules belong to the discovery job). Throws
 * not_found (another workspace's id too), validation_failed, conflict on a taken name.
 */
export async function updateSegment(
  db: Db,
  ctx: TenantContext,
  id: string,
  input: unknown,
): Promise<Segment> {
  requireWrite(ctx);
  const before = await getSegment(db, ctx, id);
  if (!before) throw notFound('Segment not found.');
  const patch =
    before.kind === 'rules'
      ? parseOrThrow(segmentInputSchema, input)
      : parseOrThrow(segmentLabelSchema, input);
  if ('rules' in patch) compileSegmentRules(patch.rules);
  try {
    const segment = await db.transaction(async (tx) => {
      const row = await updateSegmentRow(tx, ctx, id, patch);
      if (!row) throw notFound('Segment not found.');
      const changed = (['name', 'description', 'rules'] as const).filter(
        (k) => k in patch && JSON.stringify(before[k]) !== JSON.stringify(row[k]),
      );
      await recordAudit(tx, ctx, {
        action: 'segment.updated',
        targetType: 'segment',
        targetId: id,
        details: { name: row.name, changed },
      });
      const updated = toSegment(row);
      // New rules mean a new size: today's stored size (pickers read it) follows them at once.
      if (changed.includes('rules')) await snapshotSegmentSize(tx, ctx, updated);
      return updated;
    });
    invalidateSegmentMembership(ctx.tenantId);
    return segment;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(NAME_TAKEN, { name: [NAME_TAKEN] });
    throw error;
  }
}

/** Deletes a segment and its size history. Throws not_found (another workspace's id too). */
export async function deleteSegment(db: Db, ctx: TenantContext, id: string): Promise<Segment> {
  requireWrite(ctx);
  if (!isUuid(id)) throw notFound('Segment not found.');
  const segment = await db.transaction(async (tx) => {
    const row = await deleteSegmentRow(tx, ctx, id);
    if (!row) throw notFound('Segment not found.');
    await recordAudit(tx, ctx, {
      action: 'segment.deleted',
      targetType: 'segment',
      targetId: id,
      details: { name: row.name, kind: row.kind },
    });
    return toSegment(row);
  });
  invalidateSegmentMembership(ctx.tenantId);
  return segment;
}

/** Stored daily sizes of one segment over the last `days` (1–730), oldest first; null: not found. */
export async function getSegmentSizes(
  db: Db,
  ctx: TenantContext,
  id: string,
  days = 90,
): Promise<{ day: string; size: number }[] | null> {
  const segment = await getSegment(db, ctx, id);
  if (!segment) return null;
  const span = Math.min(Math.max(Math.round(days), 1), 730);
  const rows = await listSegmentSizes(db, ctx, [segment.id], daysAgoIso(span));
  return rows.map(({ day, size }) => ({ day, size }));
}

export { parseSegmentRules };
