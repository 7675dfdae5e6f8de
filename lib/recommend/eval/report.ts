/**
 * The evaluation as people and scripts read it: one record per model with the metric
 * names (the `--json` shape of `tailor evaluate`), and the text table the CLI and the bench print.
 */
import type { Margin } from './compare';
import type { Evaluation } from './evaluate';
import type { MetricName } from './metrics';

/** One model's figures under the names; ranking metrics and shares in [0, 1], novelty in bits. */
export type MetricsRecord = { model: string } & Record<MetricName, number>;

/** Key order of a record: the list. */
export const RECORD_METRICS = [
  'hr10',
  'recall10',
  'recall20',
  'ndcg10',
  'map10',
  'coverage',
  'novelty',
  'popularityBias',
] as const satisfies readonly MetricName[];

/** One record per model, in the evaluation's order. */
export function metricsRecords(e: Evaluation): MetricsRecord[] {
  return e.rows.map((row) => {
    const record = { model: row.model } as MetricsRecord;
    for (const m of RECORD_METRICS) record[m] = row.metrics[m];
    return record;
  });
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '-');
const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '-');
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(4)}`;

export const TABLE_HEADERS = [
  'MODEL',
  'NDCG@10',
  '95% CI',
  'HR@10',
  'RECALL@10',
  'RECALL@20',
  'MAP@10',
  'COVERAGE',
  'NOVELTY',
  'POP. BIAS',
] as const;

/** The table's cells (strings), one row per model, columns as TABLE_HEADERS. */
export function evaluationCells(e: Evaluation): string[][] {
  return e.rows.map((row) => {
    const m = row.metrics;
    const [lo, hi] = row.ci.ndcg10;
    return [
      row.model,
      f4(m.ndcg10),
      `${f3(lo)}–${f3(hi)}`,
      f3(m.hr10),
      f3(m.recall10),
      f3(m.recall20),
      f3(m.map10),
      f3(m.coverage),
      m.novelty.toFixed(2),
      f3(m.popularityBias),
    ];
  });
}

const LABEL: Record<Margin['metric'], string> = {
  hr10: 'HR@10',
  recall10: 'Recall@10',
  recall20: 'Recall@20',
  ndcg10: 'NDCG@10',
  map10: 'MAP@10',
};

/** "hybrid vs ease: NDCG@10 +0.0231 (95% CI +0.0150 … +0.0310, paired bootstrap over 1,875 shoppers)". */
export function formatMargin(margin: Margin, shoppers: number): string {
  const [lo, hi] = margin.ci;
  return (
    `${margin.model} vs ${margin.baseline} (best baseline): ${LABEL[margin.metric]} ${f4(margin.modelValue)} vs ${f4(margin.baselineValue)}, ` +
    `margin ${signed(margin.difference)} (95% CI ${signed(lo)} … ${signed(hi)}, paired bootstrap over ` +
    `${shoppers.toLocaleString('en')} shoppers)`
  );
}

/** The line above the table: cutoff, protocol, what was scored. */
export function evaluationHeading(e: Evaluation): string {
  return (
    `Cutoff ${e.cutoff.slice(0, 10)}, protocol ${e.protocol}: ${e.shoppers.toLocaleString('en')} test shoppers, ` +
    `${e.items.toLocaleString('en')} candidate items (CI: bootstrap 95% over shoppers)`
  );
}
