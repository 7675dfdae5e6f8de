import type { Db } from '@/db/client';
import { type JobProgress, runJobHere } from '@/lib/jobs/run-here';
import type { JobRow } from '@/lib/jobs/types';
import { importFileJob } from './job';

export type { JobProgress };

/** Runs a queued import job to its end in this process (the CLI and benchmarks); see runJobHere. */
export function runImportJobHere(
  db: Db,
  ref: { tenantId: string; id: string },
  onProgress: (p: JobProgress) => void,
): Promise<JobRow> {
  return runJobHere(db, importFileJob.type, ref, onProgress);
}
