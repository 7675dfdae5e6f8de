/**
 * Recommendations for one storefront request (issue 10, "API"): placement → scenario → the
 * scenario's fallback chain over the live model held in memory → the placement's business rules →
 * products with prices, titles and, on request, reasons in the reader's language. Everything per
 * request is in memory except cache refreshes (serve/lookups.ts, serve/catalog-cache.ts,
 * serve/registry.ts), which is what keeps this on the storefront's latency budget.
 */
import type { Db } from '@/db/client';
import { consentAllows } from '@/lib/consent/enforce';
import type { RecommendationVariant } from '@/lib/events/schemas';
import { AppError, notFound } from '@/lib/errors';
import { mitigationOff } from '@/lib/fairness/rerank';
import { MITIGATION_POOL, mitigateServed } from '@/lib/fairness/serve';
import { requestSeeds } from '@/lib/fairness/serve-content';
import { getCachedFairnessSettings } from '@/lib/fairness/settings';
import { isSegmentMember } from '@/lib/segments/membership';
import { type MaybePromise, runSyncFirst, wait } from '@/lib/sync-first';
import type { TenantContext } from '@/lib/tenant/context';
import { applyRules, type Candidate, type RulesOutcome } from './rules/apply';
import { DEFAULT_RULES } from './rules/schema';
import { fallbackChain, SCENARIOS, type ScenarioId, usableSteps } from './scenarios';
import type { RecommendationQuery } from './schemas';
import { getCatalogFacts, type ServingCatalog } from './serve/catalog-cache';
import { getContentVectors } from './serve/content';
import { audienceOf } from './serve/holdout';
import {
  BEST_SELLER_DAYS,
  getBestSellers,
  getRecentViews,
  getServedPlacement,
  getServedSettings,
  getShopper,
  getTrainedAt,
  getVisitor,
  RECENT_VIEWS,
} from './serve/lookups';
import type { ResolvedShopper } from './serve/queries';
import { getServingModel } from './serve/registry';
import { type RecommendationWidget, type RecommendedItem, toItems, widgetOf } from './serve/response';
import type { ServingModel } from './serve/serving-model';
import { candidatesFrom, type SourceInput } from './serve/sources';

export type { RecommendationWidget, RecommendedItem } from './serve/response';

export interface RecommendationInput extends Omit<RecommendationQuery, 'recent'> {
  /**
   * A publishable (storefront) key: personal only through `visitor` (the browser's anonymous id);
   * `shopper` is ignored, since customer ids are guessable and anonymous ids are bearer secrets.
   */
  nonPersonal: boolean;
  /** Store product ids (or uuids) viewed in this visit, newest first; unknown ids are ignored. */
  recent?: string[];
  /** Epoch ms of the request (tests pin it). */
  now?: number;
}

export interface RecommendationResult {
  placement: string | null;
  scenario: ScenarioId;
  items: RecommendedItem[];
  model: { version: number; trainedAt: string | null } | null;
  /** Why the answer is not the scenario's first choice, for the merchant's debugging. */
  fallback?: string;
  /** The uplift arm, only when a placement is named and the visitor (pk) or shopper (sk) is known. */
  variant?: RecommendationVariant;
  /** How the storefront renders the placement, only when a placement is named. */
  widget?: RecommendationWidget;
}

const DEFAULT_K = 10;
/** Candidates asked from each step per requested item: the rules remove some, diversity more. */
const OVERFETCH = 4;

/**
 * @throws AppError not_found (unknown placement or product, another tenant's included),
 *   validation_failed (neither placement nor scenario).
 */
export function getRecommendations(
  db: Db,
  ctx: Pick<TenantContext, 'tenantId'>,
  input: RecommendationInput,
): MaybePromise<RecommendationResult> {
  // Synchronous while every lookup is cached (lib/sync-first.ts): no await per request.
  return runSyncFirst(recommendSteps(db, ctx, input));
}

