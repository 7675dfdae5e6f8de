import { isUniqueViolation } from '@/db/errors';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/service';
import { AppError, conflict, forbidden, notFound } from '@/lib/errors';
import { DEFAULT_RULES, type PlacementRules, placementRulesSchema } from '@/lib/recommend/rules/schema';
import type { ScenarioId } from '@/lib/recommend/scenarios';
import { invalidateRecommendLookups } from '@/lib/recommend/serve/lookups';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { parseOrThrow } from '@/lib/validation';
import { getTenant } from '@/lib/workspace/queries';
import { DEFAULT_PLACEMENTS, defaultTitles } from './defaults';
import {
  type PlacementRow,
  deletePlacementRow,
  getPlacementRowById,
  getPlacementRowByKey,
  insertPlacement,
  insertPlacementIfAbsent,
  listPlacementRows,
  updatePlacementRow,
} from './queries';
import { isUuid, placementIdSchema, placementInputSchema, placementStatusSchema } from './schemas';

/** A placement as the UI, API and serving read it: rules parsed with every default filled in. */
export interface Placement {
  id: string;
  key: string;
  name: string;
  scenario: ScenarioId;
  count: number;
  rules: PlacementRules;
  /** Locale → widget title; locales without a title are absent. */
  titles: Record<string, string>;
  layout: string;
  status: 'active' | 'paused';
  createdAt: Date;
  updatedAt: Date;
}

const KEY_TAKEN = 'This key is already used by another placement.';

function requireRead(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'data.read')) throw forbidden('Your role does not allow viewing placements.');
}

function requireWrite(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'data.write')) throw forbidden('Your role does not allow changing placements.');
}

/**
 * Stored rules are re-parsed on read so defaults added by a newer schema appear. Rules that no
 * longer parse (an older, stricter-or-looser version) fall back to the defaults rather than
 * breaking the storefront; saving the placement again replaces them.
 */
function toPlacement(row: PlacementRow): Placement {
  const rules = placementRulesSchema.safeParse(row.rules);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    scenario: row.scenario,
    count: row.count,
    rules: rules.success ? rules.data : DEFAULT_RULES,
    titles: row.titles,
    layout: row.layout,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Parses a placement body and checks its titles against the workspace's languages. */
async function parsePlacement(db: Db, ctx: TenantContext, input: unknown) {
  const data = parseOrThrow(placementInputSchema, input);
  const tenant = await getTenant(db, ctx);
  if (!tenant) throw notFound('Workspace not found.');
  const locales = new Set([tenant.locale, ...tenant.supportedLocales]);
  const titles: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const [locale, title] of Object.entries(data.titles)) {
    if (title === undefined) continue;
    if (!locales.has(locale))
      errors[`titles.${locale}`] = [`This workspace does not use the language “${locale}”.`];
    else titles[locale] = title;
  }
  if (Object.keys(errors).length)
    throw new AppError('validation_failed', 'Check the highlighted fields.', errors);
  return { ...data, titles };
}

/** The tenant's placements in name order. Needs `data.read`. */
export async function listPlacements(db: Db, ctx: TenantContext): Promise<Placement[]> {
  requireRead(ctx);
  return (await listPlacementRows(db, ctx)).map(toPlacement);
}

/**
 * One placement by id or by key ('home-for-you'), or null — also for another workspace's.
 * Needs `data.read`.
 */
export async function getPlacement(db: Db, ctx: TenantContext, idOrKey: string): Promise<Placement | null> {
  requireRead(ctx);
  const row = isUuid(idOrKey)
    ? await getPlacementRowById(db, ctx, idOrKey)
    : await getPlacementRowByKey(db, ctx, idOrKey);
  return row ? toPlacement(row) : null;
}

/**
 * Creates a placement (key, name, scenario, count 1–50, titles per workspace locale, rules).
 * Throws forbidden without `data.write`, validation_failed with field errors, conflict with a
 * `key` field error when the key is taken.
 */
