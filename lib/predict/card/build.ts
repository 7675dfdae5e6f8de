/**
 * Builds the card of a freshly fitted version (inside `fitAndScore`, so on the training worker
 * when there is one): the training population at the model's as-of, its features, reference
 * distributions for drift, partial dependence of the most important features, and limitations.
 * Returns plain JSON (structured-cloneable). Pure: no database.
 */
import { labelOf } from '@/lib/predict/binary';
import type { GamModel } from '@/lib/predict/binary/model';
import { FEATURES, shopperFeatures } from '@/lib/predict/features';
import { auc } from '@/lib/predict/metrics';
import { type AnyModel, isScored } from '@/lib/predict/scoring';
import type { FittedKind } from '@/lib/predict/service-evaluate';
import type { ShopperHistory } from '@/lib/predict/types';
import { referenceDistribution } from './distribution';
import { limitationsOf } from './limitations';
import { gamPartialDependence } from './partial-dependence';
import { type Population, populationAt, topCountries } from './population';
import { compareToReference } from '@/lib/predict/drift/compare';
import { CARD_FORMAT, type ModelCardData, type PartialDependenceCurve } from './types';

/** Curves drawn for this many of the most important features. */
export const PD_FEATURES = 6;

const iso = (t: number) => new Date(t).toISOString();

function partialDependenceOf(
  m: AnyModel,
  histories: readonly ShopperHistory[],
  asOf: number,
  importance: readonly { feature: string }[],
): { curves: PartialDependenceCurve[]; note: string | null } {
  if (m.kind === 'clv')
    return {
      curves: [],
      note: 'Customer value is explained per shopper by exact Shapley values over its four inputs; partial-dependence curves are not drawn for it.',
    };
  if (m.kind === 'preference') return { curves: [], note: 'Preferences have no feature curves.' };
  if (m.model.method !== 'logistic-gam')
    return {
      curves: [],
      note: 'The small-store rule is a fixed formula (see its description), not learnt curves.',
    };
  const gam = m.model as GamModel;
  const rows = histories
    .filter((h) => isScored(m, h, asOf))
    .map((h) => shopperFeatures(h, asOf, { home: gam.params.home }));
  const keys = importance
    .map((f) => f.feature)
    .filter((k) => FEATURES.some((s) => s.key === k))
    .slice(0, PD_FEATURES);
  return { curves: gamPartialDependence(gam, rows, keys), note: null };
}

function referenceOf(p: Population): Omit<NonNullable<ModelCardData['reference']>, 'asOf'> {
  return {
    features: p.features.map((f, i) => ({ ...f, distribution: referenceDistribution(p.values[i]!) })),
    scores: referenceDistribution(p.scores),
  };
}

/**
 * The card of `fitted` trained on `histories`; `first` is the earliest fact in the data, `end`
 * the end of the data (epoch ms). The drift reference is the population scored at `end`; the
 * population figures, curves and limitations are of the shoppers it learnt from (as of the fit's
 * as-of). Cost: two feature-and-score passes (one for clv, whose as-of is `end`), plus
 * PD_FEATURES × 12 × ≤2,000 sigmoid evaluations — measured 0.4–1 s for 2,000 synthetic shoppers.
 */
export function buildModelCard(
  fitted: FittedKind,
  histories: readonly ShopperHistory[],
  opts: { first: number | null; end: number },
): ModelCardData {
  const m = fitted.model;
  const e = fitted.evaluation;
  // Learnt from: features as of the fit's as-of. Scored at training: features as of the data end.
  const population = populationAt(m, histories, fitted.asOf);
  const atEnd =
    m.kind === 'preference'
      ? null
      : fitted.asOf === opts.end
        ? population
        : populationAt(m, histories, opts.end);
  const scored = atEnd ? referenceOf(atEnd) : null;
  // How far the shoppers scored at training already are from those it learnt from (cohorts age).
  const shift =
    atEnd?.scores.length && population.scores.length && fitted.asOf < opts.end
      ? compareToReference(referenceOf(population), atEnd)
      : null;
  let positives: number | null = null;
  let trainingAuc: number | null = null;
  if (m.kind === 'churn' || m.kind === 'propensity') {
    const labels = histories
      .filter((h) => isScored(m, h, fitted.asOf))
      .map((h) => labelOf(m.kind, h, fitted.asOf, fitted.horizonDays));
    positives = labels.reduce<number>((s, l) => s + l, 0);
    if (positives > 0 && positives < labels.length) trainingAuc = auc(population.scores, labels);
  }
  const shoppers = m.kind === 'preference' ? fitted.shoppers : population.scores.length;
  const importance = 'featureImportance' in e ? e.featureImportance : [];
  const pd = partialDependenceOf(m, histories, fitted.asOf, importance);
  return {
    format: CARD_FORMAT,
    kind: m.kind,
    method: m.model.method,
    dataWindow: {
      first: opts.first === null ? null : iso(opts.first),
      asOf: iso(fitted.asOf),
      end: iso(opts.end),
      horizonDays: fitted.horizonDays,
    },
    population: {
      shoppers,
      positives,
      baseRate: positives !== null && shoppers > 0 ? positives / shoppers : null,
      countries: topCountries(population.countries),
    },
    features: population.features,
    reference: scored ? { asOf: iso(opts.end), ...scored } : null,
    partialDependence: pd.curves,
    partialDependenceNote: pd.note,
    limitations: limitationsOf({
      kind: m.kind,
      method: m.model.method,
      evaluation: e,
      shoppers,
      positives,
      trainingAuc,
      shiftAtTraining: shift?.features[0]
        ? { label: shift.features[0].label, psi: shift.features[0].psi }
        : null,
    }),
  };
}
