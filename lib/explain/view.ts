/**
 * Everything Models → Explanations shows for one shopper, loaded in one call: which models are
 * live, quick picks (the highest churn risk and propensity), the shopper, a waterfall per live
 * model (or why there is none), the placements and, for a chosen placement, the explained list.
 * Unknown shoppers and placements (another workspace's included) come back as "not found".
 */
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { listPlacements } from '@/lib/placements/service';
import { getLivePredictionModels, listScoredShoppers } from '@/lib/predict/service';
import type { TenantContext } from '@/lib/tenant/context';
import {
  EXPLAINED_KINDS,
  type ExplainedKind,
  type ExplainedShopper,
  explainFound,
  findShopperByRef,
  type PredictionExplanation,
  type RecommendationExplanation,
  recommendationsFor,
} from './service';

export interface QuickPick {
  kind: 'churn' | 'propensity';
  shopperId: string;
  score: number;
}

export type KindExplanation =
  | { kind: ExplainedKind; explanation: PredictionExplanation }
  | { kind: ExplainedKind; message: string };

export interface ShopperExplanationsView {
  liveKinds: ExplainedKind[];
  picks: QuickPick[];
  placements: { key: string; name: string }[];
  /** The shopper asked for; null when none was asked or none was found (see `notFound`). */
  shopper: ExplainedShopper | null;
  notFound: boolean;
  predictions: KindExplanation[];
  recommendations: RecommendationExplanation | null;
  /** Why the recommendations could not be shown (unknown placement …). */
  recommendationError: string | null;
}

const messageOf = (e: unknown): string => {
  if (e instanceof AppError && (e.code === 'not_found' || e.code === 'validation_failed')) return e.message;
  throw e;
};

/**
 * Loads the per-shopper view. `ref` is a Tailor id, customer id or anonymous id ('' for none);
 * `placement` a placement key ('' for none); reasons are written in `locale`. Needs `data.read`.
 */
export async function loadShopperExplanations(
  db: Db,
  ctx: TenantContext,
  input: { ref: string; placement: string; locale: string },
): Promise<ShopperExplanationsView> {
  const [live, placements, churn, propensity] = await Promise.all([
    getLivePredictionModels(db, ctx),
    listPlacements(db, ctx),
    listScoredShoppers(db, ctx, 'churn', { order: 'desc', limit: 1 }),
    listScoredShoppers(db, ctx, 'propensity', { order: 'desc', limit: 1 }),
  ]);
  const picks: QuickPick[] = [];
  for (const [kind, rows] of [
    ['churn', churn],
    ['propensity', propensity],
  ] as const) {
    const top = rows[0];
    if (top) picks.push({ kind, shopperId: top.shopperId, score: top.score });
  }
  const view: ShopperExplanationsView = {
    liveKinds: EXPLAINED_KINDS.filter((k) => live[k]),
    picks,
    placements: placements.map((p) => ({ key: p.key, name: p.name })),
    shopper: null,
    notFound: false,
    predictions: [],
    recommendations: null,
    recommendationError: null,
  };
  if (!input.ref) return view;
  const shopper = await findShopperByRef(db, ctx, input.ref);
  if (!shopper) return { ...view, notFound: true };
  view.shopper = shopper;
  view.predictions = await Promise.all(
    view.liveKinds.map(async (kind): Promise<KindExplanation> => {
      try {
        return { kind, explanation: await explainFound(db, ctx, shopper.id, kind) };
      } catch (e) {
        return { kind, message: messageOf(e) };
      }
    }),
  );
  if (input.placement) {
    try {
      view.recommendations = await recommendationsFor(db, ctx, shopper, input.placement, input.locale);
    } catch (e) {
      view.recommendationError = messageOf(e);
    }
  }
  return view;
}