function* recommendSteps(db: Db, ctx: Pick<TenantContext, 'tenantId'>, input: RecommendationInput) {
  const { tenantId } = ctx;
  const now = input.now ?? Date.now();
  const placement = input.placement ? yield* wait(getServedPlacement(db, tenantId, input.placement)) : null;
  if (input.placement && !placement) throw notFound('Placement not found.');
  const asked = input.scenario ?? placement?.scenario;
  if (!asked) throw new AppError('validation_failed', 'Name a placement or a scenario.');
  const k = input.k ?? placement?.count ?? DEFAULT_K;
  const rules = placement?.rules ?? DEFAULT_RULES;
  const notes: string[] = [];

  const model = yield* wait(getServingModel(db, tenantId));
  const catalog = yield* wait(getCatalogFacts(db, tenantId, model));
  const trainedAt = model ? yield* wait(getTrainedAt(db, tenantId, model.versionId)) : null;
  const settings = yield* wait(getServedSettings(db, tenantId));
  const item = input.item === undefined ? undefined : catalogIndex(catalog, input.item);
  if (input.item !== undefined && item === undefined) throw notFound('Product not found.');
  const cart = input.cart.flatMap((id) => catalogIndex(catalog, id) ?? []);

  const audience = audienceOf(input, asked, {
    tenantId,
    placementNamed: placement !== null,
    holdoutShare: settings.holdoutShare,
    notes,
  });
  const { subject, variant } = audience;
  const resolved: ResolvedShopper | null =
    !audience.personal || subject === undefined
      ? null
      : input.nonPersonal
        ? yield* wait(getVisitor(db, tenantId, subject))
        : yield* wait(getShopper(db, tenantId, subject));
  // Consent (lib/consent/enforce.ts, from memory): a shopper who refused personalization is served
  // like an anonymous visitor: no history, no personal scenario, no audience targeting.
  const consented = !resolved || (yield* wait(consentAllows(db, tenantId, resolved.id, 'personalization')));
  const shopper = consented ? resolved : null;
  const personal = audience.personal && consented;
  let scenario = audience.scenario;
  if (!consented) {
    if (SCENARIOS[scenario].personal) scenario = 'trending';
    notes.push('The shopper has not consented to personalization: non-personal recommendations.');
  }
  // The visit itself (recent views) is history too: a storefront sends it only with consent.
  const visit = variant !== 'holdout' && (!input.nonPersonal || personal);
  const who = {
    shopperId: shopper?.id ?? null,
    ...(input.nonPersonal && personal ? { anonymousId: input.visitor } : {}),
  };
  const recent = visit
    ? yield* recentOf(db, tenantId, catalog, input.recent ?? [], personal ? who : null)
    : [];
  const shopperIndex = shopper && model ? model.shopperIndex.get(shopper.id) : undefined;
  if (!model) notes.push(`No model is trained yet: best sellers of the last ${BEST_SELLER_DAYS} days.`);
  const bestSellers = model ? [] : yield* wait(getBestSellers(db, tenantId, now));
  const content = yield* wait(getContentVectors(db, tenantId, catalog));

  const result = (items: RecommendedItem[]): RecommendationResult => ({
    placement: placement?.key ?? null,
    scenario,
    items,
    model: model ? { version: model.version, trainedAt: trainedAt?.toISOString() ?? null } : null,
    ...(notes.length > 0 ? { fallback: notes.join(' ') } : {}),
    ...(variant ? { variant } : {}),
    ...(placement ? { widget: widgetOf(placement, settings, input.locale) } : {}),
  });
  if (placement && !placement.active) {
    notes.push('The placement is paused.');
    return result([]);
  }
  // An audience placement: only its segment's shoppers (an in-memory member set per segment).
  if (
    rules.audienceSegmentId &&
    !(yield* wait(isSegmentMember(db, tenantId, rules.audienceSegmentId, shopper?.id)))
  ) {
    notes.push('The shopper is not in the placement’s audience.');
    return result([]);
  }

  const known = model?.isKnown(shopperIndex) ?? false;
  const steps = usableSteps(scenario, {
    shopper: known,
    item: item !== undefined,
    cart: cart.length > 0,
    session: cart.length > 0 || recent.length > 0,
  });
  const q: SourceInput = {
    model,
    catalog,
    shopper: known ? shopperIndex : undefined,
    country: shopper?.country ?? null,
    item,
    cart,
    now,
    k: k * OVERFETCH + rules.pins.length,
    bestSellers: bestSellers.flatMap((id) => catalog.facts.itemIndex.get(id) ?? []),
    recent,
    content,
    explain: input.explain,
  };
  const purchased = rules.excludePurchased.enabled
    ? purchasesOf(model, q.shopper)
    : new Map<number, number>();
  const pool: Candidate[] = [];
  const seen = new Set<number>();
  let used: string | null = null;
  // Ruled after each step that adds candidates (pins alone when none does).
  let ruled: RulesOutcome | undefined;
  for (const step of steps) {
    const added = appendTier(pool, seen, candidatesFrom(step.source, q));
    if (added === 0) continue;
    if (used !== null || step !== fallbackChain(scenario)[0]) used = step.why;
    ruled = applyRules(pool, rules, catalog.facts, { purchased, now, k, scenario });
    if (ruled.items.length >= k) break;
  }
  ruled ??= applyRules(pool, rules, catalog.facts, { purchased, now, k, scenario });
  // Issue 8: exposure-aware re-ranking of a 3·k ruled pool, only when the merchant switched it on.
  // Each floor adds the protected items most relevant to the request, through the same rules.
  const mitigation = (yield* wait(getCachedFairnessSettings(db, ctx))).recommendations;
  if (!mitigationOff(mitigation)) {
    const wide = applyRules(pool, rules, catalog.facts, { purchased, now, k: MITIGATION_POOL * k, scenario });
    const bought = purchasesOf(model, q.shopper);
    const { facts } = catalog;
    const context = [...(item === undefined ? [] : [item]), ...cart];
    ruled = {
      ...ruled,
      items: mitigateServed(wide.items, {
        k,
        now,
        mitigation,
        facts,
        model,
        history: bought.size > 0 ? [...bought.keys()] : recent,
        diversity: rules.diversity,
        applyRules: (extra) =>
          applyRules(extra, { ...rules, pins: [] }, facts, { purchased, now, k: extra.length, scenario })
            .items,
        seeds: { vectors: content, seeds: requestSeeds({ item, cart, recent, bought, now }) },
        exclude: [...context, ...recent],
      }),
    };
  }
  if (used && model) notes.push(used);

  const named = new Set<number>([
    ...cart,
    ...(input.recent ?? []).flatMap((id) => catalogIndex(catalog, id) ?? []),
  ]);
  if (item !== undefined) named.add(item);
  return result(
    toItems(ruled.items, catalog, settings, {
      locale: input.locale,
      explain: input.explain,
      publicReasonsOnly: input.nonPersonal,
      named,
    }),
  );
}

