import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getRecommendations } from '@/lib/recommend/service';
import { recommendationQuerySchema } from '@/lib/recommend/schemas';
import { closeBenchDb, openBenchDb, probeIds, seedDemo, trainMeasured } from './support/workspace';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-'));
  const handle = await openBenchDb(dir);
  const { ctx } = await seedDemo(handle.db);
  await trainMeasured(handle.db, ctx);
  const probe = await probeIds(handle.db, ctx.tenantId);
  const inputs = probe.shoppers.map((s) => ({
    ...recommendationQuerySchema.parse({ scenario: 'for_you', k: '10', shopper: s }),
    nonPersonal: false,
  }));
  const run = async (n: number) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await getRecommendations(handle.db, ctx, inputs[i % inputs.length]!);
    return (performance.now() - t0) / n;
  };
  await run(2000);
  const per = await run(Number(process.env.N ?? 5000));
  console.log(`for_you in process: ${(per * 1000).toFixed(0)} µs/call; dir ${dir}`);
  await closeBenchDb(handle);
}
main();
