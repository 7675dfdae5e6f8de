/**
 * `npm run bench:recommend-inprocess [-- --calls 20000 --shoppers 50]`: what one recommendation
 * costs inside the server, without HTTP. Seeds the demo store into a temporary embedded database,
 * runs its background jobs (the catalog's embeddings among them), trains its model
 * (trainWorkspaceModel, with the content component once products have vectors), then calls getRecommendations in this process for
 * personalized `for_you` (the known shoppers with the most orders, who have not refused
 * personalization), `trending` and `similar` (best-selling products), as the API would with a
 * secret key, and prints microseconds per call after a warm-up of a tenth of the calls. The
 * difference to bench:recommend's server CPU per request is the HTTP layer. Figures only.
 * Run it with `node --cpu-prof --import tsx scripts/bench/recommend-inprocess.ts` for a profile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getServingModel } from '@/lib/recommend/serve/registry';
import { getRecommendations, type RecommendationInput } from '@/lib/recommend/service';
import { recommendationQuerySchema } from '@/lib/recommend/schemas';
import { drainJobs } from './support/jobs';
import { table } from './support/stats';
import { closeBenchDb, note, openBenchDb, probeIds, seedDemo, trainMeasured } from './support/workspace';

const { values: opt } = parseArgs({
  options: {
    calls: { type: 'string', default: '20000' },
    shoppers: { type: 'string', default: '50' },
  },
});

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`--${name} must be a positive whole number (got ${value}).`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const calls = positive('calls', opt.calls);
  const shoppers = positive('shoppers', opt.shoppers);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-inprocess-'));
  try {
    const handle = await openBenchDb(dir);
    note('Seeding the demo store and training its model…');
    const { ctx } = await seedDemo(handle.db);
    // The seed's background jobs first (the catalog's embeddings among them), as a store has them
    // by the time it serves: the model trained next has the content component.
    note('Running the queued background jobs (embeddings, profiles…) to the end…');
    await drainJobs(handle.db, ctx, { onProgress: (n) => note(`  ${n} job(s) still queued or running…`) });
    const trained = await trainMeasured(handle.db, ctx);
    const live = await getServingModel(handle.db, ctx.tenantId);
    const probe = await probeIds(handle.db, ctx.tenantId, shoppers);
    const input = (query: Record<string, string>): RecommendationInput => ({
      ...recommendationQuerySchema.parse(query),
      nonPersonal: false,
    });
    const cases: [string, RecommendationInput[]][] = [
      [
        'for_you (known shopper)',
        probe.shoppers.map((shopper) => input({ scenario: 'for_you', k: '10', shopper })),
      ],
      ['trending', [input({ scenario: 'trending', k: '10' })]],
      ['similar (product)', probe.items.map((item) => input({ scenario: 'similar', k: '10', item }))],
    ];
    const rows: string[][] = [];
    for (const [label, inputs] of cases) {
      const run = async (n: number) => {
        const t0 = performance.now();
        for (let i = 0; i < n; i++) {
          // A turn of the event loop now and then, as a server has between requests: background
          // work (the content similarity rows) runs there.
          if (i % 100 === 0) await new Promise((r) => setImmediate(r));
          const answer = getRecommendations(handle.db, ctx, inputs[i % inputs.length]!);
          if (answer instanceof Promise) await answer;
        }
        return (performance.now() - t0) / n;
      };
      await run(Math.max(1, Math.floor(calls / 10)));
      const ms = await run(calls);
      rows.push([label, String(inputs.length), String(calls), (ms * 1000).toFixed(0)]);
    }
    console.log(
      `\nTailor recommendations in process: node ${process.version}, ${os.cpus().length} CPUs, demo store ` +
        `(${trained.model.shoppers} shoppers × ${trained.model.items} items, model trained in ${(trained.wallMs / 1000).toFixed(1)} s; ` +
        `live model v${live?.version}: ${live?.a.features.join(', ')})\n`,
    );
    console.log(table(['scenario', 'distinct requests', 'calls', 'µs per call'], rows));
    await closeBenchDb(handle);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
