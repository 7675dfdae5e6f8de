/**
 * Parity of churn / propensity decisions across shopper groups (issue 8), pure. A shopper is
 * "selected" (flagged at risk, ready to buy) when their score is at or above the threshold of
 * their group. Everything is measured on a labelled held-out period: per group the selection
 * rate, TPR, FPR, precision, calibration and AUC; across groups the demographic-parity and
 * equal-opportunity differences and the disparate-impact ratio with the four-fifths-rule flag.
 * Groups too small to judge are reported but left out of every max / min.
 */
import { auc, calibration } from '@/lib/predict/metrics';
import type { CalibrationBin } from '@/lib/predict/types';

/** A group needs this many shoppers … */
export const MIN_GROUP_SHOPPERS = 30;
/** … and this many positives (shoppers with the event) to be judged. */
export const MIN_GROUP_POSITIVES = 5;
/** The four-fifths rule: a selection-rate ratio below this is flagged as adverse impact. */
export const FOUR_FIFTHS = 0.8;

/** One held-out shopper: score in [0, 1], label 1 when the event happened, group name. */
export interface ScoredMember {
  score: number;
  label: 0 | 1;
  group: string;
}

/** One threshold for everyone, or one per group (groups not listed use `fallback`). */
export type Thresholds = number | { byGroup: Readonly<Record<string, number>>; fallback: number };

export interface GroupMetrics {
  group: string;
  n: number;
  positives: number;
  /** Observed positive rate, 0..1. */
  baseRate: number;
  /** The threshold applied to this group. */
  threshold: number;
  selected: number;
  selectionRate: number;
  /** Selected among positives (recall); null without positives. */
  tpr: number | null;
  /** Selected among negatives; null without negatives. */
  fpr: number | null;
  /** Positives among the selected; null when nobody is selected. */
  precision: number | null;
  /** Mean score, to compare with `baseRate` (calibration in the large). */
  meanPredicted: number;
  /** Five equal-width bins of score (empty bins dropped). */
  calibration: CalibrationBin[];
  /** ROC AUC within the group; null when it has one class only. */
  auc: number | null;
  /** False for groups under MIN_GROUP_SHOPPERS shoppers or MIN_GROUP_POSITIVES positives. */
  judgeable: boolean;
}

/** Gaps between the judgeable groups; nulls when fewer than two groups can be judged. */
export interface ParityGaps {
  judged: number;
  /** max − min selection rate, 0..1. */
  demographicParityDifference: number | null;
  /** max − min TPR, 0..1. */
  equalOpportunityDifference: number | null;
  /** min / max selection rate, 0..1; null also when no group has anyone selected. */
  disparateImpactRatio: number | null;
  /** True when the ratio is under FOUR_FIFTHS. */
  fourFifthsFlag: boolean;
  highestSelection: string | null;
  lowestSelection: string | null;
}

/** Decision quality over every shopper at the given thresholds. */
export interface OverallMetrics {
  n: number;
  positives: number;
  selected: number;
  selectionRate: number;
  accuracy: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** The threshold `thresholds` gives a group. */
export function thresholdOf(thresholds: Thresholds, group: string): number {
  if (typeof thresholds === 'number') return thresholds;
  return thresholds.byGroup[group] ?? thresholds.fallback;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Whether a group of `n` shoppers with `positives` events is large enough to judge. */
export function isJudgeable(n: number, positives: number): boolean {
  return n >= MIN_GROUP_SHOPPERS && positives >= MIN_GROUP_POSITIVES;
}

/** Members by group, groups in order of first appearance. */
export function byGroup<T extends { group: string }>(members: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const m of members) {
    const list = out.get(m.group);
    if (list) list.push(m);
    else out.set(m.group, [m]);
  }
  return out;
}

/** Metrics of one group's members at `threshold`. */
export function metricsOfGroup(
  group: string,
  members: readonly ScoredMember[],
  threshold: number,
): GroupMetrics {
  let positives = 0;
  let selected = 0;
  let tp = 0;
  let sum = 0;
  for (const m of members) {
    positives += m.label;
    sum += m.score;
    if (m.score >= threshold) {
      selected++;
      tp += m.label;
    }
  }
  const n = members.length;
  const negatives = n - positives;
  const scores = members.map((m) => m.score);
  const labels = members.map((m) => m.label);
  return {
    group,
    n,
    positives,
    baseRate: n ? positives / n : 0,
    threshold,
    selected,
    selectionRate: n ? selected / n : 0,
    tpr: ratio(tp, positives),
    fpr: ratio(selected - tp, negatives),
    precision: ratio(tp, selected),
    meanPredicted: n ? sum / n : 0,
    calibration: calibration(scores, labels, 5),
    auc: positives > 0 && negatives > 0 ? auc(scores, labels) : null,
    judgeable: isJudgeable(n, positives),
  };
}

/** Per-group metrics, largest group first (ties by name). */
export function groupMetrics(members: readonly ScoredMember[], thresholds: Thresholds): GroupMetrics[] {
  return [...byGroup(members)]
    .map(([g, list]) => metricsOfGroup(g, list, thresholdOf(thresholds, g)))
    .sort((a, b) => b.n - a.n || (a.group < b.group ? -1 : 1));
}

/** Gaps across the judgeable groups (see ParityGaps). */
export function parityGaps(groups: readonly GroupMetrics[]): ParityGaps {
  const judged = groups.filter((g) => g.judgeable);
  if (judged.length < 2) {
    return {
      judged: judged.length,
      demographicParityDifference: null,
      equalOpportunityDifference: null,
      disparateImpactRatio: null,
      fourFifthsFlag: false,
      highestSelection: null,
      lowestSelection: null,
    };
  }
  let hi = judged[0]!;
  let lo = judged[0]!;
  for (const g of judged) {
    if (g.selectionRate > hi.selectionRate) hi = g;
    if (g.selectionRate < lo.selectionRate) lo = g;
  }
  // Judgeable groups have ≥ MIN_GROUP_POSITIVES positives, so every TPR is a number.
  const tprs = judged.map((g) => g.tpr ?? 0);
  const di = ratio(lo.selectionRate, hi.selectionRate);
  return {
    judged: judged.length,
    demographicParityDifference: hi.selectionRate - lo.selectionRate,
    equalOpportunityDifference: Math.max(...tprs) - Math.min(...tprs),
    disparateImpactRatio: di,
    fourFifthsFlag: di !== null && di < FOUR_FIFTHS,
    highestSelection: hi.group,
    lowestSelection: lo.group,
  };
}

/** Accuracy, precision, recall and F1 over every member at `thresholds`. */
export function overallMetrics(members: readonly ScoredMember[], thresholds: Thresholds): OverallMetrics {
  let positives = 0;
  let selected = 0;
  let tp = 0;
  for (const m of members) {
    positives += m.label;
    if (m.score >= thresholdOf(thresholds, m.group)) {
      selected++;
      tp += m.label;
    }
  }
  const n = members.length;
  const correct = tp + (n - positives - (selected - tp));
  const precision = ratio(tp, selected);
  const recall = ratio(tp, positives);
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  return {
    n,
    positives,
    selected,
    selectionRate: n ? selected / n : 0,
    accuracy: n ? correct / n : 0,
    precision,
    recall,
    f1,
  };
}
