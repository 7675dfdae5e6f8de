/**
 * A worker process for the crash tests: opens the Postgres database named on the command line,
 * runs the test job types with short leases, and is killed with SIGKILL by the test.
 *
 *   node --import tsx lib/jobs/testing/worker-child.ts <postgres-url> <pgboss|inprocess>
 */
import { openDatabase } from '@/db/client';
import { PgBossJobRunner } from '../pgboss';
import { JobRunner } from '../runner';
import './test-jobs';

const [url, mode = 'pgboss'] = process.argv.slice(2);
if (!url) throw new Error('usage: worker-child.ts <postgres-url> <pgboss|inprocess>');

const settings = {
  leaseMs: 1_500,
  heartbeatMs: 300,
  pollMs: 300,
  progressIntervalMs: 50,
  backoffBaseMs: 10,
  scheduleMs: 0,
};
const handle = await openDatabase({ driver: 'node-postgres', url });
if (mode === 'pgboss') {
  await PgBossJobRunner.start(handle.db, { connectionString: url, pollingIntervalSeconds: 0.5, ...settings });
} else {
  new JobRunner(handle.db, settings).start();
}
process.stdout.write('ready\n');
