/**
 * Explanations of one shopper, shared by Models → Explanations, the REST API and `tailor explain`:
 * why the live churn / propensity / value model gives them their score (additive contributions
 * that add up exactly to the score minus the base value), and why each item of a placement's list
 * is recommended to them (reasons with their shares of the item's score). Every function takes the
 * tenant context; another workspace's shopper, model or placement is not found.
 */
import type { Db } from '@/db/client';
import { AppError, notFound } from '@/lib/errors';
import { explainShopperPrediction, getLivePredictionModels } from '@/lib/predict/service';
import type { Contribution } from '@/lib/predict/types';
import { getRecommendations, type RecommendedItem } from '@/lib/recommend/service';
import type { TenantContext } from '@/lib/tenant/context';
import { type ExplainedShopper, findShopperByRef } from './queries';

export type { ExplainedShopper };
export { findShopperByRef };

type Tenant = Pick<TenantContext, 'tenantId'>;

/** The prediction kinds with a per-shopper waterfall (preference explains a category, not a score). */
export const EXPLAINED_KINDS = ['churn', 'propensity', 'clv'] as const;
export type ExplainedKind = (typeof EXPLAINED_KINDS)[number];

export const EXPLAINED_KIND_LABEL: Record<ExplainedKind, string> = {
  churn: 'churn risk',
  propensity: 'purchase propensity',
  clv: 'customer value',
};

/** Whether `s` names a kind with a waterfall. */
export function isExplainedKind(s: string): s is ExplainedKind {
  return (EXPLAINED_KINDS as readonly string[]).includes(s);
}

/**
 * A shopper's prediction explained: `baseValue` + Σ contributions = `total` (exactly, up to float
 * rounding), and `score` = sigmoid(total) for 'logit' models (a probability, 0..1) or `total`
 * itself for 'identity' ones (clv: expected 12-month spend, minor units of the workspace currency).
 */
export interface PredictionExplanation {
  shopperId: string;
  model: ExplainedKind;
  method: string;
  link: 'logit' | 'identity';
  score: number;
  baseValue: number;
  total: number;
  contributions: Contribution[];
}

/**
 * Explains the live `kind` model's score of the shopper named by `ref` (Tailor id, customer id or
 * anonymous id).
 * @throws AppError not_found: unknown shopper (another workspace's too), no live model of the
 *   kind, or the shopper is not scored by it (e.g. churn for someone who never bought).
 */
export async function explainShopperScore(
  db: Db,
  ctx: Tenant,
  ref: string,
  kind: ExplainedKind,
): Promise<PredictionExplanation> {
  const shopper = await findShopperByRef(db, ctx, ref);
  if (!shopper) throw notFound('Shopper not found.');
  return explainFound(db, ctx, shopper.id, kind);
}

/** As `explainShopperScore` for a shopper already found in this workspace. */
export async function explainFound(
  db: Db,
  ctx: Tenant,
  shopperId: string,
  kind: ExplainedKind,
): Promise<PredictionExplanation> {
  const live = await getLivePredictionModels(db, ctx);
  const label = EXPLAINED_KIND_LABEL[kind];
  if (!live[kind]) throw notFound(`No live ${label} model: train predictions first.`);
  const e = await explainShopperPrediction(db, ctx, shopperId, kind);
  if (!e) throw notFound(`This shopper has no ${label} score (${NOT_SCORED[kind]}).`);
  return {
    shopperId,
    model: kind,
    method: e.method,
    link: e.link,
    score: e.score,
    baseValue: e.base,
    total: e.total,
    contributions: e.contributions,
  };
}

const NOT_SCORED: Record<ExplainedKind, string> = {
  churn: 'it is computed for customers with a paid order',
  propensity: 'it is computed for shoppers with an order or an event',
  clv: 'it is computed for customers with a paid order',
};

/** The recommendations of one placement for one shopper, each item with its reasons. */
export interface RecommendationExplanation {
  shopperId: string;
  placement: string;
  scenario: string;
  /** Why the answer is not the scenario's first choice (no model yet, unknown to the model …). */
  fallback: string | null;
  items: RecommendedItem[];
}

/**
 * What the placement `placementKey` recommends to the shopper named by `ref`, explained (as the
 * API answers a secret key with `explain=1`); reasons in `locale` (en, de, fr, es; others: en).
 * @throws AppError not_found: unknown shopper or placement (another workspace's too).
 */
export async function explainShopperRecommendations(
  db: Db,
  ctx: Tenant,
  ref: string,
  placementKey: string,
  locale: string,
): Promise<RecommendationExplanation> {
  const shopper = await findShopperByRef(db, ctx, ref);
  if (!shopper) throw notFound('Shopper not found.');
  return recommendationsFor(db, ctx, shopper, placementKey, locale);
}

/** As `explainShopperRecommendations` for a shopper already found in this workspace. */
export async function recommendationsFor(
  db: Db,
  ctx: Tenant,
  shopper: ExplainedShopper,
  placementKey: string,
  locale: string,
): Promise<RecommendationExplanation> {
  const key = placementKey.trim();
  if (!key) throw new AppError('validation_failed', 'Name a placement.');
  // Serving looks shoppers up by the store's ids, as the storefront and the API name them.
  const subject = shopper.externalId ?? shopper.anonymousId ?? undefined;
  const answer = await getRecommendations(db, ctx, {
    placement: key,
    shopper: subject,
    cart: [],
    explain: true,
    locale,
    nonPersonal: false,
  });
  return {
    shopperId: shopper.id,
    placement: answer.placement ?? key,
    scenario: answer.scenario,
    fallback: answer.fallback ?? null,
    items: answer.items,
  };
}

/** Reason contributions of an item as whole percentages of its score ("62 %"); pins and fairness moves: 0. */
export function contributionPercent(contribution: number): number {
  return Math.round(contribution * 100);
}
