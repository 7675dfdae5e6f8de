/**
 * The separate job worker (`npm run worker`): on Postgres, runs background jobs delivered by
 * pg-boss, next to any number of other workers. In embedded mode (PGlite) the server runs the
 * jobs itself, and this process refuses to start.
 */
import { closeDb, getDbHandle } from '@/db/client';
import { getEnv } from '@/lib/env';
import { startJobWorker, stopJobRunner } from '@/lib/jobs/start';
import { listJobTypes } from '@/lib/jobs/registry';
import { log } from '@/lib/log';
import { watchEventLoop } from '@/lib/loop-watch';

async function main(): Promise<void> {
  const env = getEnv();
  if (env.databaseDriver === 'pglite') {
    console.error(
      [
        '',
        '  The job worker is for Postgres deployments (DATABASE_URL or POSTGRES_URL).',
        '  With the embedded database, `npm start` runs the background jobs inside the server:',
        '  the embedded database can be open in one process only, so there is nothing to start here.',
        '',
      ].join('\n'),
    );
    process.exit(1);
  }
  await getDbHandle(); // connects and applies pending migrations (serialized across processes)
  await startJobWorker();
  watchEventLoop(); // a stall here delays lease heartbeats: worth a warning
  console.log(`\n  Tailor worker ${process.pid} is running jobs: ${listJobTypes().join(', ')}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      // A second signal: the operator insists. Leases lapse and other workers reclaim the jobs.
      log('warn', 'worker.forced_exit', { signal });
      process.exit(1);
    }
    stopping = true;
    log('info', 'worker.shutdown', { signal });
    await stopJobRunner(); // running jobs go back to the queue without using up an attempt
    await closeDb().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(async (error: unknown) => {
  console.error(
    `\n  The worker could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  log('error', 'worker.start_failed', { error });
  await stopJobRunner();
  await closeDb().catch(() => undefined);
  process.exit(1);
});
