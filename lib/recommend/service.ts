/**
 * Recommendations for one storefront request (issue 10, "API"): placement → scenario → the
 * scenario's fallback chain over the live model held in memory → the placement's business rules →
 * products with prices, titles and, on request, reasons in the reader's language. Everything per
 * request is in memory except cache refreshes (serve/lookups.ts, serve/catalog-cache.ts,
 * serve/registry.ts), which is what keeps this on the storefront's latency budget.
 */
import type { Executor } from '@/db/client';
import { AppError, notFound } from '@/lib/errors';
import type { TenantContext } from '@/lib/tenant/context';
import { formatReason } from './explain/format';
import type { Reason } from './explain/reasons';
import { applyRules, type Candidate } from './rules/apply';
import { DEFAULT_RULES } from './rules/schema';
import { fallbackChain, SCENARIOS, type ScenarioId, usableSteps } from './scenarios';
import type { RecommendationQuery } from './schemas';
import { getCatalogFacts, type ServingCatalog } from './serve/catalog-cache';
import {
  BEST_SELLER_DAYS,
  getBestSellers,
  getServedPlacement,
  getShopper,
  getTrainedAt,
} from './serve/lookups';
import { getServingModel } from './serve/registry';
import type { ServingModel } from './serve/serving-model';
import { candidatesFrom, type SourceInput } from './serve/sources';

export interface RecommendationInput extends RecommendationQuery {
  /** A publishable (storefront) key: personal scenarios fall back and no shopper data is used. */
  nonPersonal: boolean;
  /** Epoch ms of the request (tests pin it). */
  now?: number;
}

export interface RecommendedItem {
  productId: string;
  externalId: string;
  title: string;
  price: { amountMinor: number; currency: string };
  score: number;
  reasons?: { kind: Reason['kind']; text: string; contribution: number }[];
}

export interface RecommendationResult {
  placement: string | null;
  scenario: ScenarioId;
  items: RecommendedItem[];
  model: { version: number; trainedAt: string | null } | null;
  /** Why the answer is not the scenario's first choice, for the merchant's debugging. */
  fallback?: string;
}

const DEFAULT_K = 10;
/** Candidates asked from each step per requested item: the rules remove some, diversity more. */
const OVERFETCH = 4;

/**
 * @throws AppError not_found (unknown placement or product, another tenant's included),
 *   validation_failed (neither placement nor scenario).
 */
export async function getRecommendations(
  db: Executor,
  ctx: Pick<TenantContext, 'tenantId'>,
  input: RecommendationInput,
): Promise<RecommendationResult> {
  const { tenantId } = ctx;
  const now = input.now ?? Date.now();
  const placement = input.placement ? await getServedPlacement(db, tenantId, input.placement) : null;
  if (input.placement && !placement) throw notFound('Placement not found.');
  const asked = input.scenario ?? placement?.scenario;
  if (!asked) throw new AppError('validation_failed', 'Name a placement or a scenario.');
  const k = input.k ?? placement?.count ?? DEFAULT_K;
  const rules = placement?.rules ?? DEFAULT_RULES;
  const notes: string[] = [];

  const model = await getServingModel(db, tenantId);
  const [catalog, trainedAt] = await Promise.all([
    getCatalogFacts(db, tenantId, model),
    model ? getTrainedAt(db, tenantId, model.versionId) : null,
  ]);
  const item = input.item === undefined ? undefined : catalogIndex(catalog, input.item);
  if (input.item !== undefined && item === undefined) throw notFound('Product not found.');
  const cart = input.cart.flatMap((id) => catalogIndex(catalog, id) ?? []);

  // A storefront key never reads a shopper's history: personal scenarios answer with trending.
  let scenario: ScenarioId = asked;
  if (input.nonPersonal && SCENARIOS[asked].personal) {
    scenario = 'trending';
    notes.push('Personal scenarios need a secret key: trending instead.');
  }
  const shopper = input.nonPersonal || !input.shopper ? null : await getShopper(db, tenantId, input.shopper);
  const shopperIndex = shopper && model ? model.shopperIndex.get(shopper.id) : undefined;
  if (!model) notes.push(`No model is trained yet: best sellers of the last ${BEST_SELLER_DAYS} days.`);
  const bestSellers = model
    ? []
    : (await getBestSellers(db, tenantId, now)).flatMap((id) => catalog.facts.itemIndex.get(id) ?? []);

  const result = (items: RecommendedItem[]): RecommendationResult => ({
    placement: placement?.key ?? null,
    scenario,
    items,
    model: model ? { version: model.version, trainedAt: trainedAt?.toISOString() ?? null } : null,
    ...(notes.length > 0 ? { fallback: notes.join(' ') } : {}),
  });
  if (placement && !placement.active) {
    notes.push('The placement is paused.');
    return result([]);
  }

  const known = model?.isKnown(shopperIndex) ?? false;
  const steps = usableSteps(scenario, {
    shopper: known,
    item: item !== undefined,
    cart: cart.length > 0,
    session: cart.length > 0,
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
    bestSellers,
  };
  const purchased = rules.excludePurchased.enabled
    ? purchasesOf(model, q.shopper)
    : new Map<number, number>();
  const pool: Candidate[] = [];
  const seen = new Set<number>();
  let used: string | null = null;
  let ruled = applyRules(pool, rules, catalog.facts, { purchased, now, k, scenario });
  for (const step of steps) {
    const added = appendTier(pool, seen, candidatesFrom(step.source, q));
    if (added === 0) continue;
    if (used !== null || step !== fallbackChain(scenario)[0]) used = step.why;
    ruled = applyRules(pool, rules, catalog.facts, { purchased, now, k, scenario });
    if (ruled.items.length >= k) break;
  }
  if (used && model) notes.push(used);

  const names = (i: number) => titleOf(catalog, i, input.locale) ?? 'another product';
  const items: RecommendedItem[] = [];
  for (const r of ruled.items) {
    const p = catalog.products[r.item];
    if (!p) continue;
    items.push({
      productId: p.id,
      externalId: p.externalId,
      title: titleOf(catalog, r.item, input.locale) ?? p.externalId,
      price: { amountMinor: p.priceMinor, currency: p.currency },
      score: r.score,
      ...(input.explain
        ? {
            reasons: r.reasons.map((reason) => ({
              kind: reason.kind,
              text: formatReason(reason, names, input.locale),
              contribution: reason.contribution,
            })),
          }
        : {}),
    });
  }
  return result(items);
}

/** A product id (uuid) or the store's own id (external id) → catalog index. */
function catalogIndex(catalog: ServingCatalog, id: string): number | undefined {
  const i = catalog.facts.itemIndex.get(id) ?? catalog.byExternalId.get(id);
  return i !== undefined && catalog.products[i] ? i : undefined;
}

function titleOf(catalog: ServingCatalog, item: number, locale: string): string | undefined {
  const t = catalog.products[item]?.title;
  if (!t) return undefined;
  return t[locale] ?? t[locale.slice(0, 2)] ?? t.en ?? Object.values(t)[0];
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
