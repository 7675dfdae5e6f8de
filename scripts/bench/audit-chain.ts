/**
 * Audit-chain verification time (`npx tsx scripts/bench/audit-chain.ts [entries]`, default
 * 1,000,000): a scratch embedded database in a temporary folder, one workspace whose audit log is
 * filled through the real chaining trigger (bulk INSERT … SELECT in chunks), then the same
 * verification the Verify button and `tailor audit verify` run. Prints entries/s and totals.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { tenants } from '@/db/schema';
import { verifyAuditChain } from '@/lib/audit/chain';
import type { TenantContext } from '@/lib/tenant/context';

const total = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(total) || total < 1) throw new Error('entries must be a positive integer');
const CHUNK = 50_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tailor-bench-audit-'));
const h = await openDatabase({ driver: 'pglite', dataDir: dir });
try {
  const tenantId = randomUUID();
  await h.db.insert(tenants).values({ id: tenantId, name: 'Bench', slug: `bench-${tenantId.slice(0, 8)}` });
  const ctx: TenantContext = { tenantId, slug: 'bench', role: 'owner', actorLabel: 'bench' };

  const t0 = performance.now();
  for (let done = 0; done < total; done += CHUNK) {
    const n = Math.min(CHUNK, total - done);
    // Realistic rows: an actor, an action, a target and a small details object, with an IP.
    await h.db.execute(sql`
      insert into audit_log (tenant_id, actor_label, action, target_type, target_id, details, ip)
      select ${tenantId}::uuid, 'owner@example.test', 'shopper.viewed', 'shopper', md5(g::text),
        jsonb_build_object('n', g, 'fields', jsonb_build_array('email', 'name')), '203.0.113.7'::inet
      from generate_series(${done + 1}::int, ${done + n}::int) g`);
    // Fresh statistics after the first chunk, so the trigger's "latest hash" lookup keeps its
    // index plan as the table grows (as autovacuum's analyze would on a server).
    if (done === 0) await h.db.execute(sql`analyze audit_log`);
    process.stderr.write(`inserted ${done + n} / ${total} (${Math.round(performance.now() - t0)} ms)\n`);
  }
  const insertSeconds = (performance.now() - t0) / 1000;

  let last = 0;
  const r = await verifyAuditChain(h.db, ctx, {
    onProgress: (done) => {
      if (done - last >= 100_000 || done === total) {
        last = done;
        process.stderr.write(`\rverified ${done} / ${total}`);
      }
    },
  });
  process.stderr.write('\n');
  if (!r.ok) throw new Error(`chain unexpectedly broken: ${r.reason}`);
  const seconds = r.durationMs / 1000;
  console.log(
    JSON.stringify(
      {
        entries: r.entries,
        insertThroughTrigger: {
          seconds: +insertSeconds.toFixed(1),
          entriesPerSecond: Math.round(r.entries / insertSeconds),
        },
        verify: { seconds: +seconds.toFixed(2), entriesPerSecond: Math.round(r.entries / seconds) },
        head: r.head,
        rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
      },
      null,
      2,
    ),
  );
} finally {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
