/**
 * Between the stored artefacts and the pure models: restores a model of any kind from its
 * artefact, scores shoppers into `shopper_scores` rows, explains one shopper, and evaluates the
 * labelled small-store rule. Pure: no database.
 */
import {
  type BinaryKind,
  type BinaryModel,
  eligible,
  labelOf,
  loadBinary,
  ruleBinary,
} from '@/lib/predict/binary';
import { type ClvModel, eligibleClv, loadClv } from '@/lib/predict/clv';
import { classifierMetrics } from '@/lib/predict/metrics';
import { loadPreference, type PreferenceModel } from '@/lib/predict/preference';
import type { BinaryEvaluation, Explanation, PredictionKind, ShopperHistory } from '@/lib/predict/types';
import type { ScoreRow } from './queries';

/** Customer value is forecast over the next 12 months. */
export const CLV_HORIZON_DAYS = 365;
/** Categories kept in a preference score's detail. */
export const PREFERENCE_TOP = 5;

export type AnyModel =
  | { kind: BinaryKind; model: BinaryModel }
  | { kind: 'clv'; model: ClvModel }
  | { kind: 'preference'; model: PreferenceModel };

/** Restores a stored artefact. @throws when the artefact does not have the kind's shape. */
export function restoreModel(kind: PredictionKind, artefact: unknown): AnyModel {
  if (kind === 'clv') return { kind, model: loadClv(artefact) };
  if (kind === 'preference') return { kind, model: loadPreference(artefact) };
  return { kind, model: loadBinary(artefact) };
}

/** Whether the shopper has an order or an event strictly before `asOf` (epoch ms). */
export const hasFactBefore = (h: ShopperHistory, asOf: number): boolean =>
  (h.orders[0]?.at ?? Number.POSITIVE_INFINITY) < asOf ||
  (h.events[0]?.at ?? Number.POSITIVE_INFINITY) < asOf;

/** Whether a shopper gets a score of this kind as of `asOf` (epoch ms). */
export function isScored(m: AnyModel, h: ShopperHistory, asOf: number): boolean {
  if (m.kind === 'clv') return eligibleClv(h, asOf);
  if (m.kind === 'preference') return hasFactBefore(h, asOf);
  return eligible(m.kind, h, asOf);
}

/** One shopper's score and detail (the shapes of the contract), or null when not scored. */
export function scoreOne(m: AnyModel, h: ShopperHistory, asOf: number): ScoreRow | null {
  if (!isScored(m, h, asOf)) return null;
  if (m.kind === 'clv') {
    const p = m.model.predict(h, asOf, CLV_HORIZON_DAYS);
    return {
      shopperId: h.shopperId,
      score: finite(p.expectedSpendMinor),
      detail: {
        expectedPurchases: finite(p.expectedPurchases),
        expectedSpendMinor: finite(p.expectedSpendMinor),
        pAlive: finite(p.pAlive),
        horizonDays: CLV_HORIZON_DAYS,
      },
    };
  }
  if (m.kind === 'preference') {
    const top = m.model.predict(h, asOf, PREFERENCE_TOP);
    if (top.length === 0) return null;
    return {
      shopperId: h.shopperId,
      score: finite(top[0]!.probability),
      detail: { top: top.map((t) => ({ category: t.category, probability: finite(t.probability) })) },
    };
  }
  return { shopperId: h.shopperId, score: finite(m.model.score(h, asOf)), detail: {} };
}

/** Scores of every scored shopper among `histories`. */
export function scoreAll(m: AnyModel, histories: readonly ShopperHistory[], asOf: number): ScoreRow[] {
  const out: ScoreRow[] = [];
  for (const h of histories) {
    const row = scoreOne(m, h, asOf);
    if (row) out.push(row);
  }
  return out;
}

/** Why the shopper got their score (preference: of their top category); null when not scored. */
export function explainOne(m: AnyModel, h: ShopperHistory, asOf: number): Explanation | null {
  if (!isScored(m, h, asOf)) return null;
  if (m.kind === 'clv') return m.model.explain(h, asOf, CLV_HORIZON_DAYS);
  if (m.kind === 'preference') {
    const top = m.model.predict(h, asOf, 1)[0];
    return top ? m.model.explain(h, asOf, top.category) : null;
  }
  return m.model.explain(h, asOf);
}

function finite(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

/**
 * Evaluation of the transparent rule (the small-store fallback) at `asOf`, on the shoppers whose
 * labels are known (the horizon after `asOf` lies in the data), beside the base rate. `fallback`
 * says why the rule is shown and from how many shoppers a trained model takes over. With no
 * labelled shopper the metrics are empty (n 0).
 */
export function evaluateRuleBinary(
  kind: BinaryKind,
  histories: readonly ShopperHistory[],
  opts: { asOf: number; horizonDays: number; fallback: NonNullable<BinaryEvaluation['fallback']> },
): BinaryEvaluation {
  const rule = ruleBinary(kind, opts.horizonDays);
  const probs: number[] = [];
  const labels: number[] = [];
  const importance = new Map<string, { label: string; sum: number }>();
  for (const h of histories) {
    if (!eligible(kind, h, opts.asOf)) continue;
    probs.push(rule.score(h, opts.asOf));
    labels.push(labelOf(kind, h, opts.asOf, opts.horizonDays));
    for (const c of rule.explain(h, opts.asOf).contributions) {
      const e = importance.get(c.feature) ?? { label: c.label, sum: 0 };
      e.sum += Math.abs(c.contribution);
      importance.set(c.feature, e);
    }
  }
  const metrics = classifierMetrics(probs, labels);
  const base = labels.length ? metrics.positives / labels.length : 0;
  return {
    kind,
    method: rule.method,
    protocol: 'temporal',
    asOf: new Date(opts.asOf).toISOString(),
    horizonDays: opts.horizonDays,
    model: metrics,
    baselines: {
      baseRate: classifierMetrics(
        probs.map(() => base),
        labels,
      ),
      // The rule is the recency rule: its baseline is itself.
      recency: metrics,
    },
    featureImportance: [...importance]
      .map(([feature, e]) => ({
        feature,
        label: e.label,
        importance: labels.length ? e.sum / labels.length : 0,
      }))
      .sort((a, b) => b.importance - a.importance),
    fallback: opts.fallback,
  };
}
