/**
 * Fitting and evaluating one prediction kind on loaded histories (no database): the protocol
 * choices shared by the training job and `tailor predict evaluate|train`. Every as-of is epoch ms;
 * features strictly before it, labels in [asOf, asOf + horizon).
 */
import {
  type BinaryKind,
  type BinaryModel,
  evaluateBinaryCv,
  evaluateBinaryTemporal,
  fitBinary,
  ruleBinary,
  trainability,
} from '@/lib/predict/binary';
import { yieldToEventLoop } from '@/lib/compute/yield';
import { evaluateClv, fitClv } from '@/lib/predict/clv';
import { evaluatePreference, fitPreference } from '@/lib/predict/preference';
import type { BinaryEvaluation, ModelEvaluation, PredictionKind, ShopperHistory } from '@/lib/predict/types';
import { type AnyModel, CLV_HORIZON_DAYS, evaluateRuleBinary, hasFactBefore } from './scoring';

const DAY_MS = 86_400_000;
/** Default horizons, days: churn 90, propensity 30, preference 30; clv's is its holdout. */
export const DEFAULT_HORIZON: Record<PredictionKind, number> = {
  churn: 90,
  propensity: 30,
  preference: 30,
  clv: 182,
};
/** The earlier training window of a temporal evaluation needs this much history before it. */
export const MIN_HISTORY_DAYS = 30;
/** Longest and shortest clv holdout, days. */
export const CLV_MAX_HOLDOUT_DAYS = 182;
const CLV_MIN_HOLDOUT_DAYS = 14;

export type Protocol = 'temporal' | 'cv5';

/** Thrown when there is too little data for a kind; its message is safe to show. */
export class TooLittleData extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TooLittleData';
  }
}

/**
 * The binary evaluation at `asOf`: 'temporal' trains as of asOf − horizon (when the data reaches
 * back MIN_HISTORY_DAYS before it and the earlier window is trainable), else — or when asked —
 * 'cv5' at asOf (the result's `protocol` says which ran). A window too small to train honestly
 * gets the rule's evaluation with `fallback` filled.
 */
export function evaluateBinaryAt(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  opts: { asOf: number; horizonDays: number; first: number | null; protocol?: Protocol },
): BinaryEvaluation {
  const { asOf, horizonDays } = opts;
  const now = trainability(kind, histories, { asOf, horizonDays });
  const trainAsOf = asOf - horizonDays * DAY_MS;
  if (opts.protocol !== 'cv5') {
    const reaches = opts.first !== null && trainAsOf - opts.first >= MIN_HISTORY_DAYS * DAY_MS;
    const earlier = reaches ? trainability(kind, histories, { asOf: trainAsOf, horizonDays }) : null;
    if (earlier?.ok && now.n > 0)
      return evaluateBinaryTemporal(kind, histories, { trainAsOf, asOf, horizonDays });
  }
  if (now.ok) return evaluateBinaryCv(kind, histories, { asOf, horizonDays, folds: 5 });
  return evaluateRuleBinary(kind, histories, { asOf, horizonDays, fallback: fallbackOf(now) });
}

function fallbackOf(t: Extract<ReturnType<typeof trainability>, { ok: false }>) {
  return { reason: t.reason, minShoppers: t.minShoppers, minPositives: t.minPositives };
}

/** What training one kind produced: the model, its evaluation, and the row's facts. */
export interface FittedKind {
  model: AnyModel;
  evaluation: ModelEvaluation;
  /** The row's as-of: features of the final fit strictly before it. */
  asOf: number;
  horizonDays: number;
  /** Shoppers the final model was fitted on (eligible at its as-of). */
  shoppers: number;
}

/**
 * Fits the final model of `kind` for scoring at the data end `end` and evaluates it (see the
 * issue's protocol). Yields to the event loop between the CPU-bound steps, for when it runs on
 * the server's thread (no compute worker there). @throws TooLittleData when the kind cannot even
 * be evaluated.
 */
