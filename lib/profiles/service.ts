import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { searchVectors } from '@/lib/embeddings/vector-index';
import { forbidden } from '@/lib/errors';
import { segmentCondition } from '@/lib/segments/service';
import { type TenantContext, hasPermission } from '@/lib/tenant/context';
import { SENSITIVE_ATTRIBUTES } from './compute';
import {
  SHOPPER_SORTS,
  type ShopperListRow,
  type ShopperRecord,
  type StoredProfile,
  type TimelineItem,
  getShopperWithProfile,
  listProductCards,
  listShopperRows,
  listTimeline,
} from './queries';
import { refreshProfiles } from './refresh';

/** The Shoppers pages' logic: list, profile, timeline. Every function needs `data.read`. */

export const SHOPPERS_PAGE_SIZE = 50;
export const TIMELINE_PAGE_SIZE = 30;

function requireRead(ctx: TenantContext): void {
  if (!hasPermission(ctx, 'data.read')) throw forbidden('Your role does not allow viewing shoppers.');
}

const listSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  sort: z.enum(SHOPPER_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  segmentId: z.string().uuid().optional().catch(undefined),
  kind: z.enum(['customer', 'visitor']).optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase())
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
/** The list's options as they come from a URL: anything invalid falls back to its default. */
export interface ShopperListInput {
  q?: string;
  /** One of SHOPPER_SORTS (default 'recency'). */
  sort?: string;
  dir?: string;
  segmentId?: string;
  kind?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  /** 1-based. */
  page?: number | string;
}

export interface ShopperList {
  rows: ShopperListRow[];
  total: number;
  page: number;
  pages: number;
  sort: (typeof SHOPPER_SORTS)[number];
  dir: 'asc' | 'desc';
  /** True when a segment id was given but this workspace has no such segment (nothing listed). */
  segmentMissing: boolean;
}

/**
 * One page of the workspace's shoppers: search by name, email, store id (or the shopper id itself);
 * sort by recency (default), orders, spend, churn, propensity, value, last seen or name; filter
 * by kind, country and segment. Bad parameters fall back to defaults (they come from the URL).
 * Throws forbidden without `data.read`.
 */
export async function listShoppers(
  db: Db,
  ctx: TenantContext,
  input: ShopperListInput = {},
): Promise<ShopperList> {
  requireRead(ctx);
  const o = listSchema.parse(input);
  const sort = o.sort ?? 'recency';
  const dir = o.dir ?? (sort === 'name' ? 'asc' : 'desc');
  const page = o.page ?? 1;
  let segment: SQL | undefined;
  // A segment parameter that is no id of any segment lists nobody rather than everybody.
  if (input.segmentId && !o.segmentId)
    return { rows: [], total: 0, page: 1, pages: 1, sort, dir, segmentMissing: true };
  if (o.segmentId) {
    const condition = await segmentCondition(db, ctx, o.segmentId);
    if (!condition) return { rows: [], total: 0, page: 1, pages: 1, sort, dir, segmentMissing: true };
    segment = condition;
  }
  const { rows, total } = await listShopperRows(
    db,
    ctx,
    { q: o.q, kind: o.kind, country: o.country, segment },
    { sort, dir, limit: SHOPPERS_PAGE_SIZE, offset: (page - 1) * SHOPPERS_PAGE_SIZE },
  );
  return {
    rows,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / SHOPPERS_PAGE_SIZE)),
    sort,
    dir,
    segmentMissing: false,
  };
}

/** How many shoppers the workspace has (customers and visitors). Throws forbidden without `data.read`. */
export async function countShoppers(db: Db, ctx: TenantContext): Promise<number> {
  requireRead(ctx);
  return (await listShopperRows(db, ctx, {}, { sort: 'name', dir: 'asc', limit: 0, offset: 0 })).total;
}

