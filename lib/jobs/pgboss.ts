import PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { log } from '@/lib/log';
import { type DispatchedJob, setDispatcher } from './dispatch';
import { getJobDefinition } from './registry';
import { JobRunner, type RunnerOptions } from './runner';

/** The one pg-boss queue: messages only name a job row; the row says what to run. */
export const JOB_QUEUE = 'tailor-jobs';
export interface JobMessage {
  tenantId: string;
  jobId: string;
}

export interface PgBossOptions {
  connectionString: string;
  /** Postgres schema for pg-boss's tables (default `pgboss`). */
  schema?: string;
  /** How often each pg-boss work loop fetches (s, default 2; min 0.5). */
  pollingIntervalSeconds?: number;
}

/** Retries of a message only cover delivery (row not committed yet, worker crash); job retries are ours. */
const MESSAGE_RETRY = { retryLimit: 5, retryDelay: 2, retryBackoff: true } as const;
const MAX_EXPIRE_SECONDS = 23 * 3600; // pg-boss caps expiration at 24 h
const DEFAULT_EXPIRE_SECONDS = 4 * 3600;

async function openBoss(o: PgBossOptions, role: 'sender' | 'worker'): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: o.connectionString,
    schema: o.schema ?? 'pgboss',
    application_name: `tailor-${role}`,
    max: role === 'sender' ? 2 : 4,
    // Only workers do pg-boss's housekeeping (expiring dead messages, archiving); it has no cron jobs of ours.
    supervise: role === 'worker',
    schedule: false,
  });
  boss.on('error', (error) => log('error', 'jobs.pgboss_error', { error }));
  await boss.start();
  await boss.createQueue(JOB_QUEUE, { name: JOB_QUEUE, policy: 'standard', ...MESSAGE_RETRY });
  return boss;
}

function sendFor(boss: PgBoss) {
  return async (job: DispatchedJob) => {
    const timeoutMs = getJobDefinition(job.type)?.timeoutMs;
    // A handler still running when the message expires is not harmed (the row's lease is what
    // counts); expiry only makes pg-boss redeliver the message of a worker that died.
    const expireInSeconds = timeoutMs
      ? Math.min(MAX_EXPIRE_SECONDS, Math.ceil(timeoutMs / 1000) + 60)
      : DEFAULT_EXPIRE_SECONDS;
    const data: JobMessage = { tenantId: job.tenantId, jobId: job.id };
    await boss.send(JOB_QUEUE, data, { ...MESSAGE_RETRY, expireInSeconds, startAfter: job.runAfter });
  };
}

/**
 * For a web server whose jobs run in separate workers: enqueueJob also sends a pg-boss message.
 * Returns a stop function.
 */
export async function startPgBossSender(o: PgBossOptions): Promise<() => Promise<void>> {
  const boss = await openBoss(o, 'sender');
  setDispatcher('pgboss', sendFor(boss));
  return async () => {
    setDispatcher('pgboss', null);
    await boss.stop({ graceful: true, timeout: 5_000 });
  };
}

/**
 * A worker: pg-boss delivers `{ tenantId, jobId }` messages and each is run through the same
 * claim → execute → settle path as the in-process runner. The jobs-table poll stays on as a
 * slow sweep (default every 15 s) so a job whose message was lost, or whose worker died, is
 * still picked up once its lease has lapsed.
 */
export class PgBossJobRunner {
  private constructor(
    readonly runner: JobRunner,
    private readonly boss: PgBoss,
  ) {}

  static async start(db: Db, o: PgBossOptions & RunnerOptions): Promise<PgBossJobRunner> {
    const runner = new JobRunner(db, { pollMs: 15_000, ...o, wakeOnEnqueue: false });
    const boss = await openBoss(o, 'worker');
    setDispatcher('pgboss', sendFor(boss));
    const self = new PgBossJobRunner(runner, boss);
    runner.start();
    const options = { batchSize: 1, pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2 };
    for (let i = 0; i < runner.concurrency; i++) {
      await boss.work<JobMessage>(JOB_QUEUE, options, async ([message]) => {
        if (!message) return;
        const outcome = await runner.runJob({ tenantId: message.data.tenantId, id: message.data.jobId });
        return { outcome: outcome ?? 'skipped' };
      });
    }
    log('info', 'jobs.pgboss_worker_started', { workerId: runner.workerId, concurrency: runner.concurrency });
    return self;
  }

  /** Graceful: stop fetching, release running jobs back to the queue (see JobRunner.stop), close pg-boss. */
  async stop(): Promise<void> {
    await this.boss.offWork(JOB_QUEUE);
    await this.runner.stop();
    setDispatcher('pgboss', null);
    await this.boss.stop({ graceful: true, timeout: 5_000 });
  }
}