export async function fitKind(
  kind: PredictionKind,
  histories: readonly ShopperHistory[],
  opts: { end: number; first: number | null; horizonDays?: number; protocol?: Protocol },
): Promise<FittedKind> {
  const { end, first } = opts;
  if (histories.length === 0) throw new TooLittleData('No shoppers with orders or events yet.');
  if (kind === 'churn' || kind === 'propensity') {
    const horizonDays = opts.horizonDays ?? DEFAULT_HORIZON[kind];
    const asOf = end - horizonDays * DAY_MS;
    const t = trainability(kind, histories, { asOf, horizonDays });
    if (t.n === 0) {
      throw new TooLittleData(
        `No shopper ${kind === 'churn' ? 'had a paid order' : 'was active'} ${horizonDays} days before the end of the data, so nothing can be learned or checked yet.`,
      );
    }
    await yieldToEventLoop();
    const model: BinaryModel = t.ok
      ? fitBinary(kind, histories, { asOf, horizonDays })
      : ruleBinary(kind, horizonDays);
    await yieldToEventLoop();
    const evaluation = t.ok
      ? evaluateBinaryAt(kind, histories, { asOf, horizonDays, first, protocol: opts.protocol })
      : evaluateRuleBinary(kind, histories, {
          asOf,
          horizonDays,
          fallback: { reason: t.reason, minShoppers: t.minShoppers, minPositives: t.minPositives },
        });
    return { model: { kind, model }, evaluation, asOf, horizonDays, shoppers: t.n };
  }
  if (kind === 'clv') {
    const holdout = clvHoldoutDays(end, first, opts.horizonDays);
    await yieldToEventLoop();
    const model = fitClv(histories, { asOf: end });
    await yieldToEventLoop();
    const evaluation = evaluateClv(histories, { asOf: end - holdout * DAY_MS, holdoutDays: holdout });
    const shoppers = model.parameters.shoppers ?? 0;
    return { model: { kind, model }, evaluation, asOf: end, horizonDays: CLV_HORIZON_DAYS, shoppers };
  }
  const horizonDays = opts.horizonDays ?? DEFAULT_HORIZON.preference;
  await yieldToEventLoop();
  const model = fitPreference(histories, { asOf: end, horizonDays });
  await yieldToEventLoop();
  const evaluation = evaluatePreference(histories, { asOf: end - horizonDays * DAY_MS, horizonDays });
  const shoppers = histories.filter((h) => hasFactBefore(h, end)).length;
  return { model: { kind, model }, evaluation, asOf: end, horizonDays, shoppers };
}

/**
 * The clv holdout: `wanted` days, else a third of the history, at most CLV_MAX_HOLDOUT_DAYS.
 * @throws TooLittleData under CLV_MIN_HOLDOUT_DAYS.
 */
export function clvHoldoutDays(end: number, first: number | null, wanted?: number): number {
  const span = first === null ? 0 : (end - first) / DAY_MS;
  const days = wanted ?? Math.min(CLV_MAX_HOLDOUT_DAYS, Math.floor(span / 3));
  if (days < CLV_MIN_HOLDOUT_DAYS) {
    throw new TooLittleData(
      `The data spans ${Math.floor(span)} days: customer value needs at least ${3 * CLV_MIN_HOLDOUT_DAYS} to hold out ${CLV_MIN_HOLDOUT_DAYS} for its evaluation.`,
    );
  }
  return days;
}

/**
 * The evaluation of `kind` at `asOf` without storing anything (`tailor predict evaluate`):
 * churn/propensity per `protocol` (temporal: trained as of asOf − horizon), clv with a holdout of
 * `horizonDays` after asOf, preference over the `horizonDays` after asOf.
 */
export function evaluateKindAt(
  kind: PredictionKind,
  histories: readonly ShopperHistory[],
  opts: { asOf: number; first: number | null; horizonDays?: number; protocol?: Protocol },
): ModelEvaluation {
  const horizonDays = opts.horizonDays ?? DEFAULT_HORIZON[kind];
  if (kind === 'churn' || kind === 'propensity') {
    const t = trainability(kind, histories, { asOf: opts.asOf, horizonDays });
    if (t.n === 0) throw new TooLittleData(`No shopper is eligible for ${kind} as of this date.`);
    return evaluateBinaryAt(kind, histories, { ...opts, horizonDays, protocol: opts.protocol ?? 'temporal' });
  }
  if (kind === 'clv') return evaluateClv(histories, { asOf: opts.asOf, holdoutDays: horizonDays });
  return evaluatePreference(histories, { asOf: opts.asOf, horizonDays });
}
