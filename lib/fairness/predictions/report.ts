/**
 * The prediction fairness report of one kind (issue 8), pure: held-out scores (held-out.ts)
 * grouped by each grouping, measured at the list's operating point, and the per-group
 * thresholds for the configured target with their accuracy cost. Aggregates only: the report
 * holds no shopper id (fairness_reports is never scanned by an erasure).
 */
import type { PredictionMitigation } from '@/db/schema/fairness';
import type { BinaryKind } from '@/lib/predict/binary';
import type { Grouping } from './groups';
import type { HeldOut } from './held-out';
import {
  type GroupMetrics,
  groupMetrics,
  type OverallMetrics,
  overallMetrics,
  type ParityGaps,
  parityGaps,
  type ScoredMember,
} from './metrics';
import { type Mitigation, mitigate, type OperatingPoint, operatingPoint } from './thresholds';

export interface GroupingReport {
  key: string;
  label: string;
  sensitive: boolean;
  /** At the single operating point. */
  groups: GroupMetrics[];
  gaps: ParityGaps;
  /** Per-group thresholds for the configured target, before vs after. */
  mitigation: Mitigation;
}

/** Thresholds the lists apply when the merchant switched per-group thresholds on. */
export interface AppliedThresholds {
  groupBy: string;
  target: PredictionMitigation['target'];
  byGroup: Record<string, number>;
  /** For shoppers of groups too small to judge (and of groups not seen in the evaluation). */
  fallback: number;
  sensitive: boolean;
  /** Every group name of the grouping in the evaluation (a value outside them is "other"). */
  groups: string[];
}

export interface PredictionFairnessReport {
  version: 1;
  kind: BinaryKind;
  /** 'temporal' (trained on the earlier period), 'cv5' (cross-fitted at asOf) or 'rule'. */
  protocol: HeldOut['protocol'];
  method: string;
  fallback: string | null;
  /** ISO instants: the model was trained as of `trainAsOf` and scored as of `asOf`. */
  trainAsOf: string;
  asOf: string;
  horizonDays: number;
  trained: number;
  operatingPoint: OperatingPoint & { selectionRate: number };
  overall: OverallMetrics;
  groupings: GroupingReport[];
  /** Groupings by store-declared sensitive attributes (shown only with `shoppers.sensitive`). */
  sensitive: GroupingReport[];
  applied: AppliedThresholds | null;
  /** Why no thresholds were applied although the setting is on, when so. */
  appliedNote: string | null;
}

/**
 * Builds the report. `listThreshold` is the list's default (components/predictions/lists.ts);
 * `settings` the configured mitigation (applied only when enabled and its grouping exists).
 */
export function buildPredictionReport(
  kind: BinaryKind,
  held: HeldOut,
  opts: { groupings: readonly Grouping[]; listThreshold: number; settings: PredictionMitigation },
): PredictionFairnessReport {
  const point = operatingPoint(
    held.scores.map((s) => s.score),
    opts.listThreshold,
  );
  const all: ScoredMember[] = held.scores.map((s) => ({ score: s.score, label: s.label, group: 'all' }));
  const overall = overallMetrics(all, point.threshold);
  const reports = opts.groupings.map((g): GroupingReport => {
    const members = held.scores.map((s) => ({ score: s.score, label: s.label, group: g.groupOf(s.history) }));
    const groups = groupMetrics(members, point.threshold);
    return {
      key: g.key,
      label: g.label,
      sensitive: g.sensitive,
      groups,
      gaps: parityGaps(groups),
      mitigation: mitigate(members, opts.settings.target, point.threshold),
    };
  });
  const chosen = reports.find((r) => r.key === opts.settings.groupBy);
  const applied: AppliedThresholds | null =
    opts.settings.enabled && chosen
      ? {
          groupBy: chosen.key,
          target: opts.settings.target,
          byGroup: chosen.mitigation.thresholds,
          fallback: point.threshold,
          sensitive: chosen.sensitive,
          groups: chosen.groups.map((g) => g.group),
        }
      : null;
  return {
    version: 1,
    kind,
    protocol: held.protocol,
    method: held.method,
    fallback: held.fallback,
    trainAsOf: new Date(held.trainAsOf).toISOString(),
    asOf: new Date(held.asOf).toISOString(),
    horizonDays: held.horizonDays,
    trained: held.trained,
    operatingPoint: { ...point, selectionRate: overall.selectionRate },
    overall,
    groupings: reports.filter((r) => !r.sensitive),
    sensitive: reports.filter((r) => r.sensitive),
    applied,
    appliedNote:
      opts.settings.enabled && !chosen
        ? `No grouping "${opts.settings.groupBy}" in this report: declare it as a sensitive attribute or group by country or tenure.`
        : null,
  };
}
