/**
 * A server stand-in for the kill tests: opens the database (a PGlite data folder, or a Postgres
 * URL), runs the job runner with short leases, and prints the import's committed row count as
 * it grows, until the test kills it with SIGKILL.
 *
 *   node --import tsx lib/import/testing/import-child.ts <pglite-dir|postgres-url> <tenantId> <importId>
 */
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '@/db/client';
import { JobRunner } from '@/lib/jobs/runner';
import '../job';

const [target, tenantId, importId] = process.argv.slice(2);
if (!target || !tenantId || !importId)
  throw new Error('usage: import-child.ts <dir|url> <tenantId> <importId>');

const handle = await openDatabase(
  target.startsWith('postgres')
    ? { driver: 'node-postgres', url: target }
    : { driver: 'pglite', dataDir: target },
);
new JobRunner(handle.db, {
  leaseMs: 1_500,
  heartbeatMs: 300,
  pollMs: 50,
  progressIntervalMs: 50,
  scheduleMs: 0,
}).start();
let last = -1;
setInterval(async () => {
  const [row] = rowsOf<{ rows_done: number }>(
    await handle.db.execute(
      sql`select rows_done from imports where tenant_id = ${tenantId} and id = ${importId}`,
    ),
  );
  if (row && row.rows_done !== last) {
    last = row.rows_done;
    process.stdout.write(`rows ${last}\n`);
  }
}, 20);
process.stdout.write('ready\n');
