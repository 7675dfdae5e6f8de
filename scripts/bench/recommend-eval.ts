/**
 * `npm run bench:evaluate [-- --cutoff 2011-11-09] [--protocol all|new-items|both] [--json]
 *   [--models a,b] [--resamples 1000] [--file <csv.gz>]`
 *
 * Issue 10's evaluation tables on the UCI Online Retail file, read straight from the CSV (clean
 * lines only): every baseline and the hybrid under both protocols, with bootstrap 95% intervals,
 * the issue's reference NDCG@10 next to each baseline, the hybrid's margin over the best baseline
 * (paired bootstrap), what each tuned model chose on its validation window, and the training time
 * of each model and the peak RSS of the run. Figures only: nothing is asserted.
 */
import { parseArgs } from 'node:util';
import { BASELINE_NAMES } from '@/lib/recommend/baselines';
import { marginOverBest } from '@/lib/recommend/eval/compare';
import { evaluate } from '@/lib/recommend/eval/evaluate';
import {
  evaluationCells,
  evaluationHeading,
  formatMargin,
  metricsRecords,
  TABLE_HEADERS,
} from '@/lib/recommend/eval/report';
import { PROTOCOLS, type Protocol } from '@/lib/recommend/eval/split';
import { evaluationModels } from '@/lib/recommend/evaluation-task';
import { HybridRecommender } from '@/lib/recommend/models/hybrid';
import { TunedRecommender } from '@/lib/recommend/models/tuned';
import type { Dataset, Ranked, RecommendQuery, Recommender } from '@/lib/recommend/types';
import { datasetOf, ONLINE_RETAIL_FILE, readCleanLines } from './support/online-retail';
import { table } from './support/stats';

