/**
 * Counterfactual explanations of a shopper's recommendations (issue 8), for the preview page: for
 * each of their latest history products, the list as if that interaction had not happened, against
 * the live list. Reads the live model, catalog and vectors from the serving caches; only the
 * shopper, their consent and their latest views come from the database.
 */
import type { Db } from '@/db/client';
import { consentAllows } from '@/lib/consent/enforce';
import { AppError, notFound } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { DEFAULT_RULES } from '../rules/schema';
import { SCENARIOS, type ScenarioId } from '../scenarios';
import { getCatalogFacts } from '../serve/catalog-cache';
import { getContentVectors } from '../serve/content';
import { getRecentViews, getServedPlacement, RECENT_VIEWS } from '../serve/lookups';
import { getServingModel } from '../serve/registry';
import { titleOf } from '../serve/response';
import type { SourceInput } from '../serve/sources';
import { counterfactuals, MAX_REMOVED, recentHistory } from './counterfactual';
import { getExplainedShopper } from './queries';

/** Scenarios whose list depends on the shopper's history (the others cannot change). */
const PERSONAL: readonly ScenarioId[] = ['for_you', 'buy_again'];
const DEFAULT_K = 10;

export interface CounterfactualProduct {
  productId: string;
  title: string;
  /** 1-based place in the list it is about. */
  position: number;
}

export interface CounterfactualChange {
  removed: { productId: string; title: string; lastPurchaseAt: string | null };
  /** Products that would leave the live list (their live place). */
  left: CounterfactualProduct[];
  /** Products that would enter it (their new place). */
  entered: CounterfactualProduct[];
  /** The list would come out the same, in the same order. */
  unchanged: boolean;
}

export interface CounterfactualReport {
  scenario: ScenarioId;
  placement: string | null;
  k: number;
  live: CounterfactualProduct[];
  changes: CounterfactualChange[];
  /** Why there is nothing to compare (no model, unknown shopper, no consent). */
  note?: string;
}

export interface CounterfactualInput {
  /** The shopper's row id (uuid). */
  shopperId: string;
  /** A placement key: its scenario, count and rules; else `scenario` with the default rules. */
  placement?: string;
  scenario?: ScenarioId;
  /** History products to try, 1–8 (default 8). */
  limit?: number;
  locale?: string;
  /** Epoch ms (tests pin it). */
  now?: number;
}

/**
 * @throws AppError not_found (a shopper or placement not in this workspace), validation_failed
 *   (a scenario that does not depend on the shopper's history).
 */
export async function recommendationCounterfactuals(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
  input: CounterfactualInput,
): Promise<CounterfactualReport> {
  const { tenantId } = ctx;
  const locale = input.locale ?? 'en';
  const shopper = await getExplainedShopper(db, ctx, input.shopperId);
  if (!shopper) throw notFound('Shopper not found.');
  const placement = input.placement ? await getServedPlacement(db, tenantId, input.placement) : null;
  if (input.placement && !placement) throw notFound('Placement not found.');
  const scenario = placement?.scenario ?? input.scenario ?? 'for_you';
  if (!PERSONAL.includes(scenario))
    throw new AppError(
      'validation_failed',
      `“${SCENARIOS[scenario].label}” does not depend on the shopper’s history: nothing to compare.`,
    );
  const k = placement?.count ?? DEFAULT_K;
  const report: CounterfactualReport = {
    scenario,
    placement: placement?.key ?? null,
    k,
    live: [],
    changes: [],
  };
  const model = await getServingModel(db, tenantId);
  if (!model) return { ...report, note: 'No model is trained yet: the lists do not use history.' };
  const index = model.shopperIndex.get(shopper.id);
  if (index === undefined || !model.isKnown(index))
    return { ...report, note: 'The trained model has no history for this shopper.' };
  if (!(await consentAllows(db, tenantId, shopper.id, 'personalization')))
    return {
      ...report,
      note: 'The shopper has not consented to personalization: their history is not used.',
    };

  const now = input.now ?? Date.now();
  const [catalog, views] = await Promise.all([
    getCatalogFacts(db, tenantId, model),
    getRecentViews(db, tenantId, { shopperId: shopper.id }),
  ]);
  const content = await getContentVectors(db, tenantId, catalog);
  const sourceInput: SourceInput = {
    model,
    catalog,
    shopper: index,
    country: shopper.country,
    cart: [],
    now,
    k,
    bestSellers: [],
    recent: views.flatMap((id) => catalog.facts.itemIndex.get(id) ?? []).slice(0, RECENT_VIEWS),
    content,
    explain: false,
  };
  const limit = Math.min(MAX_REMOVED, Math.max(1, Math.floor(input.limit ?? MAX_REMOVED)));
  const removed = recentHistory(sourceInput, limit);
  const { live, changes } = counterfactuals(
    { input: sourceInput, scenario, rules: placement?.rules ?? DEFAULT_RULES, k },
    removed,
  );
  const product = (item: number, position: number): CounterfactualProduct => ({
    productId: catalog.products[item]?.id ?? model.a.itemIds[item] ?? '',
    title: titleOf(catalog, item, locale) ?? catalog.products[item]?.externalId ?? 'A product no longer sold',
    position,
  });
  return {
    ...report,
    live: live.map((item, i) => product(item, i + 1)),
    changes: changes.map((c) => {
      const { productId, title } = product(c.removed.item, 0);
      return {
        removed: {
          productId,
          title,
          lastPurchaseAt:
            c.removed.lastPurchaseAt === null ? null : new Date(c.removed.lastPurchaseAt).toISOString(),
        },
        left: c.left.map((l) => product(l.item, l.position)),
        entered: c.entered.map((e) => product(e.item, e.position)),
        unchanged: c.list.length === live.length && c.list.every((item, i) => item === live[i]),
      };
    }),
  };
}
