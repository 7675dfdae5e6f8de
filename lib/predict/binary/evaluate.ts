/**
 * Honest evaluation of the churn / propensity model beside two baselines on the same shoppers:
 * the base rate (a constant, the training positive rate) and the recency-only rule (baselines.ts).
 * 'temporal': trained as of `trainAsOf` (whose labels must end by `asOf`), scored as of `asOf`.
 * 'cv5': k-fold stratified cross-validation at one date; AUC and PR-AUC are fold means (pooling
 * scores of different fold models would bias them) with a t-interval over folds, the other
 * metrics are over the pooled out-of-fold predictions. When `trainability` says no, the
 * transparent rule is evaluated instead and `fallback` says why.
 */
import { featureSpec } from '@/lib/predict/features';
import { auc, averagePrecision, classifierMetrics } from '@/lib/predict/metrics';
import type { BinaryEvaluation, ClassifierMetrics, ShopperHistory } from '@/lib/predict/types';
import { fitGamRows, type Prepared, prepare } from './fit';
import { splitFold, stratifiedFolds } from './folds';
import type { BinaryKind } from './index';
import { type Rows, rate, recencyProbs, recencyRanking } from './baselines';
import { sigmoid } from './logistic';
import { ruleBinary } from './rule';
import { trainability } from './trainability';

const DAY = 86_400_000;
/** Student t quantile (0.975) by degrees of freedom, for fold intervals. */
const T975 = [Number.NaN, 12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26];

interface Scorer {
  method: string;
  /** Probabilities for `test` rows of `data`, having trained on `train` rows of `data`. */
  probs: Float64Array;
  importance: Map<string, number>;
}

function addImportance(into: Map<string, number>, key: string, v: number): void {
  into.set(key, (into.get(key) ?? 0) + Math.abs(v));
}

/** The trained model (or the rule when `useRule`) fitted on `train` and applied to `test`. */
function modelProbs(
  kind: BinaryKind,
  data: Prepared,
  train: Rows,
  test: Rows,
  opts: {
    asOf: number;
    horizonDays: number;
    seed?: number;
    useRule: boolean;
    testAsOf: number;
    testData?: Prepared;
  },
): Scorer {
  const testData = opts.testData ?? data;
  const importance = new Map<string, number>();
  const probs = new Float64Array(test.length);
  if (opts.useRule) {
    const rule = ruleBinary(kind, opts.horizonDays);
    for (let k = 0; k < test.length; k++) {
      const e = rule.explain(testData.histories[test[k]!]!, opts.testAsOf);
      probs[k] = e.score;
      for (const c of e.contributions) addImportance(importance, c.feature, c.contribution);
    }
    return { method: rule.method, probs, importance };
  }
  const pick = Array.from(train);
  const model = fitGamRows(
    kind,
    {
      rows: pick.map((i) => data.rows[i]!),
      labels: Uint8Array.from(pick, (i) => data.labels[i]!),
      home: data.home,
    },
    { asOf: opts.asOf, horizonDays: opts.horizonDays, seed: opts.seed },
  );
  const { intercept, features } = model.params;
  for (let k = 0; k < test.length; k++) {
    const parts = model.rawContributions(testData.rows[test[k]!]!);
    let z = intercept;
    parts.forEach((v, j) => {
      z += v;
      addImportance(importance, features[j]!.key, v - features[j]!.offset);
    });
    probs[k] = sigmoid(z);
  }
  return { method: model.method, probs, importance };
}

function importanceList(sum: Map<string, number>, n: number): BinaryEvaluation['featureImportance'] {
  return [...sum]
    .map(([feature, s]) => ({ feature, label: featureSpec(feature).label, importance: s / n }))
    .sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : 1));
}

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const iso = (t: number) => new Date(t).toISOString();

/**
 * Trains as of `trainAsOf` (labels in [trainAsOf, trainAsOf + horizon)) and evaluates on the
 * shoppers eligible at `asOf` (labels in [asOf, asOf + horizon)). Throws when the training
 * labels would reach past `asOf` or nobody is eligible at `asOf`.
 */
