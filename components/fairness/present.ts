/**
 * Words and numbers of the recommendation fairness section: the plain-language summary, metric
 * names, and the before/after change in the mitigation table. Pure, so it is unit-tested.
 */
import type {
  GroupDimension,
  MitigationRow,
  RecommendationFairnessReport,
  SegmentDimension,
} from '@/lib/fairness/recommendations/report';

/** 0.183 → "18 %" (one decimal under 10 %, so small shares do not read as 0). */
export function pct(share: number): string {
  const p = share * 100;
  if (!Number.isFinite(p)) return '–';
  return `${p > 0 && p < 10 ? p.toFixed(1) : Math.round(p)} %`;
}

export const GROUP_TITLE: Record<GroupDimension, string> = {
  age: 'Product age',
  brand: 'Brand',
  price: 'Price tier',
  category: 'Category',
};

export const SEGMENT_TITLE: Record<SegmentDimension, string> = {
  country: 'By shopper country',
  tenure: 'New vs returning shoppers',
};

export const METRIC_LABEL: Record<MitigationRow['metric'], string> = {
  ndcg10: 'NDCG@10 (ranking quality)',
  recall10: 'Recall@10 (purchases found)',
  newShare: 'New products: share of exposure',
  newSlotShare: 'New products: share of slots',
  smallBrandShare: 'Small brands: share of exposure',
  smallBrandSlotShare: 'Small brands: share of slots',
  gini: 'Gini of exposure (0 = even)',
  longTailCoverage: 'Long tail shown at least once',
  longTailExposure: 'Long tail: share of exposure',
  miscalibration: 'Category mismatch with shopper (KL)',
};

/** Whether a metric is a share (shown in %) or a score (shown with 3 decimals). */
const SHARE_METRICS = new Set<MitigationRow['metric']>([
  'newShare',
  'newSlotShare',
  'smallBrandShare',
  'smallBrandSlotShare',
  'longTailCoverage',
  'longTailExposure',
]);

export function formatMetric(metric: MitigationRow['metric'], v: number): string {
  return SHARE_METRICS.has(metric) ? pct(v) : v.toFixed(3);
}

/**
 * The change as text and whether it is better: shares in percentage points, scores as relative
 * change ("−4.1 %"), "no change" under half a unit of the shown precision.
 */
export function formatChange(row: MitigationRow): { text: string; better: boolean | null } {
  const diff = row.after - row.before;
  const share = SHARE_METRICS.has(row.metric);
  // Under half a unit of what is shown (0.1 pts, or the third decimal).
  if (Math.abs(diff) < 0.0005) return { text: 'no change', better: null };
  const sign = diff > 0 ? '+' : '−';
  const text = share
    ? `${sign}${Math.abs(diff * 100).toFixed(1)} pts`
    : row.before !== 0
      ? `${sign}${Math.abs((diff / row.before) * 100).toFixed(1)} %`
      : `${sign}${Math.abs(diff).toFixed(3)}`;
  return { text, better: row.higherIsBetter ? diff > 0 : diff < 0 };
}

/**
 * The plain-language sentences at the top: what new products and small brands get of what shoppers
 * see against their share of the catalog, how concentrated exposure is, and what the mitigation
 * costs and gains.
 */
export function summarize(r: RecommendationFairnessReport): string[] {
  const out: string[] = [];
  const age = r.groups.find((g) => g.dimension === 'age')?.rows[0];
  if (age && age.items > 0)
    out.push(
      `New products get ${pct(age.exposureShare)} of what shoppers see but are ${pct(age.catalogShare)} of the catalog and ${pct(age.purchaseShare)} of purchases.`,
    );
  const small = r.groups.find((g) => g.dimension === 'brand')?.rows.find((x) => x.label === 'Small brands');
  if (small && small.items > 0)
    out.push(
      `Small brands get ${pct(small.exposureShare)} of what shoppers see and are ${pct(small.catalogShare)} of the catalog.`,
    );
  out.push(
    `Exposure is ${r.popularity.before.gini >= 0.8 ? 'highly concentrated' : r.popularity.before.gini >= 0.5 ? 'concentrated' : 'fairly even'} (Gini ${r.popularity.before.gini.toFixed(2)}); ${pct(r.popularity.before.longTailCoverage)} of the long-tail products are ever recommended.`,
  );
  const ndcg = r.table.find((x) => x.metric === 'ndcg10');
  if (ndcg) {
    const change = formatChange(ndcg);
    const what = r.proposal ? 'The proposed mitigation' : 'Your mitigation';
    out.push(
      change.better === null
        ? `${what} leaves ranking quality unchanged (NDCG@10 ${ndcg.before.toFixed(3)}).`
        : `${what} ${change.better ? 'raises' : 'costs'} ranking quality ${change.text.replace(/^[+−]/, '')} (NDCG@10 ${ndcg.before.toFixed(3)} → ${ndcg.after.toFixed(3)}).`,
    );
  }
  const floors: [MitigationRow['metric'], number, string][] = [
    ['newSlotShare', r.mitigation.newItemFloor, 'new products'],
    ['smallBrandSlotShare', r.mitigation.smallBrandFloor, 'small brands'],
  ];
  for (const [metric, floor, what] of floors) {
    const got = r.table.find((x) => x.metric === metric)?.after;
    if (floor > 0 && got !== undefined && got < floor - 0.005)
      out.push(
        `The ${pct(floor)} floor for ${what} reaches ${pct(got)} of slots: the catalog has too few of them that can be recommended (the floor adds the most relevant ones, but cannot show what is not there).`,
      );
  }
  return out;
}

/** "20 % new products, 20 % small brands, calibration 50 %" (or "off"). */
export function describeMitigation(m: RecommendationFairnessReport['mitigation']): string {
  const parts = [
    m.newItemFloor > 0 ? `at least ${pct(m.newItemFloor)} new products (≤ ${m.newItemDays} days)` : null,
    m.smallBrandFloor > 0 ? `at least ${pct(m.smallBrandFloor)} small brands` : null,
    m.calibration > 0 ? `calibration ${pct(m.calibration)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join(', ') : 'off';
}
