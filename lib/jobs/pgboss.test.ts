// pg-boss and the separate worker process exist only on real Postgres: this file runs when
// TEST_DATABASE_URL is set (CI starts a server). The in-process crash case is in runner.test.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { getEnv } from '@/lib/env';
import { useTestDatabase } from '@/lib/testing/db';
import { createTestTenant } from '@/lib/testing/fixtures';
import { enqueueJob } from './enqueue';
import { PgBossJobRunner, startPgBossSender } from './pgboss';
import { countEffects, createEffectsTable, stepsJob } from './testing/test-jobs';
import { readJob, waitFor, waitForStatus } from './testing/wait';

const hasPostgres = Boolean(getEnv().TEST_DATABASE_URL);
const CHILD = path.resolve(import.meta.dirname, 'testing/worker-child.ts');

describe.skipIf(!hasPostgres)('pg-boss worker (postgres)', () => {
  const h = useTestDatabase('postgres');
  const children = new Set<ChildProcess>();
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  async function databaseUrl(): Promise<string> {
    const [row] = rowsOf<{ name: string }>(await h().db.execute(sql`select current_database() as name`));
    const url = new URL(getEnv().TEST_DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    return url.toString();
  }

  /** A real worker process (see testing/worker-child.ts); resolves once it is running. */
  async function spawnWorker(url: string, mode: 'pgboss' | 'inprocess'): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, mode], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    children.add(child);
    let output = '';
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      });
      child.once('exit', (code) =>
        reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)),
      );
    });
    return child;
  }

  async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    children.delete(child);
  }

  it('runs jobs delivered as pg-boss messages, retries included', async () => {
    const db = h().db;
    const { ctx } = await createTestTenant(db);
    await createEffectsTable(db);
    // The sweep is slowed to ten minutes, so only pg-boss delivery can run these jobs here.
    const worker = await PgBossJobRunner.start(db, {
      connectionString: await databaseUrl(),
      pollMs: 600_000,
      pollingIntervalSeconds: 0.5,
      backoffBaseMs: 10,
      scheduleMs: 0,
    });
    try {
      const plain = await enqueueJob(db, ctx, stepsJob, { items: 3 });
      const flaky = await enqueueJob(db, ctx, stepsJob, { items: 3, failAtItem: 1 });
      expect(await waitForStatus(db, ctx.tenantId, plain.job.id, 'succeeded')).toMatchObject({ attempts: 1 });
      expect(await waitForStatus(db, ctx.tenantId, flaky.job.id, 'succeeded')).toMatchObject({ attempts: 2 });
      expect(await countEffects(db, flaky.job.id)).toEqual({ rows: 3, distinct: 3 });
    } finally {
      await worker.stop();
    }
  });

  it.each(['pgboss', 'inprocess'] as const)(
    'a worker process (%s runner) killed mid-job: the job completes exactly once after a restart',
    async (mode) => {
      const db = h().db;
      const url = await databaseUrl();
      const { ctx } = await createTestTenant(db);
      await createEffectsTable(db);
      const stopSender = await startPgBossSender({ connectionString: url }); // enqueue also sends the message
      try {
        const { job } = await enqueueJob(db, ctx, stepsJob, { items: 5, hangAtItem: 2 });

        const first = await spawnWorker(url, mode);
        await waitFor(async () => {
          const row = await readJob(db, ctx.tenantId, job.id);
          return row.checkpoint?.next === 2 ? row : undefined;
        }, 'the first worker to finish item 2');
        await kill(first, 'SIGKILL'); // no cleanup of any kind: the lease and the pg-boss message are left behind
        const orphan = await readJob(db, ctx.tenantId, job.id);
        expect(orphan).toMatchObject({ status: 'running', attempts: 1, checkpoint: { next: 2 } });

        const second = await spawnWorker(url, mode);
        const done = await waitForStatus(db, ctx.tenantId, job.id, 'succeeded', 'failed');
        await kill(second, 'SIGTERM');

        expect(done).toMatchObject({
          status: 'succeeded',
          attempts: 2,
          result: { processed: 5 },
          progressDone: 5,
        });
        expect(done.lockedBy).not.toBe(orphan.lockedBy);
        expect(await countEffects(db, job.id)).toEqual({ rows: 5, distinct: 5 });
        const byAttempt = rowsOf<{ attempt: number; n: number }>(
          await db.execute(
            sql`select attempt, count(*)::int as n from job_test_effects where job_id = ${job.id} group by attempt order by attempt`,
          ),
        );
        expect(byAttempt).toEqual([
          { attempt: 1, n: 2 },
          { attempt: 2, n: 3 },
        ]);
      } finally {
        await stopSender();
      }
    },
  );
});
