/**
 * The recommendation fairness report (issue 8) as stored in `fairness_reports.report` and read by
 * the Fairness page and the bench: exposure by group, popularity bias, quality by segment, and
 * the mitigation's before/after. Everything is aggregate (no shopper id), measured on a held-out
 * period after the cutoff with the model trained strictly before it.
 */
import type { RecommendationMitigation } from '@/db/schema/fairness';
import type { GroupShare } from '../exposure';
import type { SegmentQuality } from '../segments';

export type GroupDimension = 'age' | 'brand' | 'price' | 'category';
export type SegmentDimension = 'country' | 'tenure';

export interface GroupRow extends GroupShare {
  /** Exposure share with the mitigation applied. */
  exposureShareAfter: number;
}

export interface PopularityFigures {
  /** Gini coefficient of exposure over the recommendable catalog, 0..1. */
  gini: number;
  /** Share of long-tail items (outside the head making 80 % of purchases) shown at least once. */
  longTailCoverage: number;
  /** The long tail's share of exposure. */
  longTailExposure: number;
  /** Lorenz curve of exposure, 21 points from x = 0 to 1. */
  lorenz: { x: number; y: number }[];
}

export interface SegmentRow extends SegmentQuality {
  /** NDCG@10 with the mitigation applied, same shoppers. */
  meanAfter: number;
}

export interface MitigationRow {
  metric:
    | 'ndcg10'
    | 'recall10'
    | 'newShare'
    | 'newSlotShare'
    | 'smallBrandShare'
    | 'smallBrandSlotShare'
    | 'gini'
    | 'longTailCoverage'
    | 'longTailExposure'
    | 'miscalibration';
  kind: 'accuracy' | 'fairness';
  before: number;
  after: number;
  /** Whether a higher value is the better one (Gini and miscalibration: lower is better). */
  higherIsBetter: boolean;
}

export interface RecommendationFairnessReport {
  version: 1;
  /** ISO instants: the model sees interactions before `cutoff`; the test period is [cutoff, until]. */
  cutoff: string;
  until: string;
  model: string;
  /** Slots a shopper sees (exposure and NDCG depth). */
  depth: number;
  /** Candidates per list the re-ranker chose from. */
  pool: number;
  /** Test shoppers (seen before the cutoff, bought after it). */
  shoppers: number;
  /** Recommendable items (seen in training). */
  items: number;
  /** Purchases in the test period (interactions of kind purchase). */
  testPurchases: number;
  /** The mitigation measured, and whether it is a proposal (none was switched on). */
  mitigation: RecommendationMitigation;
  proposal: boolean;
  groups: { dimension: GroupDimension; rows: GroupRow[] }[];
  popularity: { before: PopularityFigures; after: PopularityFigures; longTailItems: number };
  segments: { dimension: SegmentDimension; rows: SegmentRow[] }[];
  table: MitigationRow[];
  /** Catalog shares of the protected groups, for the summary sentence. */
  protectedCatalog: { newShare: number; smallBrandShare: number };
  durationMs: number;
}

/** The proposal measured when the merchant has switched nothing on (issue 8's example). */
export const PROPOSED_MITIGATION: Omit<RecommendationMitigation, 'newItemDays'> = {
  newItemFloor: 0.2,
  smallBrandFloor: 0.2,
  calibration: 0.5,
};

/** A stored report, or null when the JSON does not have the expected shape (older or failed). */
export function readReport(json: unknown): RecommendationFairnessReport | null {
  const r = json as Partial<RecommendationFairnessReport> | null;
  if (r?.version !== 1 || !Array.isArray(r.groups) || !Array.isArray(r.table)) return null;
  return r as RecommendationFairnessReport;
}
