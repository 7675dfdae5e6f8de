/**
 * Erasure time for `npm run bench:erasure`: a scratch in-memory database; per round a workspace
 * with the shopper to erase (10,000 events, orders with lines, profile, scores, consent, a
 * stitched visitor, webhook receipts, jobs) among `--others` background shoppers (100 events
 * each by default) and a trained recommendation model over all of them. Times `eraseShopper`
 * end to end (one transaction, verification scan included) and, separately, the verification
 * scan alone on the erased workspace.
 *
 *   npx tsx scripts/bench/erasure.ts [--rounds 3] [--events 10000] [--others 500] [--url postgres://…]
 *
 * `--url` runs against a scratch database on a Postgres server instead (it is migrated and
 * written to; use a throw-away database).
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@/db/client';
import { eraseShopper } from '@/lib/privacy/erasure/service';
import { scanTenant } from '@/lib/privacy/erasure/scan';
import { seedErasureWorkspace, tinyArtefact } from '@/lib/privacy/erasure/testing';
import { serializeArtefact } from '@/lib/recommend/train/artefact';
import { createTestTenant } from '@/lib/testing/fixtures';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a non-negative integer`);
  return v;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function main() {
  const rounds = Math.max(1, arg('rounds', 3));
  const events = arg('events', 10_000);
  const others = arg('others', 500);
  const at = process.argv.indexOf('--url');
  const url = at >= 0 ? process.argv[at + 1] : undefined;
  const h = await openDatabase(url ? { driver: 'node-postgres', url } : { driver: 'pglite', dataDir: null });
  const erase: number[] = [];
  const scan: number[] = [];
  let tables = 0;
  let steps = '';
  try {
    for (let r = 0; r < rounds; r++) {
      const { ctx } = await createTestTenant(h.db, `bench-${r}`);
      const w = await seedErasureWorkspace(h.db, ctx, { events, tag: `b${r}` });
      const t = ctx.tenantId;
      // Background shoppers with their own events, then a second (older) model over everyone.
      await h.db.execute(sql`insert into shoppers (tenant_id, kind, external_id)
        select ${t}, 'customer', 'bg-' || g from generate_series(1, ${others}) g`);
      await h.db.execute(sql`insert into events (tenant_id, event_id, type, shopper_id, product_id, occurred_at)
        select s.tenant_id, s.external_id || '-' || g, 'view', s.id, ${w.productIds[0]!}::uuid, now() - (g || ' hours')::interval
        from shoppers s cross join generate_series(1, 100) g where s.tenant_id = ${t} and s.external_id like 'bg-%'`);
      const ids = rowsOf<{ id: string }>(
        await h.db.execute(sql`select id from shoppers where tenant_id = ${t}`),
      ).map((x) => x.id);
      const bytes = serializeArtefact(tinyArtefact(ids, w.productIds));
      await h.db.execute(sql`insert into recommend_models (tenant_id, version, status, live, as_of, shoppers, artefact, artefact_bytes)
        values (${t}, 2, 'ready', false, now(), ${ids.length}, ${bytes}, ${bytes.byteLength})`);

      const report = await eraseShopper(h.db, ctx, w.subject.id);
      erase.push(report.durationMs);
      tables = report.verification.tablesScanned;
      steps = report.steps
        .filter((s) => !s.target.startsWith('cache:'))
        .map((s) => `${s.target} ${s.action} ${s.count}`)
        .join('; ');
      const t0 = performance.now();
      const again = await scanTenant(
        h.db,
        ctx,
        [w.subject.id, w.subject.visitorId, w.subject.externalId, w.subject.anonymousId, w.subject.email],
        { names: [w.subject.name], emails: [w.subject.email] },
      );
      scan.push(performance.now() - t0);
      if (again.hits.length > 0) throw new Error(`scan found leftovers: ${JSON.stringify(again.hits)}`);
    }
  } finally {
    await h.close();
  }
  console.log(
    `Erasure of a shopper with ${events} events among ${others} others (${others * 100} background events), ${url ? 'Postgres server' : 'PGlite in memory'}, ${rounds} rounds`,
  );
  console.log(
    `  eraseShopper (one transaction, scan included): median ${median(erase)} ms  [${erase.join(', ')}]`,
  );
  console.log(
    `  verification scan alone (${tables} tables):     median ${median(scan).toFixed(0)} ms  [${scan.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(`  steps of the last round: ${steps}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