/**
 * The visit's views as catalog indexes, newest first, deduplicated, at most RECENT_VIEWS: the
 * request's `recent` ids, then the latest view events of the shopper and of the requesting
 * browser (5 s cache), so a caller gets "recently viewed" without sending it. Unknown ids are skipped.
 */
function* recentOf(
  db: Db,
  tenantId: string,
  catalog: ServingCatalog,
  sent: readonly string[],
  who: { shopperId: string | null; anonymousId?: string } | null,
) {
  const ids = [...sent];
  if (who) ids.push(...(yield* wait(getRecentViews(db, tenantId, who))));
  const out: number[] = [];
  for (const id of ids) {
    const i = catalogIndex(catalog, id);
    if (i !== undefined && !out.includes(i)) out.push(i);
    if (out.length >= RECENT_VIEWS) break;
  }
  return out;
}

/** A product id (uuid) or the store's own id (external id) → catalog index. */
function catalogIndex(catalog: ServingCatalog, id: string): number | undefined {
  const i = catalog.facts.itemIndex.get(id) ?? catalog.byExternalId.get(id);
  return i !== undefined && catalog.products[i] ? i : undefined;
}

/**
 * Adds a fallback step's candidates below everything already in the pool (scaled into
 * (0, 0.9 × the pool's lowest score]), so a later step only fills what an earlier one left empty.
 * Returns how many were new.
 */
function appendTier(pool: Candidate[], seen: Set<number>, next: Candidate[]): number {
  const fresh = next.filter((c) => !seen.has(c.item));
  if (fresh.length === 0) return 0;
  let floor = Number.POSITIVE_INFINITY;
  for (const c of pool) floor = Math.min(floor, c.score);
  let max = 0;
  for (const c of fresh) max = Math.max(max, c.score);
  fresh.forEach((c, r) => {
    seen.add(c.item);
    const rel = max > 0 && c.score > 0 ? 0.1 + (0.9 * c.score) / max : 1 / (2 + r);
    const score = pool.length === 0 || !Number.isFinite(floor) ? c.score : 0.9 * Math.max(floor, 1e-9) * rel;
    pool.push({ ...c, score });
  });
  return fresh.length;
}

/** Last purchase (epoch ms) per item of a known shopper, for the "exclude purchased" rule. */
function purchasesOf(model: ServingModel | null, shopper: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  const b = model?.a.buyAgain;
  if (!b || shopper === undefined || shopper < 0 || shopper >= b.ptr.length - 1) return out;
  for (let p = b.ptr[shopper]!; p < b.ptr[shopper + 1]!; p++) out.set(b.items[p]!, b.last[p]!);
  return out;
}