export interface ShopperProfileView {
  shopper: ShopperRecord;
  profile: StoredProfile;
  /** Whether this viewer may see the sensitive facts (they are removed otherwise). */
  sensitiveVisible: boolean;
}

/** Removes age, gender and the like from what a viewer without 'shoppers.sensitive' gets. */
function redact(view: ShopperProfileView): ShopperProfileView {
  const attributes = { ...view.shopper.attributes };
  for (const key of SENSITIVE_ATTRIBUTES) delete attributes[key];
  const details = view.profile.details;
  return {
    shopper: { ...view.shopper, attributes },
    profile: { ...view.profile, details: { ...details, facts: { ...details.facts, sensitive: {} } } },
    sensitiveVisible: false,
  };
}

/**
 * A shopper of this workspace with their profile; null when the id is not one of this
 * workspace's shoppers. A shopper without a stored profile gets it computed now. Sensitive facts
 * (age band, gender …) are present only for roles with 'shoppers.sensitive'.
 * Throws forbidden without `data.read`.
 */
export async function getShopperProfile(
  db: Db,
  ctx: TenantContext,
  shopperId: string,
): Promise<ShopperProfileView | null> {
  requireRead(ctx);
  let found = await getShopperWithProfile(db, ctx, shopperId);
  if (!found) return null;
  if (!found.profile) {
    await refreshProfiles(db, ctx, [found.shopper.id]);
    found = await getShopperWithProfile(db, ctx, shopperId);
    if (!found?.profile) return null;
  }
  const view: ShopperProfileView = { shopper: found.shopper, profile: found.profile, sensitiveVisible: true };
  return hasPermission(ctx, 'shoppers.sensitive') ? view : redact(view);
}

export interface InterestNeighbour {
  productId: string;
  score: number;
  title: Record<string, string>;
  brand: string | null;
  priceMinor: number;
  currency: string;
  category: string | null;
}

/**
 * The products nearest to a profile's interest vector (same workspace, same embedding space),
 * best first. [] without a vector or when the space is gone.
 */
export async function interestNeighbours(
  db: Db,
  ctx: TenantContext,
  profile: Pick<StoredProfile, 'interest' | 'interestSpace'>,
  k = 8,
): Promise<InterestNeighbour[]> {
  requireRead(ctx);
  if (!profile.interest || !profile.interestSpace) return [];
  const hits = await searchVectors(db, {
    tenantId: ctx.tenantId,
    space: profile.interestSpace,
    k,
    query: profile.interest,
  });
  const cards = new Map(
    (
      await listProductCards(
        db,
        ctx,
        hits.map((h) => h.productId),
      )
    ).map((c) => [c.id, c]),
  );
  return hits.flatMap((h) => {
    const c = cards.get(h.productId);
    return c
      ? [
          {
            productId: h.productId,
            score: h.score,
            title: c.title,
            brand: c.brand,
            priceMinor: Number(c.price_minor),
            currency: c.currency,
            category: c.category_path[0] ?? null,
          },
        ]
      : [];
  });
}

/**
 * A page (1-based) of one shopper's timeline, newest first; `hasMore` when another page exists.
 * Null when the shopper is not in this workspace. Throws forbidden without `data.read`.
 */
export async function getShopperTimeline(
  db: Db,
  ctx: TenantContext,
  shopperId: string,
  page = 1,
): Promise<{ items: TimelineItem[]; page: number; hasMore: boolean } | null> {
  requireRead(ctx);
  const found = await getShopperWithProfile(db, ctx, shopperId);
  if (!found) return null;
  const p = Number.isInteger(page) && page >= 1 ? Math.min(page, 10_000) : 1;
  const items = await listTimeline(db, ctx, found.shopper.id, {
    limit: TIMELINE_PAGE_SIZE + 1,
    offset: (p - 1) * TIMELINE_PAGE_SIZE,
  });
  return { items: items.slice(0, TIMELINE_PAGE_SIZE), page: p, hasMore: items.length > TIMELINE_PAGE_SIZE };
}
