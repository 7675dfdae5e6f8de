/**
 * Creatives of a campaign: the gallery list, approve / reject / pause / resume, and edits that
 * re-run every guardrail (a failing edit is refused with the reasons and nothing is saved).
 * Only approved creatives serve; every change that can alter serving invalidates its cache.
 */
import { and, inArray } from 'drizzle-orm';
import type { Db, Executor } from '@/db/client';
import { products } from '@/db/schema';
import type { AdChannel, CreativeStatus } from '@/db/schema/ads';
import { recordAudit } from '@/lib/audit/service';
import { AppError, notFound } from '@/lib/errors';
import { listSegmentRows } from '@/lib/segments/queries';
import { isUuid } from '@/lib/segments/inputs';
import { type TenantContext, tenantFilter } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { CHANNELS } from './channels';
import { prepareGuardrails, runGuardrails, seenKeys } from './guardrails';
import { toProductFact } from './products';
import {
  type CreativeRow,
  getCampaignRow,
  getCreativeRow,
  listCampaignFields,
  listCreativeRows,
  updateCreativeRow,
} from './queries';
import { creativeFilterSchema, editFieldsSchema } from './schemas';
import { invalidateAdServing } from './serve/cache';
import { loadCopyRules, requireAdsManage, requireAdsRead } from './settings';
import type { AdLocale, CreativeFields } from './types';
import type { CreativeView, EditCreativeResult } from './views';

type Tenant = Pick<TenantContext, 'tenantId'>;

async function productRows(exec: Executor, ctx: Tenant, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return exec
    .select()
    .from(products)
    .where(and(tenantFilter(ctx, products), inArray(products.id, [...new Set(ids)])));
}

