/**
 * The population a model scores at one instant, reduced to what cards and drift need: per shopper
 * the values of the features the model reads and its score. Shared by the card (the training
 * population, at the model's as-of) and the drift check (today's population, at the end of the
 * data), so both see features computed the same way. Pure; no shopper id leaves this module.
 */
import { sigmoid } from '@/lib/predict/binary/logistic';
import type { GamModel } from '@/lib/predict/binary/model';
import { eligibleClv } from '@/lib/predict/clv';
import { summarize } from '@/lib/predict/clv/summary';
import { FEATURES, featureSpec, homeMarketOf, shopperFeatures } from '@/lib/predict/features';
import { type AnyModel, isScored, scoreOne } from '@/lib/predict/scoring';
import type { ShopperHistory } from '@/lib/predict/types';
import type { CardFeature } from './types';

/** Features the recency rule reads (rule.ts): its drift is measured on these. */
const RULE_FEATURES = ['recencyDays', 'frequency', 'meanGapDays', 'overdue', 'eventRecencyDays'] as const;

/** Customer value's four inputs (lib/predict/clv/core.ts), in its explanation's names. */
const CLV_FEATURES: CardFeature[] = [
  { key: 'frequency', label: 'Repeat purchases', unit: 'count' },
  { key: 'recency', label: 'Days since last order', unit: 'days' },
  { key: 'tenure', label: 'Days since first order', unit: 'days' },
  { key: 'orderValue', label: 'Order value', unit: 'minor' },
];

export interface Population {
  features: CardFeature[];
  /** values[f][i]: feature f of scored shopper i (NaN = not defined). */
  values: number[][];
  scores: number[];
  /** Country of each scored shopper (null = unknown). */
  countries: (string | null)[];
}

const isGam = (m: AnyModel): m is { kind: 'churn' | 'propensity'; model: GamModel } =>
  (m.kind === 'churn' || m.kind === 'propensity') && m.model.method === 'logistic-gam';

/** The features `m` reads, in the order `populationAt` returns their values. Preference: none. */
export function modelFeatures(m: AnyModel): CardFeature[] {
  if (m.kind === 'clv') return CLV_FEATURES;
  if (m.kind === 'preference') return [];
  const keys = isGam(m) ? m.model.params.features.map((f) => f.key) : RULE_FEATURES;
  return keys.map((key) => {
    const spec = featureSpec(key);
    return { key: spec.key, label: spec.label, unit: spec.unit };
  });
}

/** Feature values of one shopper the model scores, in `modelFeatures` order. */
function rowOf(m: AnyModel, h: ShopperHistory, asOf: number, home: string | null, index: number[]): number[] {
  if (m.kind === 'clv') {
    const s = summarize(h, asOf);
    if (!s) return CLV_FEATURES.map(() => Number.NaN);
    return [s.x, s.T - s.tx, s.T, s.spend / (s.x + 1)];
  }
  const raw = shopperFeatures(h, asOf, { home });
  return index.map((i) => raw[i]!);
}

/**
 * Features and scores of every shopper `m` scores as of `asOf` (epoch ms): churn / propensity
 * eligibility, clv a paid order before it. Preference gives an empty population.
 */
export function populationAt(m: AnyModel, histories: readonly ShopperHistory[], asOf: number): Population {
  const features = modelFeatures(m);
  const values: number[][] = features.map(() => []);
  const scores: number[] = [];
  const countries: (string | null)[] = [];
  if (m.kind === 'preference') return { features, values, scores, countries };
  const home = isGam(m) ? m.model.params.home : homeMarketOf(histories);
  const index = features.map((f) => FEATURES.findIndex((s) => s.key === f.key));
  const gam = isGam(m) ? m.model : null;
  for (const h of histories) {
    if (m.kind === 'clv' ? !eligibleClv(h, asOf) : !isScored(m, h, asOf)) continue;
    let score: number;
    let row: number[];
    if (gam) {
      // One feature pass serves both the values and the score (GamModel.score computes the same).
      const raw = shopperFeatures(h, asOf, { home });
      score = sigmoid(gam.logit(raw));
      row = index.map((i) => raw[i]!);
    } else {
      const scored = scoreOne(m, h, asOf);
      if (!scored) continue;
      score = scored.score;
      row = rowOf(m, h, asOf, home, index);
    }
    for (const [f, v] of row.entries()) values[f]!.push(v);
    scores.push(score);
    countries.push(h.country);
  }
  return { features, values, scores, countries };
}

/** The `limit` most common countries with counts, largest first (ties alphabetical); null → 'unknown'. */
export function topCountries(
  countries: readonly (string | null)[],
  limit = 5,
): { country: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of countries) counts.set(c ?? 'unknown', (counts.get(c ?? 'unknown') ?? 0) + 1);
  return [...counts]
    .map(([country, count]) => ({ country, count }))
    .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1))
    .slice(0, limit);
}
