import os from 'node:os';
import type { Db } from '@/db/client';
import { JobExecution } from './execute';
import { claimJobs } from './lease';
import { getJob } from './queries';
import { DEFAULT_SETTINGS } from './runner';
import type { JobRow } from './types';

export interface JobProgress {
  done: number;
  total: number | null;
  message: string | null;
}

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Runs one queued job of `type` to its end in this process (the CLI: in embedded mode it holds the
 * database, so no worker would), through the real job machinery: lease, heartbeats, checkpoints,
 * retries with backoff. When another worker already holds the job, it waits for that one.
 * Calls `onProgress` about 5 times a second; resolves with the final job row.
 */
export async function runJobHere(
  db: Db,
  type: string,
  ref: { tenantId: string; id: string },
  onProgress: (p: JobProgress) => void,
): Promise<JobRow> {
  const settings = {
    ...DEFAULT_SETTINGS,
    workerId: `cli:${os.hostname()}:${process.pid}`,
    progressIntervalMs: 200,
    // Jobs back off tens of seconds between attempts; at a terminal one second is enough.
    backoffBaseMs: 1_000,
  };
  let finished = false;
  const timer = setInterval(() => {
    void getJob(db, ref, ref.id).then((j) => {
      // A read that was in flight when the job ended must not redraw a bar the caller closed.
      if (j && !finished)
        onProgress({ done: j.progressDone, total: j.progressTotal, message: j.progressMessage });
    });
  }, 200);
  try {
    for (;;) {
      const job = await getJob(db, ref, ref.id);
      if (!job) throw new Error(`job ${ref.id} not found`);
      if (FINISHED.has(job.status)) return job;
      const wait = job.status === 'queued' ? job.runAfter.getTime() - Date.now() : 0;
      if (wait > 0) {
        await new Promise((r) => setTimeout(r, Math.min(wait, 1_000)));
        continue;
      }
      const [claimed] = await claimJobs(db, {
        workerId: settings.workerId,
        leaseMs: settings.leaseMs,
        types: [type],
        limit: 1,
        job: ref,
      });
      if (claimed) await new JobExecution(db, claimed, settings).done;
      else await new Promise((r) => setTimeout(r, 500)); // another worker has it
    }
  } finally {
    finished = true;
    clearInterval(timer);
  }
}
