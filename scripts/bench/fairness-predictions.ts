/**
 * `npm run bench:fairness-predictions [-- --json] [--no-uci] [--no-demo] [--scale 1]`
 *
 * Parity of the churn and propensity lists across shopper groups (issue 8), measured as the
 * fairness report does: held-out scores (trained on the earlier period, scored on the last
 * horizon of the data), at the list's threshold (At risk 60 %, Ready to buy 50 %, or the top 20 %
 * when that flags almost nobody), grouped by country (top 6 + other + unknown) and tenure (new =
 * first order within 90 days); then per-group thresholds for equal selection rates and for equal
 * true-positive rates, before vs after, with the accuracy cost.
 *
 * - UCI Online Retail (when ../shared/data/online-retail exists): data end 2011-12-10; churn 90
 *   days (scored as of 2011-09-11, trained as of 2011-06-13), propensity 30 days.
 * - The demo store (db/seed, in memory, 120 days ending 2026-01-01): churn 45 days, propensity 30.
 * Figures only: nothing is asserted.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { countryGrouping, tenureGrouping } from '@/lib/fairness/predictions/groups';
import { heldOutScores } from '@/lib/fairness/predictions/held-out';
import { buildPredictionReport, type GroupingReport } from '@/lib/fairness/predictions/report';
import { mitigate, type Mitigation } from '@/lib/fairness/predictions/thresholds';
import type { BinaryKind } from '@/lib/predict/binary';
import type { ShopperHistory } from '@/lib/predict/types';
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
const LIST_THRESHOLD: Record<BinaryKind, number> = { churn: 0.6, propensity: 0.5 };
const log = (s: string) => {
  if (!opts.json) console.log(s);
};
const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
const pts = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}`);
const f2 = (v: number | null) => (v === null ? '-' : v.toFixed(2));
const f3 = (v: number | null) => (v === null ? '-' : v.toFixed(3));

const results: Record<string, unknown>[] = [];

function mitigationRows(name: string, m: Mitigation): string[][] {
  const side = (label: string, s: Mitigation['before']) => [
    `${name} ${label}`,
    pct(s.overall.accuracy),
    f3(s.overall.f1),
    pct(s.overall.selectionRate),
    pts(s.gaps.demographicParityDifference),
    pts(s.gaps.equalOpportunityDifference),
    `${f2(s.gaps.disparateImpactRatio)}${s.gaps.fourFifthsFlag ? ' ✗' : ''}`,
  ];
  return [side('before', m.before), side('after', m.after)];
}

function printGrouping(
  g: GroupingReport,
  members: { score: number; label: 0 | 1; group: string }[],
): Mitigation {
  log(`\n  by ${g.label.toLowerCase()}`);
  log(
    table(
      ['group', 'n', 'events', 'selected', 'TPR', 'FPR', 'precision', 'pred/obs', 'AUC'],
      g.groups.map((x) => [
        `${x.group}${x.judgeable ? '' : ' (too few)'}`,
        String(x.n),
        String(x.positives),
        pct(x.selectionRate),
        pct(x.tpr),
        pct(x.fpr),
        pct(x.precision),
        `${pct(x.meanPredicted)}/${pct(x.baseRate)}`,
        f3(x.auc),
      ]),
    ),
  );
  const other = mitigate(
    members,
    g.mitigation.target === 'selection_rate' ? 'true_positive_rate' : 'selection_rate',
    g.mitigation.base,
  );
  const [sr, tpr] = g.mitigation.target === 'selection_rate' ? [g.mitigation, other] : [other, g.mitigation];
  log('');
  log(
    table(
      ['thresholds', 'accuracy', 'F1', 'selected', 'DP gap (pts)', 'EO gap (pts)', 'DI ratio'],
      [...mitigationRows('equal selection', sr), ...mitigationRows('equal TPR', tpr)],
    ),
  );
  log(
    `  accuracy cost: equal selection ${pts(sr.accuracyCost)} pts for a DP gain of ${pts(sr.fairnessGain)} pts; equal TPR ${pts(tpr.accuracyCost)} pts for an EO gain of ${pts(tpr.fairnessGain)} pts`,
  );
  return other;
}

function run(
  dataset: string,
  hs: readonly ShopperHistory[],
  kind: BinaryKind,
  end: number,
  horizonDays: number,
): void {
  const asOf = end - horizonDays * DAY;
  const t0 = performance.now();
  const held = heldOutScores(kind, hs, { asOf, horizonDays });
  const groupings = [countryGrouping(held.scores.map((s) => s.history)), tenureGrouping(asOf)];
  const report = buildPredictionReport(kind, held, {
    groupings,
    listThreshold: LIST_THRESHOLD[kind],
    settings: { groupBy: 'country', target: 'selection_rate', enabled: false },
  });
  const ms = performance.now() - t0;
  const op = report.operatingPoint;
  log(
    `\n== ${dataset} · ${kind} (${horizonDays} days) · ${held.protocol}, ${held.method}, scored as of ${report.asOf.slice(0, 10)}${held.protocol === 'temporal' ? `, trained as of ${report.trainAsOf.slice(0, 10)}` : ''} · ${report.overall.n} shoppers, ${report.overall.positives} events · threshold ${pct(op.threshold)} (${op.basis}) flags ${pct(op.selectionRate)} · ${secs(ms)}`,
  );
  const other: Mitigation[] = [];
  for (const [i, g] of report.groupings.entries()) {
    const grouping = groupings[i]!;
    const members = held.scores.map((s) => ({
      score: s.score,
      label: s.label,
      group: grouping.groupOf(s.history),
    }));
    other.push(printGrouping(g, members));
  }
  results.push({ dataset, kind, horizonDays, ms, report, otherTarget: other });
}

if (!opts['no-uci']) {
  if (!existsSync(ONLINE_RETAIL_FILE)) log(`UCI Online Retail not found at ${ONLINE_RETAIL_FILE}: skipped.`);
  else {
    const hs = await readUciHistories();
    const end = Date.parse('2011-12-10T00:00:00Z');
    run('uci', hs, 'churn', end, 90);
    run('uci', hs, 'propensity', end, 30);
  }
}
if (!opts['no-demo']) {
  const now = new Date('2026-01-01T00:00:00Z');
  const hs = demoHistories(now, { scale: Number(opts.scale) });
  run('demo', hs, 'churn', now.getTime(), 45);
  run('demo', hs, 'propensity', now.getTime(), 30);
}
if (opts.json) console.log(JSON.stringify(results, null, 2));
