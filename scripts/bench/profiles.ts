/**
 * `npm run bench:profiles [-- --data <dir>] [--iterations 30] [--json]`: shopper profiles on the
 * demo store in embedded PGlite.
 *
 * - Full rebuild: every shopper's profile computed and written, then RFM re-scored (the
 *   `profiles.rebuild` job's body), timed end to end.
 * - Update latency after an event: one product view for a customer through the events service
 *   (`ingestEvents`), then the time until that shopper's `shopper_profiles.computed_at` moves
 *   (polled every 2 ms). It includes the 250 ms debounce that collapses bursts, so the
 *   computation alone is timed as well (one shopper's `refreshProfiles`).
 * The catalog is embedded first (the workspace's embedder; the lexical one where no model is
 * installed) so interest vectors are part of the work. Prints median and p95; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { enqueueEmbedding } from '@/lib/embeddings/job';
import { runEmbedJobHere } from '@/lib/embeddings/run-here';
import { ingestEvents } from '@/lib/events/service';
import { rebuildProfiles } from '@/lib/profiles/jobs';
import { refreshProfiles } from '@/lib/profiles/refresh';
import { DEBOUNCE_MS, flushShopperActivity } from '@/lib/profiles/refresh-queue';
import { ms, secs, summarize } from './support/stats';
import { closeBenchDb, note, openBenchDb, seedDemo } from './support/workspace';

const { values: opt } = parseArgs({
  options: {
    data: { type: 'string' },
    iterations: { type: 'string', default: '30' },
    json: { type: 'boolean', default: false },
  },
});
const iterations = Math.max(1, Number(opt.iterations) || 30);
const dataDir = opt.data ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-profiles-'));

const handle = await openBenchDb(dataDir);
try {
  note(`seeding the demo store in ${dataDir} …`);
  const demo = await seedDemo(handle.db);
  const db = handle.db;
  const t = demo.ctx.tenantId;
  note(`  ready in ${secs(demo.setupMs)}`);
  await flushShopperActivity();
  // Interest vectors need product vectors: embed the catalog with the workspace's embedder.
  const { job } = await enqueueEmbedding(db, demo.ctx);
  const embedded = await runEmbedJobHere(db, { tenantId: t, id: job.id }, () => undefined);
  note(`  catalog embedding: ${embedded.status}`);

  const [counts] = rowsOf<{ shoppers: number; orders: number; events: number; vectors: number }>(
    await db.execute(sql`select
      (select count(*)::int from shoppers where tenant_id = ${t}) as shoppers,
      (select count(*)::int from orders where tenant_id = ${t}) as orders,
      (select count(*)::int from events where tenant_id = ${t}) as events,
      (select count(*)::int from product_embeddings where tenant_id = ${t}) as vectors`),
  );
  note('full rebuild …');
  const t0 = performance.now();
  const rebuild = await rebuildProfiles({ db, tenantId: t, checkpoint: null });
  const rebuildMs = performance.now() - t0;
  const [withInterest] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from shopper_profiles where tenant_id = ${t} and interest is not null`,
    ),
  );

  const customers = rowsOf<{ id: string; external_id: string }>(
    await db.execute(sql`select id, external_id from shoppers
      where tenant_id = ${t} and external_id is not null order by id limit ${iterations}`),
  );
  const products = rowsOf<{ external_id: string }>(
    await db.execute(
      sql`select external_id from products where tenant_id = ${t} and status = 'active' limit 50`,
    ),
  );
  const computedAt = async (id: string) =>
    Number(
      rowsOf<{ ms: number }>(
        await db.execute(sql`select (extract(epoch from computed_at) * 1000)::float8 as ms
          from shopper_profiles where tenant_id = ${t} and shopper_id = ${id}`),
      )[0]?.ms ?? 0,
    );

  const latency: number[] = [];
  const compute: number[] = [];
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]!;
    const before = await computedAt(c.id);
    const start = performance.now();
    await ingestEvents(
      db,
      demo.ctx,
      [
        {
          type: 'view',
          eventId: `bench-profiles-${Date.now()}-${i}`,
          customerId: c.external_id,
          productId: products[i % products.length]!.external_id,
        },
      ],
      { source: 'api' },
    );
    while ((await computedAt(c.id)) <= before) await new Promise((r) => setTimeout(r, 2));
    latency.push(performance.now() - start);
    const s = performance.now();
    await refreshProfiles(db, demo.ctx, [c.id]);
    compute.push(performance.now() - s);
  }
  const l = summarize(latency);
  const c = summarize(compute);
  const result = {
    store: counts,
    rebuild: {
      ms: Math.round(rebuildMs),
      shoppers: rebuild.shoppers,
      perShopperMs: rebuildMs / Math.max(1, rebuild.shoppers),
    },
    latency: { iterations: latency.length, debounceMs: DEBOUNCE_MS, median: l.median, p95: l.p95 },
    computeOne: { median: c.median, p95: c.p95 },
  };
  if (opt.json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(
      `Demo store: ${counts?.shoppers} shoppers, ${counts?.orders} orders, ${counts?.events} events, ${counts?.vectors} product vectors.`,
    );
    console.log(
      `Full rebuild: ${secs(rebuildMs)} for ${rebuild.shoppers} shoppers (${ms(result.rebuild.perShopperMs)} each), RFM re-scored for ${rebuild.rfmScored} buyers, ${withInterest?.n ?? 0} interest vectors.`,
    );
    console.log(
      `Profile update after an event (events service → row updated, ${latency.length} runs, includes the ${DEBOUNCE_MS} ms debounce): median ${ms(l.median)}, p95 ${ms(l.p95)}.`,
    );
    console.log(`Recomputing one profile alone: median ${ms(c.median)}, p95 ${ms(c.p95)}.`);
  }
} finally {
  await closeBenchDb(handle);
}
