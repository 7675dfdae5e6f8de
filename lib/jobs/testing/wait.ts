import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { jobs } from '@/db/schema';
import type { JobRow } from '../types';

/**
 * Polls until `check` returns a value other than undefined/false. The deadline only bounds a
 * broken test; no test asserts how long anything took.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  deadlineMs = 30_000,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function readJob(db: Executor, tenantId: string, id: string): Promise<JobRow> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.tenantId, tenantId), eq(jobs.id, id)));
  if (!row) throw new Error(`job ${id} not found`);
  return row;
}

/** Waits until the job reaches one of `statuses` and returns the row. */
export async function waitForStatus(
  db: Executor,
  tenantId: string,
  id: string,
  ...statuses: string[]
): Promise<JobRow> {
  return waitFor(
    async () => {
      const row = await readJob(db, tenantId, id);
      return statuses.includes(row.status) ? row : undefined;
    },
    `job ${id} to be ${statuses.join('|')}`,
  );
}
