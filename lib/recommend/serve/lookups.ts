/**
 * The database facts a recommendation request needs besides the model and the catalog, each
 * cached per tenant for a few seconds so a storefront's repeated calls cost no query: the
 * placement by key (rules parsed once), a shopper by storefront id, the no-model best sellers,
 * and when a model version was trained.
 */
import type { Executor } from '@/db/client';
import { log } from '@/lib/log';
import {
  findShopper,
  getModelsTrainedAt,
  getPlacementByKey,
  listBestSellers,
  type PlacementRow,
} from '../queries';
import { DEFAULT_RULES, type PlacementRules, placementRulesSchema } from '../rules/schema';
import { TtlCache } from './ttl-cache';

export interface ServedPlacement {
  key: string;
  scenario: PlacementRow['scenario'];
  count: number;
  active: boolean;
  rules: PlacementRules;
}

/** How far back the no-model best sellers look. */
export const BEST_SELLER_DAYS = 30;
const BEST_SELLERS = 200;

interface Caches {
  placements: TtlCache<ServedPlacement | null>;
  shoppers: TtlCache<{ id: string; country: string | null } | null>;
  bestSellers: TtlCache<string[]>;
  trainedAt: TtlCache<Date | null>;
}

// globalThis: shared by the fast path and Next's bundle (two module graphs, one process).
const g = globalThis as unknown as { __tailorRecommendLookups?: Caches };
g.__tailorRecommendLookups ??= {
  placements: new TtlCache(5_000),
  shoppers: new TtlCache(30_000),
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
    };
  });
}

export function getShopper(
  db: Executor,
  tenantId: string,
  ref: string,
): { id: string; country: string | null } | null | Promise<{ id: string; country: string | null } | null> {
  return caches.shoppers.get(`${tenantId}:${ref}`, () => findShopper(db, { tenantId }, ref));
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

/** Forgets a tenant's cached placements and shoppers (after a placement is edited in this process). */
export function invalidateRecommendLookups(tenantId: string): void {
  for (const c of [caches.placements, caches.shoppers, caches.bestSellers]) c.forgetPrefix(`${tenantId}:`);
}

/** Tests only. */
export function clearRecommendLookups(): void {
  for (const c of Object.values(caches)) c.clear();
}
