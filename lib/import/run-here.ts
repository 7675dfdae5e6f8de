import os from 'node:os';
import type { Db } from '@/db/client';
import { JobExecution } from '@/lib/jobs/execute';
import { claimJobs } from '@/lib/jobs/lease';
import { getJob } from '@/lib/jobs/queries';
import { DEFAULT_SETTINGS } from '@/lib/jobs/runner';
import type { JobRow } from '@/lib/jobs/types';
import { importFileJob } from './job';

export interface JobProgress {
  done: number;
  total: number | null;
  message: string | null;
}

/**
 * Runs one queued import job to its end in this process (the CLI; embedded mode holds the
 * database, so nothing else would run it), through the real job machinery: lease, heartbeats,
 * checkpoints, retries with backoff. When another worker already holds the job, it just waits
 * for it. Calls `onProgress` about 5 times a second; resolves with the final job row.
 */
export async function runImportJobHere(
  db: Db,
  ref: { tenantId: string; id: string },
  onProgress: (p: JobProgress) => void,
): Promise<JobRow> {
  const settings = {
    ...DEFAULT_SETTINGS,
    workerId: `cli:${os.hostname()}:${process.pid}`,
    progressIntervalMs: 200,
    backoffBaseMs: 1_000,
  };
  const timer = setInterval(() => {
    void getJob(db, ref, ref.id).then((j) => {
      if (j) onProgress({ done: j.progressDone, total: j.progressTotal, message: j.progressMessage });
    });
  }, 200);
  try {
    for (;;) {
      const job = await getJob(db, ref, ref.id);
      if (!job) throw new Error(`job ${ref.id} not found`);
      if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') return job;
      const wait = job.status === 'queued' ? job.runAfter.getTime() - Date.now() : 0;
      if (wait > 0) {
        await new Promise((r) => setTimeout(r, Math.min(wait, 1_000)));
        continue;
      }
      const [claimed] = await claimJobs(db, {
        workerId: settings.workerId,
        leaseMs: settings.leaseMs,
        types: [importFileJob.type],
        limit: 1,
        job: ref,
      });
      if (claimed) await new JobExecution(db, claimed, settings).done;
      else await new Promise((r) => setTimeout(r, 500)); // another worker has it
    }
  } finally {
    clearInterval(timer);
  }
}
