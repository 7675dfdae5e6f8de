/**
 * Fitting the 'logistic-gam' churn / propensity model: features strictly before the as-of date,
 * labels in [asOf, asOf + horizon), the penalty strength λ chosen by 3-fold stratified inner
 * validation (mean log loss) over a fixed grid with warm starts, then a refit on all rows.
 */
import { homeMarketOf, shopperFeatures } from '@/lib/predict/features';
import type { ShopperHistory } from '@/lib/predict/types';
import { designOf, learnEncodings, penaltyOf } from './design';
import { splitFold, stratifiedFolds } from './folds';
import type { BinaryFitOptions, BinaryKind, BinaryModel } from './index';
import { eligible, labelOf } from './labels';
import { fitLogistic, rowDot, sigmoid } from './logistic';
import { GamModel } from './model';

/** λ grid, strongest first (warm starts run from the flattest model towards the most flexible). */
export const LAMBDAS = [1000, 300, 100, 30, 10, 3] as const;
const INNER_FOLDS = 3;

/** Eligible shoppers at `asOf` with their raw features and labels. */
export interface Prepared {
  histories: ShopperHistory[];
  rows: Float64Array[];
  labels: Uint8Array;
  home: string | null;
}

/** Selects the eligible shoppers and computes features (before asOf) and labels (in the window). */
export function prepare(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  asOf: number,
  horizonDays: number,
  home?: string | null,
): Prepared {
  const chosen = histories.filter((h) => eligible(kind, h, asOf));
  const ctx = { home: home === undefined ? homeMarketOf(chosen) : home };
  return {
    histories: chosen,
    rows: chosen.map((h) => shopperFeatures(h, asOf, ctx)),
    labels: Uint8Array.from(chosen, (h) => labelOf(kind, h, asOf, horizonDays)),
    home: ctx.home,
  };
}

function meanLogLoss(
  x: ReturnType<typeof designOf>,
  y: Uint8Array,
  rows: Int32Array,
  beta: Float64Array,
): number {
  let s = 0;
  for (const i of rows) {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, sigmoid(rowDot(x, i, beta))));
    s -= y[i] ? Math.log(p) : Math.log(1 - p);
  }
  return s / rows.length;
}

/**
 * Fits the model on prepared rows. Throws when there are no rows or only one class (a caller
 * should have asked `trainability` first).
 */
export function fitGamRows(
  kind: BinaryKind,
  data: { rows: readonly Float64Array[]; labels: Uint8Array; home: string | null },
  opts: { asOf: number; horizonDays: number; seed?: number },
): GamModel {
  const { rows, labels } = data;
  const positives = labels.reduce((s, v) => s + v, 0);
  if (!rows.length || positives === 0 || positives === rows.length)
    throw new Error(`cannot fit a ${kind} model: ${rows.length} shoppers, ${positives} positives`);
  const encodings = learnEncodings(rows);
  const x = designOf(encodings, rows);
  const penalty = penaltyOf(encodings);

  let lambda: number = LAMBDAS[0];
  if (Math.min(positives, rows.length - positives) >= INNER_FOLDS * 2) {
    const fold = stratifiedFolds(labels, INNER_FOLDS, opts.seed ?? 1);
    const loss = LAMBDAS.map(() => 0);
    for (let f = 0; f < INNER_FOLDS; f++) {
      const { train, test } = splitFold(fold, f);
      let start: Float64Array | undefined;
      LAMBDAS.forEach((l, k) => {
        start = fitLogistic(x, labels, penalty, l, { rows: train, start, tol: 1e-5 });
        loss[k]! += meanLogLoss(x, labels, test, start);
      });
    }
    lambda = LAMBDAS[loss.indexOf(Math.min(...loss))]!;
  }
  const beta = fitLogistic(x, labels, penalty, lambda);

  let c = 1;
  const features = encodings.map((e) => {
    const w = 1 + (e.missing ? 1 : 0) + (e.edges.length ? e.edges.length + 1 : 0);
    const weights = Array.from(beta.subarray(c, c + w));
    c += w;
    return { ...e, weights, offset: 0 };
  });
  const model = new GamModel({
    kind,
    horizonDays: opts.horizonDays,
    home: data.home,
    lambda,
    intercept: beta[0]!,
    features,
    trainedAsOf: new Date(opts.asOf).toISOString(),
    n: rows.length,
    positives,
  });
  // Centre each feature's contribution on its training mean (base = a typical shopper's log-odds).
  const sums = new Float64Array(features.length);
  for (const r of rows) {
    const parts = model.rawContributions(r);
    for (let k = 0; k < parts.length; k++) sums[k]! += parts[k]!;
  }
  features.forEach((f, k) => {
    f.offset = sums[k]! / rows.length;
  });
  return model;
}

/**
 * Trains the 'logistic-gam' model as of `opts.asOf` on the eligible shoppers (see `eligible`),
 * labels in [asOf, asOf + horizonDays). Deterministic for a given seed. Throws when no shopper
 * is eligible or all share one label.
 */
export function fitBinary(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  opts: BinaryFitOptions,
): BinaryModel {
  const asOf = +opts.asOf;
  const data = prepare(kind, histories, asOf, opts.horizonDays);
  return fitGamRows(kind, data, { asOf, horizonDays: opts.horizonDays, seed: opts.seed });
}
