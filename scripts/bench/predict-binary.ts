/**
 * `npx tsx scripts/bench/predict-binary.ts [--json] [--no-uci] [--no-demo] [--scale 1]`
 *
 * The churn and propensity evaluation tables of issue 5: the trained model ('logistic-gam')
 * beside the recency-only rule, the base rate and the small-store rule ('rule-recency'), on the
 * same shoppers — AUC (with its 95 % interval), PR-AUC, Brier, log loss, n, base rate — then the
 * model's calibration and top-decile lift, and training / scoring time for all shoppers.
 *
 * - UCI Online Retail (when ../shared/data/online-retail exists): as of 2011-09-10, churn in 90
 *   days (5-fold stratified CV, and temporal: trained as of 2011-06-12) and propensity in 30 days
 *   (CV, and temporal: trained as of 2011-08-11). Reference (issue 5): recency rule 0.683,
 *   logistic regression on RFM 0.735, GBT 0.721 (CV AUC, churn).
 * - The demo store (db/seed, in memory): 120 days of history end at 2026-01-01, so 90-day churn
 *   cannot be evaluated honestly; churn uses a 45-day horizon (trained as of day 30, evaluated
 *   as of day 75) and propensity 30 days (trained as of day 60, evaluated as of day 90).
 * Figures only: nothing is asserted.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type BinaryKind,
  eligible,
  evaluateBinaryCv,
  evaluateBinaryTemporal,
  fitBinary,
  labelOf,
  ruleBinary,
} from '@/lib/predict/binary';
import { classifierMetrics } from '@/lib/predict/metrics';
import type { BinaryEvaluation, ClassifierMetrics, ShopperHistory } from '@/lib/predict/types';
import { demoHistories } from './support/demo-histories';
import { ONLINE_RETAIL_FILE } from './support/online-retail';
import { secs, table } from './support/stats';
import { readUciHistories } from './support/uci-histories';

const { values: opts } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'no-uci': { type: 'boolean', default: false },
    'no-demo': { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
  },
});
const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const log = (s: string) => {
  if (!opts.json) console.log(s);
};

interface Run {
  dataset: string;
  evaluation: BinaryEvaluation;
  /** The small-store rule on the same evaluation shoppers (temporal runs only). */
  rule?: ClassifierMetrics;
}
interface Timing {
  dataset: string;
  kind: BinaryKind;
  shoppers: number;
  trainMs: number;
  /** CPU time of this process (the machine may be shared: wall time can be far larger). */
  trainCpuMs: number;
  scored: number;
  scoreMs: number;
  scoreCpuMs: number;
}

function ruleMetrics(
  kind: BinaryKind,
  hs: readonly ShopperHistory[],
  asOf: number,
  h: number,
): ClassifierMetrics {
  const rule = ruleBinary(kind, h);
  const chosen = hs.filter((x) => eligible(kind, x, asOf));
  return classifierMetrics(
    chosen.map((x) => rule.score(x, asOf)),
    chosen.map((x) => labelOf(kind, x, asOf, h)),
  );
}

function timing(
  dataset: string,
  kind: BinaryKind,
  hs: readonly ShopperHistory[],
  asOf: number,
  h: number,
  now: number,
) {
  const cpu = (from: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(from);
    return (d.user + d.system) / 1000;
  };
  let t = performance.now();
  let c = process.cpuUsage();
  const model = fitBinary(kind, hs, { asOf, horizonDays: h });
  const trainMs = performance.now() - t;
  const trainCpuMs = cpu(c);
  t = performance.now();
  c = process.cpuUsage();
  for (const x of hs) model.score(x, now);
  const scoreMs = performance.now() - t;
  const scoreCpuMs = cpu(c);
  const shoppers = hs.filter((x) => eligible(kind, x, asOf)).length;
  return { dataset, kind, shoppers, trainMs, trainCpuMs, scored: hs.length, scoreMs, scoreCpuMs };
}

const runs: Run[] = [];
const timings: Timing[] = [];

function evaluate(
  dataset: string,
  hs: readonly ShopperHistory[],
  kind: BinaryKind,
  asOf: number,
  h: number,
  trainAsOf: number,
) {
  runs.push({ dataset, evaluation: evaluateBinaryCv(kind, hs, { asOf, horizonDays: h }) });
  const temporal = evaluateBinaryTemporal(kind, hs, { trainAsOf, asOf, horizonDays: h });
  runs.push({ dataset, evaluation: temporal, rule: ruleMetrics(kind, hs, asOf, h) });
}

