import { getDb } from '@/db/client';
import { getEnv } from '@/lib/env';
import { log } from '@/lib/log';
import './all';
import { JobRunner, type RunnerOptions } from './runner';

export type RunnerMode = 'inprocess' | 'enqueue-only' | 'worker';

interface Started {
  mode: RunnerMode;
  stop: () => Promise<void>;
}

// One per process (see db/client.ts for why state lives on globalThis).
const g = globalThis as unknown as { __tailorJobRunner?: Promise<Started> };

function postgresUrl(): string | undefined {
  const env = getEnv();
  return env.DATABASE_URL ?? env.POSTGRES_URL;
}

/**
 * Starts background work for the web server, as configured:
 * - embedded PGlite → jobs run in this process (the database can be open in one process only);
 * - Postgres with TAILOR_WORKER=inprocess (default) → also in this process, polling the jobs table
 *   (several server instances share the work safely);
 * - Postgres with TAILOR_WORKER=separate → this process only enqueues (and sends pg-boss
 *   messages); `npm run worker` processes run the jobs.
 * Idempotent. Resolves with the mode once running; rejects if pg-boss cannot start.
 */
export function startJobRunner(options: RunnerOptions = {}): Promise<RunnerMode> {
  g.__tailorJobRunner ??= (async (): Promise<Started> => {
    const env = getEnv();
    const url = postgresUrl();
    if (env.databaseDriver !== 'pglite' && env.TAILOR_WORKER === 'separate' && url) {
      const { startPgBossSender } = await import('./pgboss'); // pg-boss loads only where it is used
      const stop = await startPgBossSender({ connectionString: url });
      log('info', 'jobs.enqueue_only', { note: 'jobs run in `npm run worker` processes' });
      return { mode: 'enqueue-only', stop };
    }
    const runner = new JobRunner(await getDb(), options);
    runner.start();
    return { mode: 'inprocess', stop: () => runner.stop() };
  })().catch((error: unknown) => {
    g.__tailorJobRunner = undefined;
    throw error;
  });
  return g.__tailorJobRunner.then((s) => s.mode);
}

/**
 * The separate worker process (`npm run worker`): pg-boss delivery plus the jobs-table sweep.
 * Throws on the embedded database, where jobs run inside the server instead.
 */
export function startJobWorker(options: RunnerOptions = {}): Promise<RunnerMode> {
  g.__tailorJobRunner ??= (async (): Promise<Started> => {
    const url = postgresUrl();
    if (getEnv().databaseDriver === 'pglite' || !url) {
      throw new Error('The job worker needs Postgres (DATABASE_URL or POSTGRES_URL).');
    }
    const { PgBossJobRunner } = await import('./pgboss');
    const worker = await PgBossJobRunner.start(await getDb(), { connectionString: url, ...options });
    return { mode: 'worker', stop: () => worker.stop() };
  })().catch((error: unknown) => {
    g.__tailorJobRunner = undefined;
    throw error;
  });
  return g.__tailorJobRunner.then((s) => s.mode);
}

/**
 * Graceful shutdown: stops claiming, aborts running handlers (reason 'shutdown'), waits for
 * them up to their grace period and puts their jobs back in the queue. Call before closeDb().
 */
export async function stopJobRunner(): Promise<void> {
  const started = g.__tailorJobRunner;
  g.__tailorJobRunner = undefined;
  if (!started) return;
  try {
    await (await started).stop();
  } catch (error) {
    log('error', 'jobs.stop_failed', { error });
  }
}