const { values: opts } = parseArgs({
  options: {
    file: { type: 'string', default: ONLINE_RETAIL_FILE },
    cutoff: { type: 'string', default: '2011-11-09' },
    protocol: { type: 'string', default: 'both' },
    models: { type: 'string' },
    resamples: { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
  },
});

/** Issue 10's reference NDCG@10 (a numpy implementation of the baselines), cutoff 2011-11-09. */
const REFERENCE: Record<Protocol, Record<string, number>> = {
  all: { 'most-popular': 0.081, 'recent-popular': 0.144, 'item-knn': 0.163, ease: 0.267, 'buy-again': 0.348 },
  'new-items': { 'most-popular': 0.034, 'recent-popular': 0.084, 'item-knn': 0.059, ease: 0.1 },
};

/** Times `fit` and `recommend` of a model, and the process's peak RSS once it is fitted. */
class Timed implements Recommender {
  fitMs = 0;
  recommendMs = 0;
  queries = 0;
  peakRssAfterFit = 0;
  constructor(readonly inner: Recommender) {}
  get name(): string {
    return this.inner.name;
  }
  async fit(train: Dataset, o: { asOf: number }): Promise<void> {
    const t0 = performance.now();
    await this.inner.fit(train, o);
    this.fitMs = performance.now() - t0;
    this.peakRssAfterFit = process.resourceUsage().maxRSS * 1024;
  }
  recommend(q: RecommendQuery): Ranked {
    const t0 = performance.now();
    const r = this.inner.recommend(q);
    this.recommendMs += performance.now() - t0;
    this.queries++;
    return r;
  }
}

/** What a tuned model or the hybrid chose on its validation window, one line each. */
function choices(model: Recommender): string[] {
  if (model instanceof TunedRecommender) {
    const scores = Object.entries(model.report.scores)
      .map(([label, v]) => `${label} ${v.toFixed(4)}`)
      .join(', ');
    return [`${model.name}: ${model.report.chosen}${scores ? ` (validation NDCG@10: ${scores})` : ''}`];
  }
  if (model instanceof HybridRecommender) {
    const { features, weights, ndcg } = model.weights;
    const w = features.map((f, i) => `${f} ${weights[i]!.toFixed(2)}`).join(', ');
    return [
      `hybrid weights (validation NDCG@10 ${ndcg.toFixed(4)}): ${w}`,
      ...model.components.flatMap((c) => choices(c).map((line) => `  component ${line}`)),
    ];
  }
  return [];
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

async function runProtocol(data: Dataset, protocol: Protocol, cutoff: number) {
  const wanted = opts.models?.split(',').map((s) => s.trim());
  const models = evaluationModels({ protocol })
    .filter((m) => !wanted || wanted.includes(m.name))
    .map((m) => new Timed(m));
  const evaluation = await evaluate(data, {
    cutoff,
    protocol,
    models,
    keepShopperScores: true,
    bootstrap: { resamples: Number(opts.resamples) },
    onModel: (name) => {
      if (!opts.json) process.stderr.write(`  ${protocol}: fitting ${name}…\n`);
    },
  });
  const margin = marginOverBest(evaluation, 'hybrid', 'ndcg10', { resamples: Number(opts.resamples) });
  return { evaluation, margin, models };
}

function printProtocol({ evaluation, margin, models }: Awaited<ReturnType<typeof runProtocol>>): void {
  const ref = REFERENCE[evaluation.protocol];
  const byName = new Map(models.map((m) => [m.name, m]));
  console.log(`\n${evaluationHeading(evaluation)}`);
  const cells = evaluationCells(evaluation).map((row) => {
    const m = byName.get(row[0]!)!;
    const reference = ref[row[0]!];
    return [
      ...row.slice(0, 2),
      reference === undefined ? '' : reference.toFixed(3),
      ...row.slice(2),
      `${(m.fitMs / 1000).toFixed(1)} s`,
      `${((1000 * m.recommendMs) / Math.max(1, m.queries)).toFixed(0)} µs`,
    ];
  });
  const headers = [...TABLE_HEADERS.slice(0, 2), 'REF.', ...TABLE_HEADERS.slice(2), 'TRAIN', 'PER LIST'];
  console.log(table(headers, cells));
  if (margin) console.log(`\n${formatMargin(margin, evaluation.shoppers)}`);
  console.log('\nNDCG@10 by training activity (interactions before the cutoff):');
  const buckets = evaluation.rows[0]?.breakdown.map((b) => `${b.label} (${b.shoppers})`) ?? [];
  console.log(
    table(
      ['MODEL', ...buckets],
      evaluation.rows.map((r) => [r.model, ...r.breakdown.map((b) => b.metrics.ndcg10.toFixed(4))]),
    ),
  );
  console.log('\nChosen on the validation window (the 28 days before the cutoff):');
  for (const m of models) for (const line of choices(m.inner)) console.log(`  ${line}`);
}

function jsonOf({ evaluation, margin, models }: Awaited<ReturnType<typeof runProtocol>>) {
  const byName = new Map(models.map((m) => [m.name, m]));
  const records = metricsRecords(evaluation);
  return {
    cutoff: evaluation.cutoff,
    protocol: evaluation.protocol,
    shoppers: evaluation.shoppers,
    items: evaluation.items,
    models: evaluation.rows.map((row, i) => ({
      ...records[i],
      ndcg10Ci: row.ci.ndcg10,
      reference: REFERENCE[evaluation.protocol][row.model] ?? null,
      trainSeconds: byName.get(row.model)!.fitMs / 1000,
      breakdown: row.breakdown.map((b) => ({
        activity: b.label,
        shoppers: b.shoppers,
        ndcg10: b.metrics.ndcg10,
      })),
    })),
    margin,
  };
}

async function main(): Promise<void> {
  const protocols: Protocol[] =
    opts.protocol === 'both' ? [...PROTOCOLS] : PROTOCOLS.filter((p) => p === opts.protocol);
  if (protocols.length === 0)
    throw new Error(`--protocol must be all, new-items or both, got ${opts.protocol}`);
  const cutoff = Date.parse(`${opts.cutoff}T00:00:00Z`);
  if (!Number.isFinite(cutoff)) throw new Error(`--cutoff must be an ISO date, got ${opts.cutoff}`);
  const t0 = performance.now();
  const { lines, total } = await readCleanLines(opts.file!);
  const data = datasetOf(lines);
  if (!opts.json) {
    console.log(
      `${opts.file}: ${total.toLocaleString('en')} lines, ${lines.length.toLocaleString('en')} clean; ` +
        `${data.shopperIds.length.toLocaleString('en')} customers, ${data.itemIds.length.toLocaleString('en')} items ` +
        `(read in ${((performance.now() - t0) / 1000).toFixed(1)} s). Baselines: ${BASELINE_NAMES.join(', ')}.`,
    );
  }
  const results: Awaited<ReturnType<typeof runProtocol>>[] = [];
  for (const protocol of protocols) {
    const result = await runProtocol(data, protocol, cutoff);
    results.push(result);
    if (!opts.json) printProtocol(result);
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  if (opts.json) {
    console.log(JSON.stringify({ results: results.map(jsonOf), peakRssBytes: peak }, null, 2));
    return;
  }
  const hybrid = results.flatMap((r) => r.models.filter((m) => m.name === 'hybrid'));
  for (const [i, h] of hybrid.entries()) {
    console.log(
      `\nhybrid (${results[i]!.evaluation.protocol}): trained in ${(h.fitMs / 1000).toFixed(1)} s, ` +
        `process peak RSS ${gib(h.peakRssAfterFit)} once trained`,
    );
  }
  console.log(`\nPeak RSS of the run: ${gib(peak)}; total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
