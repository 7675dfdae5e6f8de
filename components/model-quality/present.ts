/** Formatting shared by the Model quality components (pure, no React). */

/** NDCG@10 with three decimals ("0.348"), or an en dash when there is none. */
export function formatNdcg(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(3) : '–';
}

/** Artefact size: "0 B", "812 KB", "14.2 MB". */
export function formatBytes(n: number): string {
  if (n <= 0) return '0 B';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export type VersionStatus = 'training' | 'ready' | 'failed' | 'retired';

export const STATUS_LABEL: Record<VersionStatus, string> = {
  training: 'Training',
  ready: 'Ready',
  failed: 'Failed',
  retired: 'Retired',
};

export const STATUS_COLOR: Record<VersionStatus, 'blue' | 'green' | 'red' | 'gray'> = {
  training: 'blue',
  ready: 'green',
  failed: 'red',
  retired: 'gray',
};

/** The tuned components' chosen settings, in a stable order: [["ease", "λ=250"], …]. */
export function chosenSettings(
  tuning: Record<string, { chosen: string; scores: Record<string, number> }> | undefined,
): [string, string][] {
  if (!tuning) return [];
  return Object.entries(tuning)
    .map(([component, t]): [string, string] => [component, t.chosen])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** What each feature of the learned blend stands for, in a merchant's words (hybrid-default.ts). */
const BLEND_FEATURE_LABEL: Record<string, string> = {
  'buy-again': 'Due for a reorder (buy-again timing)',
  ease: 'Bought by shoppers with similar baskets (EASE)',
  'item-knn': 'Neighbours of what they bought or viewed (item-kNN)',
  'recent-popular': 'Popular in the last 30 days',
  'decayed-popular': 'Trending now (decayed popularity)',
  content: 'Looks like what they liked (product vectors)',
  popularity: 'All-time popularity',
  'bought-before': 'They bought it before',
  purchases: 'How often they bought it',
  'purchase-recency': 'How recently they bought it',
};

export interface BlendWeightView {
  feature: string;
  label: string;
  weight: number;
}

/**
 * A version's learned blend weights (feature → weight, as stored), largest in size first: the
 * features are normalised to one range before they are weighted, so the sizes compare, and a
 * negative weight counts against an item. Non-finite weights are left out.
 */
export function blendWeights(weights: Record<string, number> | null | undefined): BlendWeightView[] {
  return Object.entries(weights ?? {})
    .filter(([, w]) => Number.isFinite(w))
    .map(([feature, weight]) => ({ feature, label: BLEND_FEATURE_LABEL[feature] ?? feature, weight }))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.feature.localeCompare(b.feature));
}

/** The evaluation's metrics in the order, with how each reads. */
export const EVALUATION_METRICS = [
  { key: 'hr10', label: 'HR@10', hint: 'Share of shoppers with a purchase in their top 10' },
  { key: 'recall10', label: 'Recall@10', hint: 'Share of each shopper’s purchases found in the top 10' },
  { key: 'recall20', label: 'Recall@20', hint: 'Share of each shopper’s purchases found in the top 20' },
  { key: 'ndcg10', label: 'NDCG@10', hint: 'Ranking quality of the top 10 (1 is perfect)' },
  { key: 'map10', label: 'MAP@10', hint: 'Mean average precision of the top 10' },
  { key: 'coverage', label: 'Coverage', hint: 'Share of the catalog recommended to anyone' },
  { key: 'novelty', label: 'Novelty', hint: 'Mean self-information of recommended items, in bits' },
  { key: 'popularityBias', label: 'Popularity bias', hint: 'Share of slots given to the top 10% items' },
] as const;
export type EvaluationMetric = (typeof EVALUATION_METRICS)[number]['key'];

/** Novelty is in bits (two decimals); every other metric is a share in [0, 1] (three decimals). */
export function formatMetric(metric: EvaluationMetric, v: number | null | undefined): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  return v.toFixed(metric === 'novelty' ? 2 : 3);
}

/** A 95% interval, compactly: "[0.379, 0.393]"; empty when missing. */
export function formatInterval(
  metric: EvaluationMetric,
  ci: readonly [number | null, number | null] | null | undefined,
): string {
  if (!ci) return '';
  return `[${formatMetric(metric, ci[0])}, ${formatMetric(metric, ci[1])}]`;
}

/** A difference with its sign: "+0.039", "−0.004" (a true minus sign). */
export function formatSigned(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '–';
  const text = Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${v > 0 ? '+' : '−'}${text}`;
}

export const PROTOCOL_LABEL = { all: 'All items', 'new-items': 'New items only' } as const;
export const PROTOCOL_HINT = {
  all: 'Every purchase after the cutoff counts, repeat purchases included.',
  'new-items': 'Only items new to the shopper count; what they already had is left out of lists and truth.',
} as const;

/** Axis label of a model in the small charts, where the CLI name would not fit. */
export function shortModelName(model: string): string {
  const short: Record<string, string> = {
    'most-popular': 'popular',
    'recent-popular': 'recent',
    'buy-again': 'again',
    'item-knn': 'kNN',
    ease: 'EASE',
    hybrid: 'hybrid',
  };
  return short[model] ?? model;
}

/** The hybrid first, then the baselines in the evaluation's (the CLI's) order. */
export function hybridFirst<T extends { model: string }>(rows: readonly T[], model = 'hybrid'): T[] {
  return [...rows.filter((r) => r.model === model), ...rows.filter((r) => r.model !== model)];
}

/** The headline margin, e.g. "+0.039 NDCG@10 (95% CI +0.030 to +0.048)"; paired over shoppers. */
export function formatMarginHeadline(margin: {
  metric: EvaluationMetric;
  difference: number;
  ci: readonly [number, number];
}): string {
  const label = EVALUATION_METRICS.find((m) => m.key === margin.metric)?.label ?? margin.metric;
  return `${formatSigned(margin.difference)} ${label} (95% CI ${formatSigned(margin.ci[0])} to ${formatSigned(margin.ci[1])})`;
}
