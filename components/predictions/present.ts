/**
 * Formatting shared by the Predictions components (pure, no React): kind names, metric figures,
 * the rows of an evaluation table and the sentence that says whether a model beats its baselines.
 */
import type {
  BinaryEvaluation,
  ClassifierMetrics,
  ClvEvaluation,
  ModelEvaluation,
  PredictionKind,
  PreferenceEvaluation,
} from '@/lib/predict/types';

/** The kinds in the order the page shows them. */
export const KIND_ORDER: readonly PredictionKind[] = ['churn', 'propensity', 'clv', 'preference'];

export const KIND_TITLE: Record<PredictionKind, string> = {
  churn: 'Churn risk',
  propensity: 'Purchase propensity',
  clv: 'Customer value',
  preference: 'Preference',
};

export const KIND_QUESTION: Record<PredictionKind, string> = {
  churn: 'Probability that a customer places no order in the horizon.',
  propensity: 'Probability that a shopper places an order in the horizon.',
  clv: 'Expected purchases and spend over the next 12 months.',
  preference: 'The categories a shopper is most likely to buy from next.',
};

/** A metric in [0, 1] or a small positive figure with three decimals ("0.735"); an en dash when missing. */
export function formatMetric(v: number | null | undefined, digits = 3): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–';
}

/** A probability as a whole percentage ("72%"), "<1%" for tiny non-zero ones; an en dash when missing. */
export function formatPercent(p: number | null | undefined): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '–';
  if (p > 0 && p < 0.005) return '<1%';
  return `${Math.round(p * 100)}%`;
}

/** A difference with its sign and a true minus ("+0.052", "−0.004", "±0.000"). */
export function formatSigned(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '–';
  const text = Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return `${v > 0 ? '+' : '−'}${text}`;
}

const METHOD_LABEL: Record<string, string> = {
  'logistic-gam': 'Logistic GAM (smooth curves per feature)',
  'rule-recency': 'Rule-based (days since last activity)',
  rule: 'Rule-based',
  'bgnbd-gamma-gamma': 'BG/NBD + Gamma-Gamma',
  'historical-rate': 'Rule-based (historical spend rate)',
  'historical-rate-tenure': 'spend rate since the first purchase',
  'historical-rate-window': 'spend rate over the data window',
  'affinity-mixture': 'Category affinity mixture',
  popularity: 'category popularity',
};

/** A readable name for a model method; unknown methods are shown as stored. */
export function methodLabel(method: string): string {
  return METHOD_LABEL[method] ?? method;
}

/** The small-store rules shown instead of a trained model: 'rule-…', CLV's 'historical-rate', plain popularity. */
const RULE_METHODS = new Set(['rule', 'historical-rate', 'popularity']);

