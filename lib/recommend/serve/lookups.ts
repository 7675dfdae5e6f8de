/**
 * The database facts a recommendation request needs besides the model and the catalog, each
 * cached per tenant for a few seconds so a storefront's repeated calls cost no query: the
 * placement by key (rules parsed once), a shopper by storefront id or by browser id (stitched to
 * the customer), a shopper's latest views, the storefront settings, the current embedding space,
 * the no-model best sellers, and when a model version was trained.
 */
import type { Executor } from '@/db/client';
import { log } from '@/lib/log';
// The queries module, not the service: the service calls invalidateRecommendLookups (no import cycle).
import { getStorefrontSettingsRow } from '@/lib/storefront/queries';
import { STOREFRONT_DEFAULTS, type StorefrontSettings } from '@/lib/storefront/schemas';
import { getModelsTrainedAt, getPlacementByKey, listBestSellers, type PlacementRow } from '../queries';
import { DEFAULT_RULES, type PlacementRules, placementRulesSchema } from '../rules/schema';
import {
  findServedShopper,
  findShopperByAnonymousId,
  getCurrentSpace,
  type ResolvedShopper,
} from './queries';
import { invalidateCatalogFacts } from './catalog-cache';
import { clearRecentViews, forgetRecentViews, getRecentViewIds } from './recent-views';
import { TtlCache } from './ttl-cache';

export type WidgetLayout = 'grid' | 'carousel' | 'list';
const LAYOUTS: readonly string[] = ['grid', 'carousel', 'list'];

export interface ServedPlacement {
  key: string;
  scenario: PlacementRow['scenario'];
  count: number;
  active: boolean;
  rules: PlacementRules;
  /** Locale → widget title. */
  titles: Record<string, string>;
  layout: WidgetLayout;
}

/** How many recent views of a shopper the serving path reads (the `recent` parameter's cap too). */
export const RECENT_VIEWS = 20;

/** How far back the no-model best sellers look. */
export const BEST_SELLER_DAYS = 30;
const BEST_SELLERS = 200;

interface Caches {
  placements: TtlCache<ServedPlacement | null>;
  shoppers: TtlCache<ResolvedShopper | null>;
  visitors: TtlCache<ResolvedShopper | null>;
  settings: TtlCache<StorefrontSettings>;
  spaces: TtlCache<{ space: string; version: number } | null>;
  bestSellers: TtlCache<string[]>;
  trainedAt: TtlCache<Date | null>;
}

// globalThis: shared by the fast path and Next's bundle (two module graphs, one process).
const g = globalThis as unknown as { __tailorRecommendLookups?: Caches };
g.__tailorRecommendLookups ??= {
  placements: new TtlCache(5_000),
  shoppers: new TtlCache(30_000),
  visitors: new TtlCache(30_000),
  settings: new TtlCache(5_000, 10_000),
  spaces: new TtlCache(5_000, 10_000),
  bestSellers: new TtlCache(60_000, 10_000),
  trainedAt: new TtlCache(3_600_000, 10_000),
};
const caches = g.__tailorRecommendLookups;

export function getServedPlacement(
  db: Executor,
  tenantId: string,
  key: string,
): ServedPlacement | null | Promise<ServedPlacement | null> {
  return caches.placements.get(`${tenantId}:${key}`, async () => {
    const row = await getPlacementByKey(db, { tenantId }, key);
    if (!row) return null;
    const parsed = placementRulesSchema.safeParse(row.rules);
    // Stored rules the current schema rejects must not take the storefront down: serve the defaults.
    if (!parsed.success) log('warn', 'recommend.placement_rules_invalid', { tenantId, placement: key });
    return {
      key: row.key,
      scenario: row.scenario,
      count: row.count,
      active: row.status === 'active',
      rules: parsed.success ? parsed.data : DEFAULT_RULES,
      titles: row.titles,
      layout: (LAYOUTS.includes(row.layout) ? row.layout : 'grid') as WidgetLayout,
    };
  });
}