export async function createPlacement(db: Db, ctx: TenantContext, input: unknown): Promise<Placement> {
  requireWrite(ctx);
  const data = await parsePlacement(db, ctx, input);
  try {
    return await db.transaction(async (tx) => {
      const row = await insertPlacement(tx, { tenantId: ctx.tenantId, ...data });
      if (!row) throw new AppError('internal', 'Could not save the placement.');
      await recordAudit(tx, ctx, {
        action: 'placement.created',
        targetType: 'placement',
        targetId: row.id,
        details: {
          key: row.key,
          name: row.name,
          scenario: row.scenario,
          count: row.count,
          layout: row.layout,
        },
      });
      invalidateRecommendLookups(ctx.tenantId); // the storefront sees the change on its next request
      return toPlacement(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(KEY_TAKEN, { key: [KEY_TAKEN] });
    throw error;
  }
}

/**
 * Replaces a placement's settings (the whole body, as the form sends it; status is kept).
 * Throws not_found (another workspace's id too), validation_failed, conflict on a taken key.
 */
export async function updatePlacement(
  db: Db,
  ctx: TenantContext,
  id: string,
  input: unknown,
): Promise<Placement> {
  requireWrite(ctx);
  if (!isUuid(id)) throw notFound('Placement not found.');
  const data = await parsePlacement(db, ctx, input);
  try {
    return await db.transaction(async (tx) => {
      const before = await getPlacementRowById(tx, ctx, id);
      const row = before && (await updatePlacementRow(tx, ctx, id, data));
      if (!before || !row) throw notFound('Placement not found.');
      const changed = (['key', 'name', 'scenario', 'count', 'layout', 'titles', 'rules'] as const).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(row[k]),
      );
      await recordAudit(tx, ctx, {
        action: 'placement.updated',
        targetType: 'placement',
        targetId: id,
        details: {
          key: row.key,
          name: row.name,
          changed,
          ...(before.key !== row.key ? { previousKey: before.key } : {}),
        },
      });
      invalidateRecommendLookups(ctx.tenantId); // the storefront sees the change on its next request
      return toPlacement(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(KEY_TAKEN, { key: [KEY_TAKEN] });
    throw error;
  }
}

/** Pauses or resumes a placement (`{ id, status: 'active' | 'paused' }`). Throws not_found. */
export async function setPlacementStatus(db: Db, ctx: TenantContext, input: unknown): Promise<Placement> {
  requireWrite(ctx);
  const { id, status } = parseOrThrow(placementStatusSchema, input);
  return db.transaction(async (tx) => {
    const row = await updatePlacementRow(tx, ctx, id, { status });
    if (!row) throw notFound('Placement not found.');
    await recordAudit(tx, ctx, {
      action: status === 'paused' ? 'placement.paused' : 'placement.resumed',
      targetType: 'placement',
      targetId: id,
      details: { key: row.key, name: row.name },
    });
    invalidateRecommendLookups(ctx.tenantId); // the storefront sees the change on its next request
    return toPlacement(row);
  });
}

/** Deletes a placement (`{ id }`); the storefront then gets nothing for its key. Throws not_found. */
export async function deletePlacement(db: Db, ctx: TenantContext, input: unknown): Promise<Placement> {
  requireWrite(ctx);
  const { id } = parseOrThrow(placementIdSchema, input);
  return db.transaction(async (tx) => {
    const row = await deletePlacementRow(tx, ctx, id);
    if (!row) throw notFound('Placement not found.');
    await recordAudit(tx, ctx, {
      action: 'placement.deleted',
      targetType: 'placement',
      targetId: id,
      details: { key: row.key, name: row.name, scenario: row.scenario },
    });
    invalidateRecommendLookups(ctx.tenantId); // the storefront sees the change on its next request
    return toPlacement(row);
  });
}

/**
 * Creates the starter placements (DEFAULT_PLACEMENTS) whose keys the workspace does not use yet,
 * with titles in its languages and the default rules. Idempotent: returns only those it created.
 * Needs `data.write`.
 */
export async function ensureDefaultPlacements(db: Db, ctx: TenantContext): Promise<Placement[]> {
  requireWrite(ctx);
  const tenant = await getTenant(db, ctx);
  if (!tenant) throw notFound('Workspace not found.');
  const locales = [...new Set([tenant.locale, ...tenant.supportedLocales])];
  return db.transaction(async (tx) => {
    const created: Placement[] = [];
    for (const d of DEFAULT_PLACEMENTS) {
      const row = await insertPlacementIfAbsent(tx, {
        tenantId: ctx.tenantId,
        key: d.key,
        name: d.name,
        scenario: d.scenario,
        count: d.count,
        titles: defaultTitles(d, locales),
        rules: DEFAULT_RULES,
      });
      if (row) created.push(toPlacement(row));
    }
    if (created.length > 0)
      await recordAudit(tx, ctx, {
        action: 'placement.defaults_created',
        targetType: 'placement',
        details: { keys: created.map((p) => p.key) },
      });
    return created;
  });
}
