/**
 * Flags and output of `tailor predict train|evaluate`: flag validation (clear usage errors before
 * the database is opened), the JSON shapes and the small human tables.
 */
import { currencyDigits } from '@/lib/connectors/money';
import { PREDICTION_KINDS, type PredictionKind } from '@/db/schema/shoppers';
import type { Protocol } from '@/lib/predict/service-evaluate';
import type { TrainPredictionsResult } from '@/lib/predict/service-train';
import type { BinaryEvaluation, ClassifierMetrics, ModelEvaluation } from '@/lib/predict/types';
import { UsageError } from '../command';
import { formatTable } from '../output';
import { parseCutoff } from './evaluate';

export const PROTOCOLS: readonly Protocol[] = ['temporal', 'cv5'];

export interface PredictFlags {
  kind?: PredictionKind;
  asOf?: Date;
  horizonDays?: number;
  protocol?: Protocol;
}

/**
 * Checks `--model`, `--asof`, `--horizon` (whole days 1–365) and `--protocol` (churn and
 * propensity only). @throws UsageError with a message naming the flag.
 */
export function parsePredictFlags(o: {
  model?: string;
  asof?: string;
  horizon?: string;
  protocol?: string;
}): PredictFlags {
  const out: PredictFlags = {};
  if (o.model !== undefined) {
    const kind = o.model.trim().toLowerCase() as PredictionKind;
    if (!PREDICTION_KINDS.includes(kind)) {
      throw new UsageError(`--model must be one of ${PREDICTION_KINDS.join(', ')}, got "${o.model}".`);
    }
    out.kind = kind;
  }
  if (o.asof !== undefined) {
    const asOf = parseCutoff(o.asof);
    if (!asOf) throw new UsageError(`--asof must be an ISO date like 2011-09-10, got "${o.asof}".`);
    out.asOf = asOf;
  }
  if (o.horizon !== undefined) {
    const n = Number(o.horizon);
    if (!/^\s*\d+\s*$/.test(o.horizon) || n < 1 || n > 365) {
      throw new UsageError(`--horizon must be a whole number of days from 1 to 365, got "${o.horizon}".`);
    }
    out.horizonDays = n;
  }
  if (o.protocol !== undefined) {
    const p = o.protocol.trim().toLowerCase() as Protocol;
    if (!PROTOCOLS.includes(p))
      throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}, got "${o.protocol}".`);
    if (out.kind !== 'churn' && out.kind !== 'propensity') {
      throw new UsageError('--protocol applies to --model churn or propensity.');
    }
    out.protocol = p;
  }
  return out;
}

const isBinary = (e: ModelEvaluation): e is BinaryEvaluation => e.kind === 'churn' || e.kind === 'propensity';

/**
 * The JSON of an evaluation. Churn and propensity: the model's metrics at the top level
 * (auc, prAuc, brier, logLoss, baseRate, n, positives …) beside `baselines`; others as stored.
 */
export function evaluationJson(e: ModelEvaluation): Record<string, unknown> {
  if (!isBinary(e)) return { ...e };
  const { model, baselines, ...rest } = e;
  return { ...rest, ...model, baselines };
}

const f4 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(4));
const money = (minor: number, currency: string) => {
  if (!Number.isFinite(minor)) return '-';
  const digits = currencyDigits(currency);
  return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
};

/** Human lines of an evaluation: a heading and a small table. */
export function evaluationLines(slug: string, e: ModelEvaluation, currency = 'EUR'): string[] {
  if (isBinary(e)) {
    const trained = e.trainAsOf ? `, trained as of ${e.trainAsOf.slice(0, 10)}` : '';
    const row = (name: string, m: ClassifierMetrics) => [
      name,
      f4(m.auc),
      f4(m.prAuc),
      f4(m.brier),
      f4(m.logLoss),
      m.n,
    ];
    const lines = [
      `${slug}: ${e.kind} within ${e.horizonDays} days as of ${e.asOf.slice(0, 10)}, protocol ${e.protocol}${trained}; ` +
        `${e.model.n} shoppers, base rate ${(100 * e.model.baseRate).toFixed(1)} %`,
      formatTable(
        ['SCORER', 'AUC', 'PR-AUC', 'BRIER', 'LOG LOSS', 'N'],
        [
          row(e.method, e.model),
          row('recency rule', e.baselines.recency),
          row('base rate', e.baselines.baseRate),
        ],
      ),
    ];
    if (e.fallback) lines.push(`Rule-based (too little data: ${e.fallback.reason}).`);
    return lines;
  }
  if (e.kind === 'clv') {
    return [
      `${slug}: customer value, ${e.method}, fitted before ${e.asOf.slice(0, 10)}, holdout ${e.holdoutDays} days, ${e.n} shoppers`,
      formatTable(
        ['SCORER', 'MAE', 'PREDICTED TOTAL', 'ACTUAL TOTAL'],
        [
          [
            e.method,
            money(e.mae, currency),
            money(e.predictedTotal, currency),
            money(e.actualTotal, currency),
          ],
          [e.baselineMethod, money(e.baselineMae, currency), '', ''],
        ],
      ),
    ];
  }
  return [
    `${slug}: next category within ${e.horizonDays} days as of ${e.asOf.slice(0, 10)}, ${e.n} buyers`,
    formatTable(
      ['SCORER', 'HIT@1', 'HIT@3', 'LOG LOSS'],
      [
        [e.method, f4(e.hitRateAt1), f4(e.hitRateAt3), f4(e.logLoss)],
        [e.baseline.method, f4(e.baseline.hitRateAt1), f4(e.baseline.hitRateAt3), f4(e.baseline.logLoss)],
      ],
    ),
  ];
}

/** Human lines of a training run: one row per kind. */
export function trainLines(slug: string, r: TrainPredictionsResult): string[] {
  return [
    `${slug}: trained as of ${r.end ?? '(no data)'} on ${r.shoppers} shoppers (loaded in ${r.loadMs} ms)` +
      (r.unconvertedOrders
        ? `; ${r.unconvertedOrders} orders in a currency without a rate left out of money`
        : ''),
    formatTable(
      ['MODEL', 'VERSION', 'STATUS', 'METHOD', 'SCORED', 'FIT MS', 'SCORE MS', 'NOTE'],
      r.results.map((x) => [x.kind, x.version, x.status, x.method, x.scored, x.fitMs, x.scoreMs, x.error]),
    ),
  ];
}