/** A shopper by customer external id or anonymous id (stitched to its customer), secret keys only. */
export function getShopper(
  db: Executor,
  tenantId: string,
  ref: string,
): ResolvedShopper | null | Promise<ResolvedShopper | null> {
  return caches.shoppers.get(`${tenantId}:${ref}`, () => findServedShopper(db, { tenantId }, ref));
}

/**
 * The shopper behind a browser's anonymous id (its customer once linked), for publishable keys:
 * never looks at external ids, which are guessable, while an anonymous id is a bearer secret.
 */
export function getVisitor(
  db: Executor,
  tenantId: string,
  anonymousId: string,
): ResolvedShopper | null | Promise<ResolvedShopper | null> {
  return caches.visitors.get(`${tenantId}:${anonymousId}`, () =>
    findShopperByAnonymousId(db, { tenantId }, anonymousId),
  );
}

/**
 * Product ids (uuid) the shopper (and the requesting browser's anonymous id) viewed last, newest
 * first, at most RECENT_VIEWS: from memory after the visitor's first read, kept current from the
 * view events (./recent-views.ts), so "recently viewed" follows the visit within a second.
 */
export function getRecentViews(
  db: Executor,
  tenantId: string,
  who: { shopperId: string | null; anonymousId?: string },
): string[] | Promise<string[]> {
  return getRecentViewIds(db, tenantId, who);
}

/** The workspace's storefront settings (holdout share, theme, titles, link template). */
export function getServedSettings(
  db: Executor,
  tenantId: string,
): StorefrontSettings | Promise<StorefrontSettings> {
  return caches.settings.get(`${tenantId}:settings`, async () => {
    const row = await getStorefrontSettingsRow(db, { tenantId });
    if (!row) return { ...STOREFRONT_DEFAULTS, theme: {} };
    return {
      attributionWindowDays: row.attributionWindowDays,
      holdoutShare: row.holdoutShare,
      theme: row.theme,
      defaultTitle: row.defaultTitle,
      productUrlTemplate: row.productUrlTemplate,
    };
  });
}

/** The tenant's current embedding space and its version, null when nothing is embedded. */
export function getServedSpace(
  db: Executor,
  tenantId: string,
): { space: string; version: number } | null | Promise<{ space: string; version: number } | null> {
  return caches.spaces.get(`${tenantId}:space`, () => getCurrentSpace(db, { tenantId }));
}

/** Product ids (uuid) by units sold over the last BEST_SELLER_DAYS, best first. */
export function getBestSellers(db: Executor, tenantId: string, now: number): string[] | Promise<string[]> {
  return caches.bestSellers.get(`${tenantId}:best`, async () => {
    const since = new Date(now - BEST_SELLER_DAYS * 86_400_000);
    const rows = await listBestSellers(db, { tenantId }, since, BEST_SELLERS);
    return rows.map((r) => r.productId);
  });
}

export function getTrainedAt(
  db: Executor,
  tenantId: string,
  versionId: string,
): Date | null | Promise<Date | null> {
  return caches.trainedAt.get(`${tenantId}:${versionId}`, async () => {
    const at = await getModelsTrainedAt(db, { tenantId }, [versionId]);
    return at.get(versionId) ?? null;
  });
}

/**
 * Forgets a tenant's cached placements, shoppers, views, settings and space (after a placement,
 * the storefront settings, an import or a sync changed them in this process).
 */
export function invalidateRecommendLookups(tenantId: string): void {
  for (const c of [
    caches.placements,
    caches.shoppers,
    caches.visitors,
    caches.settings,
    caches.spaces,
    caches.bestSellers,
  ])
    c.forgetPrefix(`${tenantId}:`);
  forgetRecentViews(tenantId);
}

/**
 * Forgets everything the recommendation endpoint caches for a tenant except the model (which
 * follows its own version): catalog, placements, shoppers, settings. Called at the end of
 * imports, connector syncs and product webhooks in this process; other processes catch up
 * within the caches' TTLs.
 */
export function invalidateRecommendServing(tenantId: string): void {
  invalidateCatalogFacts(tenantId);
  invalidateRecommendLookups(tenantId);
}

/** Tests only. */
export function clearRecommendLookups(): void {
  for (const c of Object.values(caches)) c.clear();
  clearRecentViews();
}