if (!opts['no-uci']) {
  if (!existsSync(ONLINE_RETAIL_FILE)) log(`UCI Online Retail not found at ${ONLINE_RETAIL_FILE}: skipped.`);
  else {
    const hs = await readUciHistories();
    const asOf = day('2011-09-10');
    evaluate('uci', hs, 'churn', asOf, 90, day('2011-06-12'));
    evaluate('uci', hs, 'propensity', asOf, 30, asOf - 30 * DAY);
    const end = day('2011-12-10');
    timings.push(timing('uci', 'churn', hs, end - 90 * DAY, 90, end));
    timings.push(timing('uci', 'propensity', hs, end - 30 * DAY, 30, end));
  }
}
if (!opts['no-demo']) {
  const now = new Date('2026-01-01T00:00:00Z');
  const end = now.getTime();
  const hs = demoHistories(now, { scale: Number(opts.scale) });
  evaluate('demo', hs, 'churn', end - 45 * DAY, 45, end - 90 * DAY);
  evaluate('demo', hs, 'propensity', end - 30 * DAY, 30, end - 60 * DAY);
  timings.push(timing('demo', 'churn', hs, end - 45 * DAY, 45, end));
  timings.push(timing('demo', 'propensity', hs, end - 30 * DAY, 30, end));
}

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '-');
const f4 = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '-');
function row(r: Run, scorer: string, m: ClassifierMetrics): string[] {
  const e = r.evaluation;
  const when = e.protocol === 'cv5' ? 'cv5' : `temporal (train ${e.trainAsOf?.slice(0, 10)})`;
  const ci = m.aucCi ? ` [${f3(m.aucCi[0])}, ${f3(m.aucCi[1])}]` : '';
  return [
    `${r.dataset} ${e.kind} ${e.horizonDays}d`,
    `${e.asOf.slice(0, 10)} ${when}`,
    scorer,
    `${f3(m.auc)}${ci}`,
    f3(m.prAuc),
    f4(m.brier),
    f4(m.logLoss),
    String(m.n),
    f3(m.baseRate),
  ];
}

if (opts.json) {
  console.log(JSON.stringify({ runs, timings }, null, 2));
} else {
  const rows: string[][] = [];
  for (const r of runs) {
    const e = r.evaluation;
    rows.push(row(r, e.method + (e.fallback ? ' (fallback)' : ''), e.model));
    rows.push(row(r, 'recency rule', e.baselines.recency));
    if (r.rule) rows.push(row(r, 'rule-recency (fixed)', r.rule));
    rows.push(row(r, 'base rate', e.baselines.baseRate));
  }
  log(
    table(
      ['set', 'as of / protocol', 'scorer', 'AUC [95% CI]', 'PR-AUC', 'Brier', 'log loss', 'n', 'base rate'],
      rows,
    ),
  );
  log(
    '\nCV AUC and PR-AUC are fold means (t-interval over folds); the rest pooled out-of-fold. Temporal CI: bootstrap.',
  );
  for (const r of runs) {
    const e = r.evaluation;
    const cal = e.model.calibration
      .map((b) => `${f3(b.predicted)}→${f3(b.observed)} (${b.count})`)
      .join('  ');
    log(`\n${r.dataset} ${e.kind} ${e.protocol}: calibration (predicted→observed, n): ${cal}`);
    const top = e.model.liftByDecile[0];
    if (top) log(`  top decile: rate ${f3(top.rate)}, lift ${top.lift.toFixed(2)}×`);
    log(
      `  top features: ${e.featureImportance
        .slice(0, 6)
        .map((x) => `${x.feature} ${x.importance.toFixed(2)}`)
        .join(', ')}`,
    );
  }
  log(
    `\n${table(
      ['set', 'model', 'eligible', 'train (cpu)', 'scored', 'score all (cpu)', 'per shopper (cpu)'],
      timings.map((t) => [
        t.dataset,
        t.kind,
        String(t.shoppers),
        `${secs(t.trainMs)} (${secs(t.trainCpuMs)})`,
        String(t.scored),
        `${secs(t.scoreMs)} (${secs(t.scoreCpuMs)})`,
        `${((t.scoreCpuMs / t.scored) * 1000).toFixed(1)} µs`,
      ]),
    )}`,
  );
}