/** True for a transparent small-store rule rather than a trained model. */
export function isRuleMethod(method: string): boolean {
  return RULE_METHODS.has(method) || method.startsWith('rule-');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The stored `prediction_models.metrics` as an evaluation of `kind`, or null while training, after
 * a failure or when the shape is not one this page knows (it then shows no table rather than wrong figures).
 */
export function evaluationOf(kind: PredictionKind, metrics: unknown): ModelEvaluation | null {
  if (!isObject(metrics) || metrics.kind !== kind) return null;
  if (kind === 'churn' || kind === 'propensity') {
    const b = metrics.baselines;
    if (!isObject(metrics.model) || !isObject(b) || !isObject(b.recency) || !isObject(b.baseRate))
      return null;
    return metrics as unknown as BinaryEvaluation;
  }
  if (kind === 'clv') return typeof metrics.mae === 'number' ? (metrics as unknown as ClvEvaluation) : null;
  return typeof metrics.hitRateAt1 === 'number' && isObject(metrics.baseline)
    ? (metrics as unknown as PreferenceEvaluation)
    : null;
}

export interface BinaryRow {
  key: 'model' | 'recency' | 'baseRate';
  label: string;
  auc: string;
  prAuc: string;
  brier: string;
  logLoss: string;
  n: number;
  baseRate: string;
  /** "95% CI [0.71, 0.76]" under the model's AUC, when computed. */
  aucCi: string | null;
}

function binaryRow(key: BinaryRow['key'], label: string, m: ClassifierMetrics): BinaryRow {
  return {
    key,
    label,
    auc: formatMetric(m.auc),
    prAuc: formatMetric(m.prAuc),
    brier: formatMetric(m.brier),
    logLoss: formatMetric(m.logLoss),
    n: m.n,
    baseRate: formatPercent(m.baseRate),
    aucCi: m.aucCi ? `95% CI [${formatMetric(m.aucCi[0])}, ${formatMetric(m.aucCi[1])}]` : null,
  };
}

/** The evaluation table of churn or propensity: the model, the recency-only rule, the base rate. */
export function binaryRows(e: BinaryEvaluation): BinaryRow[] {
  return [
    binaryRow('model', `Model: ${methodLabel(e.method)}`, e.model),
    binaryRow('recency', 'Recency rule (days since last activity)', e.baselines.recency),
    binaryRow('baseRate', 'Base rate (same score for everyone)', e.baselines.baseRate),
  ];
}

/** AUC differences smaller than this are reported as "about the same" (noise on a few thousand shoppers). */
export const AUC_TIE = 0.01;

export interface Verdict {
  tone: 'good' | 'neutral' | 'bad';
  text: string;
}

/**
 * Whether the model beats the recency rule and the base rate, in words with the figures. Honest
 * on purpose: a model that does not beat days-since-last-order is said not to.
 */
export function binaryVerdict(e: BinaryEvaluation): Verdict {
  const m = e.model;
  const r = e.baselines.recency;
  const base = e.baselines.baseRate;
  const brier = `Brier ${formatMetric(m.brier)} vs ${formatMetric(base.brier)} for the base rate (lower is better).`;
  if (e.fallback) {
    return {
      tone: 'neutral',
      text: `Rule-based fallback, not a trained model: AUC ${formatMetric(m.auc)} (recency rule ${formatMetric(r.auc)}). ${brier}`,
    };
  }
  const d = m.auc - r.auc;
  if (d >= AUC_TIE) {
    return {
      tone: 'good',
      text: `Beats the recency rule: AUC ${formatMetric(m.auc)} vs ${formatMetric(r.auc)} (${formatSigned(d)}), and the base rate (${formatMetric(base.auc)}). ${brier}`,
    };
  }
  if (d <= -AUC_TIE) {
    return {
      tone: 'bad',
      text: `Does not beat the recency rule: AUC ${formatMetric(m.auc)} vs ${formatMetric(r.auc)} (${formatSigned(d)}). Sorting shoppers by days since their last activity ranks them better for now. ${brier}`,
    };
  }
  return {
    tone: 'neutral',
    text: `About as good as the recency rule: AUC ${formatMetric(m.auc)} vs ${formatMetric(r.auc)} (${formatSigned(d)}); the model adds little beyond days since last activity. ${brier}`,
  };
}

/** How the evaluation was run, in one sentence. */
export function protocolText(e: BinaryEvaluation, formatDate: (iso: string) => string): string {
  const label = e.kind === 'churn' ? 'no order' : 'an order';
  const when =
    e.protocol === 'temporal'
      ? `Trained as of ${e.trainAsOf ? formatDate(e.trainAsOf) : 'an earlier date'}, scored as of ${formatDate(e.asOf)}`
      : `5-fold cross-validation as of ${formatDate(e.asOf)}`;
  return `${when}; the label is ${label} in the following ${e.horizonDays} days.`;
}

/** The one figure a versions table shows per version: AUC, MAE or hit rate @3 ("–" when not evaluated). */
export function headlineMetric(
  kind: PredictionKind,
  metrics: unknown,
  money: (minor: number) => string,
): { header: string; value: string } {
  const e = evaluationOf(kind, metrics);
  if (kind === 'churn' || kind === 'propensity') {
    return { header: 'AUC', value: e && 'model' in e ? formatMetric(e.model.auc) : '–' };
  }
  if (kind === 'clv') return { header: 'MAE', value: e && 'mae' in e ? money(e.mae) : '–' };
  return { header: 'Hit rate @3', value: e && 'hitRateAt3' in e ? formatPercent(e.hitRateAt3) : '–' };
}

/** When the store is too small for a trained model: the fallback recorded in the metrics, else null. */
export function fallbackOf(
  metrics: unknown,
): { reason: string; minShoppers: number; minPositives: number } | null {
  if (!isObject(metrics) || !isObject(metrics.fallback)) return null;
  const f = metrics.fallback;
  if (typeof f.minShoppers !== 'number' || typeof f.minPositives !== 'number') return null;
  return {
    reason: typeof f.reason === 'string' ? f.reason : '',
    minShoppers: f.minShoppers,
    minPositives: f.minPositives,
  };
}

/**
 * The label of the small-store fallback, e.g. "Rule-based fallback — 130 more shoppers needed for a
 * trained model". `shoppers` is how many the last training had; when enough shoppers exist but too
 * few outcomes, says that instead.
 */
export function fallbackLabel(
  fallback: { minShoppers: number; minPositives: number },
  shoppers: number,
  kind: 'churn' | 'propensity',
  formatCount: (n: number) => string = String,
): string {
  const missing = Math.max(0, fallback.minShoppers - shoppers);
  if (missing > 0) {
    return `Rule-based fallback — ${formatCount(missing)} more shoppers needed for a trained model (it takes over from ${formatCount(fallback.minShoppers)})`;
  }
  const outcome = kind === 'churn' ? 'who stopped buying' : 'who bought';
  return `Rule-based fallback — a trained model needs at least ${formatCount(fallback.minPositives)} shoppers ${outcome} in the horizon`;
}