export function evaluateBinaryTemporal(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  opts: { trainAsOf: number | Date; asOf: number | Date; horizonDays: number; seed?: number },
): BinaryEvaluation {
  const trainAt = +opts.trainAsOf;
  const at = +opts.asOf;
  const h = opts.horizonDays;
  if (trainAt + h * DAY > at)
    throw new Error(
      `trainAsOf + ${h} days passes asOf: the training labels would overlap the evaluation period`,
    );
  const train = prepare(kind, histories, trainAt, h);
  const test = prepare(kind, histories, at, h, train.home);
  if (!test.rows.length) throw new Error(`no shopper is eligible for ${kind} at ${iso(at)}`);
  const ok = trainability(kind, histories, { asOf: trainAt, horizonDays: h });
  const trainRows = all(train.rows.length);
  const testRows = all(test.rows.length);
  const scorer = modelProbs(kind, train, trainRows, testRows, {
    asOf: trainAt,
    horizonDays: h,
    seed: opts.seed,
    useRule: !ok.ok,
    testAsOf: at,
    testData: test,
  });
  const base = train.rows.length ? rate(train.labels, trainRows) : 0.5;
  const recency = recencyProbs(train, trainRows, testRows, test);
  const ci = { ci: true, seed: opts.seed ?? 1 };
  return {
    kind,
    method: scorer.method,
    protocol: 'temporal',
    asOf: iso(at),
    trainAsOf: iso(trainAt),
    horizonDays: h,
    model: classifierMetrics(scorer.probs, test.labels, ci),
    baselines: {
      baseRate: classifierMetrics(new Float64Array(test.rows.length).fill(base), test.labels),
      recency: classifierMetrics(recency, test.labels, {
        ...ci,
        ranking: recencyRanking(kind, test, testRows),
      }),
    },
    featureImportance: importanceList(scorer.importance, test.rows.length),
    ...(ok.ok
      ? {}
      : { fallback: { reason: ok.reason, minShoppers: ok.minShoppers, minPositives: ok.minPositives } }),
  };
}

/** Pooled metrics with AUC and PR-AUC replaced by their fold means and a t-interval over folds. */
function cvMetrics(
  probs: Float64Array,
  labels: Uint8Array,
  fold: Int32Array,
  k: number,
  ranking: Float64Array = probs,
): ClassifierMetrics {
  const m = classifierMetrics(probs, labels, { ranking });
  const aucs: number[] = [];
  const aps: number[] = [];
  for (let f = 0; f < k; f++) {
    const { test } = splitFold(fold, f);
    const p = Array.from(test, (i) => ranking[i]!);
    const y = Array.from(test, (i) => labels[i]!);
    aucs.push(auc(p, y));
    aps.push(averagePrecision(p, y));
  }
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  m.auc = mean(aucs);
  m.prAuc = mean(aps);
  const sd = Math.sqrt(aucs.reduce((s, x) => s + (x - m.auc) ** 2, 0) / (k - 1));
  const half = ((T975[k - 1] ?? 1.96) * sd) / Math.sqrt(k);
  m.aucCi = [m.auc - half, m.auc + half];
  return m;
}

/**
 * k-fold (default 5) stratified cross-validation as of `asOf`: each fold's model is trained on
 * the other folds (its own λ by inner validation) and scores the held-out shoppers. Fewer folds
 * when a class has fewer than k shoppers; throws when it has fewer than two.
 */
export function evaluateBinaryCv(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  opts: { asOf: number | Date; horizonDays: number; folds?: number; seed?: number },
): BinaryEvaluation {
  const at = +opts.asOf;
  const wanted = opts.folds ?? 5;
  const h = opts.horizonDays;
  const data = prepare(kind, histories, at, h);
  const n = data.rows.length;
  const ok = trainability(kind, histories, { asOf: at, horizonDays: h });
  const pos = data.labels.reduce((s, v) => s + v, 0);
  // A tiny store gets fewer folds (each needs a shopper of each class); below two, no CV at all.
  const k = Math.min(wanted, pos, n - pos);
  if (k < 2) throw new Error(`cannot cross-validate ${kind}: ${n} eligible shoppers, ${pos} with the event`);
  const fold = stratifiedFolds(data.labels, k, opts.seed ?? 1);
  const probs = new Float64Array(n);
  const recency = new Float64Array(n);
  const base = new Float64Array(n);
  const importance = new Map<string, number>();
  let method = 'logistic-gam';
  for (let f = 0; f < k; f++) {
    const { train, test } = splitFold(fold, f);
    const s = modelProbs(kind, data, train, test, {
      asOf: at,
      horizonDays: h,
      seed: opts.seed,
      useRule: !ok.ok,
      testAsOf: at,
    });
    method = s.method;
    const r = recencyProbs(data, train, test);
    const b = rate(data.labels, train);
    test.forEach((i, j) => {
      probs[i] = s.probs[j]!;
      recency[i] = r[j]!;
      base[i] = b;
    });
    for (const [key, v] of s.importance) importance.set(key, (importance.get(key) ?? 0) + v);
  }
  return {
    kind,
    method,
    protocol: 'cv5',
    asOf: iso(at),
    horizonDays: h,
    model: cvMetrics(probs, data.labels, fold, k),
    baselines: {
      baseRate: cvMetrics(base, data.labels, fold, k),
      recency: cvMetrics(recency, data.labels, fold, k, recencyRanking(kind, data, all(n))),
    },
    featureImportance: importanceList(importance, n),
    ...(ok.ok
      ? {}
      : { fallback: { reason: ok.reason, minShoppers: ok.minShoppers, minPositives: ok.minPositives } }),
  };
}
