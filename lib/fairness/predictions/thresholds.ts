/**
 * The operating point of a churn / propensity list and per-group thresholds (issue 8), pure.
 * The default is one threshold for everyone: the list's own (At risk 60 %, Ready to buy 50 %,
 * components/predictions/lists.ts), or — when that flags almost nobody or almost everybody on
 * the evaluation period — the score that selects the top 20 %. Per-group thresholds are chosen
 * on the evaluation period so every judgeable group gets the overall selection rate (demographic
 * parity) or the overall true-positive rate (equal opportunity); the report puts the accuracy
 * cost of that next to its fairness gain.
 */
import type { PredictionMitigation } from '@/db/schema/fairness';
import {
  byGroup,
  groupMetrics,
  isJudgeable,
  type OverallMetrics,
  overallMetrics,
  type ParityGaps,
  parityGaps,
  type ScoredMember,
} from './metrics';

export type ThresholdTarget = PredictionMitigation['target'];

/** Share of shoppers the fallback operating point selects. */
export const TOP_SHARE = 0.2;
/** Below this share (or above 1 − it) the list's threshold says nothing about parity. */
const DEGENERATE_SHARE = 0.01;

export interface OperatingPoint {
  threshold: number;
  /** 'list': the list's default threshold; 'top20': the score selecting the top 20 %. */
  basis: 'list' | 'top20';
}

/**
 * The threshold that selects the top `share` (0..1) of `scores` (the midpoint between the last
 * selected and the first unselected score, so it works on later scores too). Ties at the cut
 * select everyone tied. Throws on an empty list.
 */
export function topShareThreshold(scores: readonly number[], share: number): number {
  if (!scores.length) throw new Error('topShareThreshold needs at least one score');
  const desc = [...scores].sort((a, b) => b - a);
  return cutAfter(desc, Math.round(Math.min(1, Math.max(0, share)) * desc.length));
}

/** A threshold selecting exactly the first `k` of `desc` (descending) when no ties straddle it. */
function cutAfter(desc: readonly number[], k: number): number {
  if (k <= 0) return desc[0]! + 1e-9;
  if (k >= desc.length) return desc[desc.length - 1]!;
  return (desc[k - 1]! + desc[k]!) / 2;
}

/** The list's threshold, unless it selects under 1 % or over 99 % of `scores` (then the top 20 %). */
export function operatingPoint(scores: readonly number[], listThreshold: number): OperatingPoint {
  const share = scores.filter((s) => s >= listThreshold).length / Math.max(1, scores.length);
  if (scores.length && (share < DEGENERATE_SHARE || share > 1 - DEGENERATE_SHARE))
    return { threshold: topShareThreshold(scores, TOP_SHARE), basis: 'top20' };
  return { threshold: listThreshold, basis: 'list' };
}

/**
 * Per-group thresholds so each judgeable group matches the overall selection rate or TPR at
 * `base`. Groups too small to judge keep `base`. A group's selected count is the nearest whole
 * number to target × size (so within one shopper of the target).
 */
export function perGroupThresholds(
  members: readonly ScoredMember[],
  target: ThresholdTarget,
  base: number,
): Record<string, number> {
  const overall = overallMetrics(members, base);
  const out: Record<string, number> = {};
  for (const [group, list] of byGroup(members)) {
    const positives = list.reduce((s, m) => s + m.label, 0);
    if (!isJudgeable(list.length, positives)) continue;
    if (target === 'selection_rate') {
      const desc = list.map((m) => m.score).sort((a, b) => b - a);
      out[group] = cutAfter(desc, Math.round(overall.selectionRate * list.length));
    } else {
      const desc = list
        .filter((m) => m.label === 1)
        .map((m) => m.score)
        .sort((a, b) => b - a);
      out[group] = cutAfter(desc, Math.round((overall.recall ?? 0) * desc.length));
    }
  }
  return out;
}

export interface MitigationSide {
  overall: OverallMetrics;
  gaps: ParityGaps;
}

export interface Mitigation {
  target: ThresholdTarget;
  /** The single threshold everyone had before. */
  base: number;
  /** Thresholds of the judgeable groups (others keep `base`). */
  thresholds: Record<string, number>;
  before: MitigationSide;
  after: MitigationSide;
  /** before − after accuracy, in points of 0..1 (positive = accuracy lost). */
  accuracyCost: number;
  /** before − after gap of the target (demographic parity or equal opportunity); null if unjudged. */
  fairnessGain: number | null;
}

const gapOf = (g: ParityGaps, t: ThresholdTarget) =>
  t === 'selection_rate' ? g.demographicParityDifference : g.equalOpportunityDifference;

/** The per-group thresholds for `target` and their effect, measured on the same members. */
export function mitigate(
  members: readonly ScoredMember[],
  target: ThresholdTarget,
  base: number,
): Mitigation {
  const thresholds = perGroupThresholds(members, target, base);
  const mitigated = { byGroup: thresholds, fallback: base };
  const before = { overall: overallMetrics(members, base), gaps: parityGaps(groupMetrics(members, base)) };
  const after = {
    overall: overallMetrics(members, mitigated),
    gaps: parityGaps(groupMetrics(members, mitigated)),
  };
  const gb = gapOf(before.gaps, target);
  const ga = gapOf(after.gaps, target);
  return {
    target,
    base,
    thresholds,
    before,
    after,
    accuracyCost: before.overall.accuracy - after.overall.accuracy,
    fairnessGain: gb === null || ga === null ? null : gb - ga,
  };
}
