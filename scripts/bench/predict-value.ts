/**
 * `npm run bench:predict-value [-- --json] [--skip-uci] [--skip-demo] [--scale 1]`
 *
 * Issue 5's customer-value and preference figures. Customer value (BG/NBD + Gamma–Gamma, or the
 * 'historical-rate' rule on small stores): MAE of predicted vs actual holdout spend beside the
 * naive "spend at the historical rate" baselines, the forecast totals, the fitted parameters and
 * the fit / scoring times — on UCI Online Retail (as of 2011-06-09, 182-day holdout to 2011-12-08,
 * the issue's reference; plus 90 days from 2011-03-01 and from 2011-09-10) and on the demo store. Preference (next
 * category): hit rate @1/@3 and log loss beside category popularity, on the demo store (UCI has
 * no categories). Figures only: nothing is asserted.
 */
import { parseArgs } from 'node:util';
import { evaluateClv, fitClv } from '@/lib/predict/clv';
import { naiveForecasts, spendBetween } from '@/lib/predict/clv/evaluate';
import { DAY_MS } from '@/lib/predict/clv/summary';
import { evaluatePreference, fitPreference } from '@/lib/predict/preference';
import type { ShopperHistory } from '@/lib/predict/types';
import { demoHistories } from './support/demo-histories';
import { table } from './support/stats';
import { readUciHistories } from './support/uci-histories';

const { values: opts } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'skip-uci': { type: 'boolean', default: false },
    'skip-demo': { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
  },
});

interface ClvRow {
  dataset: string;
  asOf: string;
  holdoutDays: number;
  method: string;
  n: number;
  maeModel: number;
  maeTenure: number;
  maeWindow: number;
  actualTotal: number;
  predictedTotal: number;
  tenureTotal: number;
  windowTotal: number;
  fitMs: number;
  scoreMs: number;
  parameters: Record<string, number>;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const mae = (p: readonly number[], a: readonly number[]): number =>
  a.length ? sum(a.map((v, i) => Math.abs(p[i]! - v))) / a.length : 0;

function clvRow(
  dataset: string,
  histories: readonly ShopperHistory[],
  asOfIso: string,
  holdoutDays: number,
): ClvRow {
  const asOf = Date.parse(`${asOfIso}T00:00:00Z`);
  const t0 = performance.now();
  const model = fitClv(histories, { asOf });
  const fitMs = performance.now() - t0;
  const t1 = performance.now();
  for (const h of histories) model.predict(h, asOf, 365);
  const scoreMs = performance.now() - t1;
  const ev = evaluateClv(histories, { asOf, holdoutDays });
  const eligible = histories.filter((h) =>
    h.orders.some((o) => o.status === 'paid' && o.at < asOf && o.totalMinor > 0),
  );
  const actual = eligible.map((h) => spendBetween(h, asOf, asOf + holdoutDays * DAY_MS));
  const naive = naiveForecasts(eligible, asOf, holdoutDays);
  return {
    dataset,
    asOf: asOfIso,
    holdoutDays,
    method: ev.method,
    n: ev.n,
    maeModel: ev.mae,
    maeTenure: mae(naive.tenure, actual),
    maeWindow: mae(naive.window, actual),
    actualTotal: ev.actualTotal,
    predictedTotal: ev.predictedTotal,
    tenureTotal: sum(naive.tenure),
    windowTotal: sum(naive.window),
    fitMs,
    scoreMs,
    parameters: ev.parameters,
  };
}

const money = (minor: number): string =>
  (minor / 100).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const big = (minor: number): string => Math.round(minor / 100).toLocaleString('en');

function clvTable(rows: readonly ClvRow[]): string {
  const headers = [
    'dataset',
    'as of',
    'days',
    'method',
    'n',
    'MAE model',
    'MAE rate/tenure',
    'MAE rate/window',
  ];
  const body = rows.map((r) => [
    r.dataset,
    r.asOf,
    String(r.holdoutDays),
    r.method,
    String(r.n),
    money(r.maeModel),
    money(r.maeTenure),
    money(r.maeWindow),
  ]);
  const totals = rows.map((r) => [
    r.dataset,
    r.asOf,
    big(r.actualTotal),
    big(r.predictedTotal),
    big(r.tenureTotal),
    big(r.windowTotal),
    `${r.fitMs.toFixed(0)} ms`,
    `${r.scoreMs.toFixed(0)} ms`,
  ]);
  const params = rows.map((r) => [
    r.dataset,
    r.asOf,
    Object.entries(r.parameters)
      .map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toPrecision(4)}`)
      .join(' '),
  ]);
  return [
    'Customer value: MAE of holdout spend per shopper (major units)',
    table(headers, body),
    '',
    'Totals over all shoppers (major units), fit time and time to score every shopper (365 days)',
    table(['dataset', 'as of', 'actual', 'model', 'rate/tenure', 'rate/window', 'fit', 'score all'], totals),
    '',
    table(['dataset', 'as of', 'parameters (days, minor units)'], params, 'left'),
  ].join('\n');
}

function main(): Promise<void> | void {
  return (async () => {
    const clv: ClvRow[] = [];
    const preference: (ReturnType<typeof evaluatePreference> & { dataset: string; fitMs: number })[] = [];
    if (!opts['skip-uci']) {
      const uci = await readUciHistories();
      clv.push(clvRow('uci', uci, '2011-06-09', 182));
      clv.push(clvRow('uci', uci, '2011-03-01', 90));
      clv.push(clvRow('uci', uci, '2011-09-10', 90));
    }
    if (!opts['skip-demo']) {
      const demo = demoHistories(new Date('2026-01-01T00:00:00Z'), { scale: Number(opts.scale) });
      clv.push(clvRow('demo', demo, '2025-11-17', 45));
      for (const [asOfIso, horizonDays] of [
        ['2025-12-02', 30],
        ['2025-11-17', 45],
      ] as const) {
        const asOf = Date.parse(`${asOfIso}T00:00:00Z`);
        const t0 = performance.now();
        fitPreference(demo, { asOf, horizonDays });
        const fitMs = performance.now() - t0;
        preference.push({ dataset: 'demo', fitMs, ...evaluatePreference(demo, { asOf, horizonDays }) });
      }
    }
    if (opts.json) {
      console.log(JSON.stringify({ clv, preference }, null, 2));
      return;
    }
    if (clv.length) console.log(clvTable(clv));
    if (preference.length) {
      const f = (v: number): string => v.toFixed(3);
      console.log('\nNext-category preference vs category popularity');
      console.log(
        table(
          [
            'dataset',
            'as of',
            'days',
            'method',
            'n',
            'hit@1',
            'pop hit@1',
            'hit@3',
            'pop hit@3',
            'log loss',
            'pop log loss',
            'fit',
          ],
          preference.map((p) => [
            p.dataset,
            p.asOf.slice(0, 10),
            String(p.horizonDays),
            p.method,
            String(p.n),
            f(p.hitRateAt1),
            f(p.baseline.hitRateAt1),
            f(p.hitRateAt3),
            f(p.baseline.hitRateAt3),
            f(p.logLoss),
            f(p.baseline.logLoss),
            `${p.fitMs.toFixed(0)} ms`,
          ]),
        ),
      );
    }
  })();
}

void main();
