/**
 * The transparent small-store score ('rule-recency'), shown — labelled as a rule — when a store
 * has too few shoppers to train honestly. It is a fixed logistic curve, never fitted to the
 * store: log-odds = base + a·ln(overdue) + b·ln(usual gap ÷ horizon) + c·[one order only]
 * + d·ln((days since last visit + 1) ÷ 8), where overdue = (days since last order + 1) ÷ (usual
 * gap + 1) and the usual gap is the mean gap between the shopper's paid orders (PRIOR_GAP_DAYS
 * for one-order shoppers); the visit term only when the store sends events, and the logs are
 * clipped so one extreme value cannot dominate. Propensity uses the opposite signs and a fixed
 * penalty for shoppers who never bought.
 * Coefficients are round numbers checked on the UCI file and the demo store (see the bench).
 */
import { featureSpec, formatFeature, shopperFeatures } from '@/lib/predict/features';
import { FEATURES, type FeatureKey } from '@/lib/predict/features-spec';
import type { Contribution, Explanation, ShopperHistory } from '@/lib/predict/types';
import type { BinaryKind, BinaryModel } from './index';
import { sigmoid } from './logistic';

/** Usual gap assumed for a shopper with a single paid order, days. */
export const PRIOR_GAP_DAYS = 60;

const COEF = {
  churn: { base: -0.2, overdue: 0.9, rhythm: 0.6, single: 0.4, neverBought: 0, visit: 0.6 },
  propensity: { base: -0.6, overdue: -0.9, rhythm: -0.6, single: -0.4, neverBought: -2.5, visit: -0.7 },
} as const;

const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

class RuleModel implements BinaryModel {
  readonly method = 'rule-recency';
  constructor(
    readonly kind: BinaryKind,
    readonly horizonDays: number,
  ) {}

  score(h: ShopperHistory, asOf: number): number {
    return this.explain(h, asOf).score;
  }

  explain(h: ShopperHistory, asOf: number): Explanation {
    const c = COEF[this.kind];
    const raw = shopperFeatures(h, asOf, { home: null });
    const get = (key: FeatureKey) => raw[FEATURE_INDEX[key]]!;
    const part = (key: FeatureKey, contribution: number): Contribution => {
      const spec = featureSpec(key);
      return { feature: key, label: spec.label, value: formatFeature(spec, get(key)), contribution };
    };
    const orders = get('frequency');
    const visit = get('eventRecencyDays');
    const contributions: Contribution[] = [];
    if (!Number.isNaN(visit))
      contributions.push(part('eventRecencyDays', c.visit * clip(Math.log((visit + 1) / 8), -2, 3)));
    if (orders >= 1) {
      const gap = orders >= 2 ? Math.max(1, get('meanGapDays')) : PRIOR_GAP_DAYS;
      const overdue = (get('recencyDays') + 1) / (gap + 1);
      contributions.push(
        part('overdue', c.overdue * clip(Math.log(overdue), -2, 3)),
        part('meanGapDays', c.rhythm * clip(Math.log(gap / this.horizonDays), -3, 3)),
        part('frequency', orders < 2 ? c.single : 0),
      );
    } else contributions.push(part('frequency', c.neverBought));
    const total = contributions.reduce<number>((s, x) => s + x.contribution, c.base);
    return {
      kind: this.kind,
      method: this.method,
      link: 'logit',
      base: c.base,
      contributions,
      total,
      score: sigmoid(total),
    };
  }

  toJSON(): Record<string, unknown> {
    return {
      format: 'tailor.binary.rule-recency/1',
      kind: this.kind,
      method: this.method,
      horizonDays: this.horizonDays,
    };
  }
}

const FEATURE_INDEX = Object.fromEntries(FEATURES.map((f, i) => [f.key, i])) as Record<FeatureKey, number>;

/**
 * The rule-based scorer for `kind` over `horizonDays` (> 0). Needs no training data; its
 * explanation's contributions add up to the log-odds like the trained model's.
 */
export function ruleBinary(kind: BinaryKind, horizonDays: number): BinaryModel {
  if (!(horizonDays > 0)) throw new Error(`horizonDays must be positive, got ${horizonDays}`);
  return new RuleModel(kind, horizonDays);
}
