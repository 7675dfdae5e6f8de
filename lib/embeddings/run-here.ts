import type { Db } from '@/db/client';
import { type JobProgress, runJobHere } from '@/lib/jobs/run-here';
import type { JobRow } from '@/lib/jobs/types';
import { embedProductsJob } from './job';

export type EmbedJobProgress = JobProgress;

/** Runs a queued embed job to its end in this process (`tailor embed`); see runJobHere. */
export function runEmbedJobHere(
  db: Db,
  ref: { tenantId: string; id: string },
  onProgress: (p: JobProgress) => void,
): Promise<JobRow> {
  return runJobHere(db, embedProductsJob.type, ref, onProgress);
}
