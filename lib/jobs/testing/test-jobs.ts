import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { defineJob } from '../registry';
import { JobAbortError, type JobContext } from '../types';

/**
 * Job types for the jobs tests, shared by the test files and the child worker process they
 * spawn. `test.steps` does `items` units of work; each unit writes one row to
 * job_test_effects and saves the checkpoint in the same transaction, so counting rows shows
 * whether any unit ran twice.
 */
export interface StepsPayload {
  items: number;
  /** On attempt 1, stop after this many items until released (or killed). */
  hangAtItem?: number;
  /** On attempt 1, throw after this many items. */
  failAtItem?: number;
}

export async function createEffectsTable(db: Executor): Promise<void> {
  await db.execute(
    sql`create table if not exists job_test_effects (job_id uuid not null, item int not null, attempt int not null)`,
  );
}

export async function countEffects(db: Executor, jobId: string): Promise<{ rows: number; distinct: number }> {
  const [r] = rowsOf<{ rows: number; distinct: number }>(
    await db.execute(
      sql`select count(*)::int as rows, count(distinct item)::int as distinct from job_test_effects where job_id = ${jobId}`,
    ),
  );
  return r ?? { rows: 0, distinct: 0 };
}

const hung = new Map<string, () => void>();

/** Wakes a `test.steps` handler stopped at `hangAtItem` (in-process tests). */
export function releaseHungJob(jobId: string): boolean {
  const release = hung.get(jobId);
  hung.delete(jobId);
  release?.();
  return Boolean(release);
}

export function isHung(jobId: string): boolean {
  return hung.has(jobId);
}

function hang(jobId: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    hung.set(jobId, resolve);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** How each attempt of test.steps ended in this process (a zombie's fenced write shows up as 'lease-lost'). */
export const stepsOutcomes: { jobId: string; attempt: number; outcome: string }[] = [];

export const stepsJob = defineJob<StepsPayload, { next: number }>({
  type: 'test.steps',
  maxAttempts: 3,
  backoffMs: 10,
  run: async (ctx) => {
    try {
      const result = await runSteps(ctx);
      stepsOutcomes.push({ jobId: ctx.jobId, attempt: ctx.attempt, outcome: 'returned' });
      return result;
    } catch (error) {
      const outcome = error instanceof JobAbortError ? error.reason : 'threw';
      stepsOutcomes.push({ jobId: ctx.jobId, attempt: ctx.attempt, outcome });
      throw error;
    }
  },
});

async function runSteps(ctx: JobContext<StepsPayload, { next: number }>) {
  const { items, hangAtItem, failAtItem } = ctx.payload;
  for (let i = ctx.checkpoint?.next ?? 0; i < items; i++) {
    ctx.throwIfCancelled();
    await ctx.db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into job_test_effects (job_id, item, attempt) values (${ctx.jobId}, ${i}, ${ctx.attempt})`,
      );
      await ctx.saveCheckpoint({ next: i + 1 }, tx);
    });
    ctx.progress(i + 1, items, `Item ${i + 1} of ${items}`);
    if (ctx.attempt === 1 && failAtItem === i + 1) throw new Error('simulated failure');
    if (ctx.attempt === 1 && hangAtItem === i + 1) await hang(ctx.jobId, ctx.signal);
  }
  return { processed: items };
}