/** Rows → views, with segment names and product titles. */
async function toViews(exec: Executor, ctx: Tenant, rows: CreativeRow[]): Promise<CreativeView[]> {
  const names = new Map((await listSegmentRows(exec, ctx)).map((s) => [s.id, s.name]));
  const found = await productRows(
    exec,
    ctx,
    rows.flatMap((r) => r.productIds),
  );
  const titles = new Map(found.map((p) => [p.id, toProductFact(p, 'en').title]));
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaignId,
    segmentId: r.segmentId,
    segmentName: r.segmentId ? (names.get(r.segmentId) ?? null) : null,
    locale: r.locale as AdLocale,
    channel: r.channel,
    productIds: r.productIds,
    productTitles: r.productIds.flatMap((id) => titles.get(id) ?? []),
    fields: r.fields,
    status: r.status,
    checks: r.checks,
    passed: r.checks.length > 0 && r.checks.every((c) => c.passed),
    generation: r.generation,
    edited: r.edited,
    pausedReason: r.pausedReason,
    approvedAt: r.approvedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

/**
 * A campaign's creatives grouped by segment (all shoppers first), locale and channel; filter by
 * `segmentId` (null = the all-shoppers slot), `locale`, `channel`, `status`. Needs `data.read`.
 * Throws not_found when the workspace has no such campaign, validation_failed for a bad filter.
 */
export async function listCreatives(
  db: Db,
  ctx: TenantContext,
  campaignId: string,
  filter: unknown = {},
): Promise<CreativeView[]> {
  requireAdsRead(ctx);
  if (!isUuid(campaignId) || !(await getCampaignRow(db, ctx, campaignId)))
    throw notFound('Campaign not found.');
  const f = parseOrThrow(creativeFilterSchema, filter ?? {});
  return toViews(db, ctx, await listCreativeRows(db, ctx, campaignId, f));
}

/** One creative as the gallery shows it, or null. Needs `data.read`. */
export async function getCreative(db: Db, ctx: TenantContext, id: string): Promise<CreativeView | null> {
  requireAdsRead(ctx);
  if (!isUuid(id)) return null;
  const row = await getCreativeRow(db, ctx, id);
  return row ? ((await toViews(db, ctx, [row]))[0] ?? null) : null;
}

interface Transition {
  to: CreativeStatus;
  from: readonly CreativeStatus[];
  action: string;
  /** Why the transition is refused when the creative is in another status. */
  refusal: string;
  needsPassed?: boolean;
}

const TRANSITIONS = {
  approve: {
    to: 'approved',
    from: ['candidate', 'rejected'],
    action: 'ads.creative_approved',
    refusal: 'Only a candidate or rejected creative can be approved.',
    needsPassed: true,
  },
  reject: {
    to: 'rejected',
    from: ['candidate', 'approved', 'paused'],
    action: 'ads.creative_rejected',
    refusal: 'This creative is already rejected.',
  },
  pause: {
    to: 'paused',
    from: ['approved'],
    action: 'ads.creative_paused',
    refusal: 'Only an approved creative can be paused.',
  },
  resume: {
    to: 'approved',
    from: ['paused'],
    action: 'ads.creative_resumed',
    refusal: 'Only a paused creative can be resumed.',
    needsPassed: true,
  },
} as const satisfies Record<string, Transition>;

async function transition(db: Db, ctx: TenantContext, id: string, t: Transition): Promise<CreativeView> {
  requireAdsManage(ctx);
  if (!isUuid(id)) throw notFound('Creative not found.');
  const row = await db.transaction(async (tx) => {
    const before = await getCreativeRow(tx, ctx, id);
    if (!before) throw notFound('Creative not found.');
    if (!(t.from as readonly string[]).includes(before.status)) throw new AppError('conflict', t.refusal);
    if (t.needsPassed && !before.checks.every((c) => c.passed))
      throw new AppError('conflict', 'A creative that fails a guardrail cannot serve; edit it first.');
    const approving = t.to === 'approved' && before.status !== 'paused';
    const updated = await updateCreativeRow(
      tx,
      ctx,
      id,
      {
        status: t.to,
        pausedReason: t.to === 'paused' ? `Paused by ${ctx.actorLabel}` : null,
        ...(approving ? { approvedAt: new Date(), approvedBy: ctx.userId ?? null } : {}),
      },
      t.from,
    );
    if (!updated) throw new AppError('conflict', t.refusal);
    await recordAudit(tx, ctx, {
      action: t.action,
      targetType: 'ad_creative',
      targetId: id,
      details: { campaignId: updated.campaignId, from: before.status, to: t.to },
    });
    return updated;
  });
  invalidateAdServing(ctx.tenantId);
  return (await toViews(db, ctx, [row]))[0]!;
}

/** Approves a candidate (or a rejected one) whose checks all passed; it then serves. Throws not_found, conflict. */
export const approveCreative = (db: Db, ctx: TenantContext, id: string) =>
  transition(db, ctx, id, TRANSITIONS.approve);
/** Rejects a creative (it stops serving). Throws not_found, conflict when already rejected. */
export const rejectCreative = (db: Db, ctx: TenantContext, id: string) =>
  transition(db, ctx, id, TRANSITIONS.reject);
/** Pauses an approved creative by hand. Throws not_found, conflict. */
export const pauseCreative = (db: Db, ctx: TenantContext, id: string) =>
  transition(db, ctx, id, TRANSITIONS.pause);
/** Resumes a paused creative (by hand or auto-paused). Throws not_found, conflict. */
export const resumeCreative = (db: Db, ctx: TenantContext, id: string) =>
  transition(db, ctx, id, TRANSITIONS.resume);

/**
 * Edits a creative's copy: `fields` (`{ field: texts }`, or its JSON string) replaces the named
 * fields, blank texts dropped; the result runs through every guardrail against the creative's
 * products, the workspace's copy rules and the campaign's other texts. A failing edit returns the
 * failed checks and saves nothing. Status stays (an approved creative serves the new text).
 * Throws not_found, forbidden, validation_failed for a field the channel does not have.
 */
export async function editCreative(
  db: Db,
  ctx: TenantContext,
  id: string,
  fields: unknown,
): Promise<EditCreativeResult> {
  requireAdsManage(ctx);
  if (!isUuid(id)) throw notFound('Creative not found.');
  const row = await getCreativeRow(db, ctx, id);
  if (!row) throw notFound('Creative not found.');
  const patch = parseOrThrow(editFieldsSchema, fields);
  const known = CHANNELS[row.channel].fields.map((f) => f.key);
  const unknown = Object.keys(patch).filter((k) => !known.includes(k));
  if (unknown.length > 0)
    throw new AppError(
      'validation_failed',
      `A ${CHANNELS[row.channel].label} has no field ${unknown.join(', ')}.`,
    );
  const next: CreativeFields = { ...row.fields };
  for (const [key, texts] of Object.entries(patch)) next[key] = texts.map((t) => t.trim()).filter(Boolean);

  const rules = await loadCopyRules(db, ctx);
  const others = (await listCampaignFields(db, ctx, row.campaignId)).filter((c) => c.id !== id);
  const facts = (await productRows(db, ctx, row.productIds)).map((p) => toProductFact(p, row.locale));
  await prepareGuardrails();
  const result = runGuardrails(
    { fields: next, productIds: row.productIds },
    {
      channel: row.channel,
      locale: row.locale as AdLocale,
      products: facts,
      brandName: rules.brandName,
      bannedWords: rules.bannedWords,
      requiredTerms: rules.requiredTerms,
      seen: new Set(others.flatMap((c) => seenKeys(c.fields, c.channel as AdChannel))),
    },
  );
  if (!result.passed) return { ok: false, failed: result.checks.filter((c) => !c.passed) };
  const updated = await db.transaction(async (tx) => {
    const saved = await updateCreativeRow(tx, ctx, id, { fields: next, checks: result.checks, edited: true });
    if (!saved) throw notFound('Creative not found.');
    await recordAudit(tx, ctx, {
      action: 'ads.creative_edited',
      targetType: 'ad_creative',
      targetId: id,
      details: { campaignId: saved.campaignId, fields: Object.keys(patch) },
    });
    return saved;
  });
  if (updated.status === 'approved') invalidateAdServing(ctx.tenantId);
  return { ok: true, creative: (await toViews(db, ctx, [updated]))[0]! };
}
