/**
 * `npm run bench:ads-bandit [-- --seeds 5 --alpha 1 --floor 0 --json]`
 *
 * Issue 6's regret figures: cumulative expected regret of Thompson sampling, LinUCB and a uniform
 * split against always serving the best arm (regret 0), at 1k, 5k and 20k rounds, averaged over
 * several seeds, in three settings: three arms at 2 / 3 / 5 % CTR; five close arms (3.0–4.0 %);
 * and a contextual one where each of three segments has a different best arm (Thompson is context
 * blind there, LinUCB sees segment, locale and device). Pure simulation: no database, no timings.
 */
import { parseArgs } from 'node:util';
import { SIM_POLICIES, type SimContext, type SimPolicy, simulateRegret } from '@/lib/ads/bandit/simulate';
import { table } from './support/stats';

const { values: opts } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' },
    alpha: { type: 'string', default: '1' },
    floor: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
  },
});

const CHECKPOINTS = [1000, 5000, 20_000];
const seeds = Math.max(1, Number(opts.seeds) || 5);
const alpha = Number(opts.alpha);
const floor = Number(opts.floor);

const CONTEXTUAL: SimContext[] = [
  { ctx: { segmentId: 'bargain', locale: 'en', device: 'mobile' }, weight: 2, rates: [0.06, 0.02, 0.03] },
  { ctx: { segmentId: 'loyal', locale: 'de', device: 'desktop' }, weight: 1, rates: [0.02, 0.06, 0.03] },
  { ctx: { segmentId: 'new', locale: 'en', device: 'tablet' }, weight: 1, rates: [0.02, 0.03, 0.06] },
];

const SCENARIOS: { name: string; rates?: number[]; contexts?: SimContext[] }[] = [
  { name: '3 arms: 2 / 3 / 5 % CTR', rates: [0.02, 0.03, 0.05] },
  { name: '5 close arms: 3.0 / 3.2 / 3.4 / 3.6 / 4.0 %', rates: [0.03, 0.032, 0.034, 0.036, 0.04] },
  { name: 'contextual: 3 segments, each with its own best arm (6 %)', contexts: CONTEXTUAL },
];

type Curves = Record<SimPolicy, number[]>;

function averaged(s: (typeof SCENARIOS)[number]): Curves {
  const sum = Object.fromEntries(SIM_POLICIES.map((p) => [p, CHECKPOINTS.map(() => 0)])) as Curves;
  for (let seed = 1; seed <= seeds; seed++) {
    const r = simulateRegret({
      ...s,
      rounds: CHECKPOINTS.at(-1)!,
      checkpoints: CHECKPOINTS,
      seed,
      alpha,
      floor,
    });
    for (const p of SIM_POLICIES) {
      r.regret[p].forEach((v, i) => {
        sum[p][i]! += v / seeds;
      });
    }
  }
  return sum;
}

const results = SCENARIOS.map((s) => ({ scenario: s.name, checkpoints: CHECKPOINTS, regret: averaged(s) }));

if (opts.json) {
  console.log(JSON.stringify({ seeds, alpha, floor, results }, null, 2));
} else {
  console.log(
    `Cumulative expected regret (clicks lost vs always serving the best arm), mean of ${seeds} seeds;`,
  );
  console.log(`LinUCB α = ${alpha}, Thompson exploration floor = ${floor}.\n`);
  for (const r of results) {
    console.log(r.scenario);
    const uniformEnd = r.regret.uniform.at(-1)!;
    const rows = SIM_POLICIES.map((p) => [
      p === 'best' ? 'best arm' : p,
      ...r.regret[p].map((v) => v.toFixed(1)),
      uniformEnd > 0 ? `${((r.regret[p].at(-1)! / uniformEnd) * 100).toFixed(1)} %` : '-',
    ]);
    console.log(table(['policy', ...CHECKPOINTS.map((c) => `${c / 1000}k rounds`), 'vs uniform @20k'], rows));
    console.log('');
  }
}
