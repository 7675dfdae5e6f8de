/**
 * `npm run bench:markets [-- --data <dir>] [--iterations 10] [--json]`: how long the Markets
 * page's queries take on the demo store (~255k events, ~3.7k orders) in embedded PGlite.
 *
 * Seeds the demo into `--data` (a temporary folder by default; an existing demo there is reused),
 * then times, after one warm-up each: the overview (what /<slug>/markets runs) by country and by
 * locale, and one market's detail page (seasonality, similar market, gap products). Prints median
 * and p95 wall time and the median CPU time per query set; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getMarketDetail, getMarketsOverview } from '@/lib/markets/service';
import { ms, summarize, table } from './support/stats';
import { closeBenchDb, note, openBenchDb, seedDemo } from './support/workspace';

const { values: opt } = parseArgs({
  options: {
    data: { type: 'string' },
    iterations: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});
const iterations = Math.max(1, Number(opt.iterations) || 10);
const dataDir = opt.data ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-markets-'));

const handle = await openBenchDb(dataDir);
try {
  note(`seeding the demo store in ${dataDir} …`);
  const demo = await seedDemo(handle.db);
  note(`  ready in ${(demo.setupMs / 1000).toFixed(1)} s`);
  const first = await getMarketsOverview(handle.db, demo.ctx, {});
  const top = first.markets[0];
  if (!top) throw new Error('the demo store has no markets');
  const cases: [string, () => Promise<unknown>][] = [
    ['overview by country (90 days)', () => getMarketsOverview(handle.db, demo.ctx, { by: 'country' })],
    ['overview by locale (90 days)', () => getMarketsOverview(handle.db, demo.ctx, { by: 'locale' })],
    ['overview by country (365 days)', () => getMarketsOverview(handle.db, demo.ctx, { days: '365' })],
    [`detail of ${top.id} (90 days)`, () => getMarketDetail(handle.db, demo.ctx, top.id, {})],
  ];
  // Wall time suffers when the machine is shared; CPU time of this process (the embedded database
  // runs in it) is the steadier figure, so both are printed.
  const results: { case: string; median: number; p95: number; cpuMedian: number }[] = [];
  for (const [name, run] of cases) {
    await run();
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await run();
      const c = process.cpuUsage(c0);
      samples.push(performance.now() - t0);
      cpu.push((c.user + c.system) / 1000);
    }
    const s = summarize(samples);
    results.push({ case: name, median: s.median, p95: s.p95, cpuMedian: summarize(cpu).median });
  }
  const detail = await getMarketDetail(handle.db, demo.ctx, top.id, {});
  if (opt.json) {
    console.log(JSON.stringify({ iterations, markets: first.markets.length, results }, null, 2));
  } else {
    console.log(
      `Markets on the demo store: ${first.markets.length} markets, ${first.period.from.toISOString().slice(0, 10)} – ${first.period.end}; ` +
        `${top.id} most similar to ${detail?.similar?.market.id ?? '—'} (${detail?.similar?.similarity.toFixed(3) ?? '—'}), ` +
        `${detail?.similar?.onlyHere.length ?? 0}/${detail?.similar?.onlyThere.length ?? 0} gap products`,
    );
    console.log(
      table(
        ['query set', 'median', 'p95', 'CPU median'],
        results.map((r) => [r.case, ms(r.median), ms(r.p95), ms(r.cpuMedian)]),
      ),
    );
  }
} finally {
  await closeBenchDb(handle);
  if (!opt.data) fs.rmSync(dataDir, { recursive: true, force: true });
}
