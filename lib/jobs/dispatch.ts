import { log } from '@/lib/log';
import type { JobRow } from './types';

/** What a runner needs to hear about a job that became runnable (new, retried, released). */
export type DispatchedJob = Pick<JobRow, 'tenantId' | 'id' | 'type' | 'runAfter'>;
export type Dispatcher = (job: DispatchedJob) => Promise<void> | void;

// Process-wide, like the registry: the in-process runner installs a "wake up" dispatcher, the
// pg-boss runner (and the web server in separate mode) one that sends a pg-boss message.
const g = globalThis as unknown as { __tailorJobDispatchers?: Map<string, Dispatcher> };
g.__tailorJobDispatchers ??= new Map();
const dispatchers = g.__tailorJobDispatchers;

export function setDispatcher(name: string, dispatcher: Dispatcher | null): void {
  if (dispatcher) dispatchers.set(name, dispatcher);
  else dispatchers.delete(name);
}

/**
 * Tells the installed runners about a runnable job. Never throws: the jobs row is the source
 * of truth, and a runner's periodic sweep picks up anything whose notification was lost.
 */
export async function dispatchJob(job: DispatchedJob): Promise<void> {
  for (const [name, dispatch] of dispatchers) {
    try {
      await dispatch(job);
    } catch (error) {
      log('warn', 'jobs.dispatch_failed', { dispatcher: name, tenantId: job.tenantId, jobId: job.id, error });
    }
  }
}
