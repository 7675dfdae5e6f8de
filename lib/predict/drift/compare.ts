/**
 * One drift measurement: today's population (features and scores of the live model as of the end
 * of the data) against the reference distributions in the model's card. Pure: no database.
 */
import { binDistribution } from '@/lib/predict/card/distribution';
import type { Population } from '@/lib/predict/card/population';
import type { BinnedDistribution, ModelCardData } from '@/lib/predict/card/types';
import { type DriftStatus, driftStatusOf, psi } from './psi';

/** One feature's shift, as stored in `model_drift.features` (largest PSI first). */
export interface FeatureDrift {
  feature: string;
  label: string;
  psi: number;
  status: DriftStatus;
  /** Mean of the defined values then (training) and now. */
  meanThen: number;
  meanNow: number;
  /** Share "not defined" then and now. */
  undefinedThen: number;
  undefinedNow: number;
}

/** The score distribution then and now, as stored in `model_drift.scores`. */
export interface ScoreDrift {
  psi: number;
  meanThen: number;
  meanNow: number;
  /** Reference decile edges, and the share of shoppers per bin in training and today. */
  edges: number[];
  training: number[];
  now: number[];
}

export interface DriftReport {
  population: number;
  scorePsi: number;
  maxFeaturePsi: number;
  /** By the larger of the score PSI and the largest feature PSI. */
  status: DriftStatus;
  features: FeatureDrift[];
  scores: ScoreDrift;
}

/**
 * Compares `current` (from `populationAt` with the same model) to a card's reference. Features
 * the reference lacks are skipped. @throws when the reference is null (preference has none).
 */
export function compareToReference(
  ref: Pick<NonNullable<ModelCardData['reference']>, 'features' | 'scores'> | null,
  current: Population,
): DriftReport {
  if (!ref) throw new Error('this model has no reference distributions');
  const features: FeatureDrift[] = [];
  for (const r of ref.features) {
    const i = current.features.findIndex((f) => f.key === r.key);
    if (i < 0) continue;
    const now = binDistribution(current.values[i]!, r.distribution.edges);
    const value = psi(r.distribution, now);
    features.push({
      feature: r.key,
      label: r.label,
      psi: value,
      status: driftStatusOf(value),
      meanThen: r.distribution.mean,
      meanNow: now.mean,
      undefinedThen: r.distribution.undefinedShare,
      undefinedNow: now.undefinedShare,
    });
  }
  features.sort((a, b) => b.psi - a.psi);
  const scoresNow: BinnedDistribution = binDistribution(current.scores, ref.scores.edges);
  const scorePsi = psi(ref.scores, scoresNow);
  const maxFeaturePsi = features[0]?.psi ?? 0;
  return {
    population: current.scores.length,
    scorePsi,
    maxFeaturePsi,
    status: driftStatusOf(Math.max(scorePsi, maxFeaturePsi)),
    features,
    scores: {
      psi: scorePsi,
      meanThen: ref.scores.mean,
      meanNow: scoresNow.mean,
      edges: ref.scores.edges,
      training: ref.scores.shares,
      now: scoresNow.shares,
    },
  };
}
