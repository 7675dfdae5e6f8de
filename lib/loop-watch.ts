/**
 * Event-loop stall watch for the long-running processes (server and worker). In the embedded setup
 * background jobs share the web server's thread: synchronous work there holds every page, API call
 * and storefront request. A timer that fires late by more than `thresholdMs` logs a warning with
 * the jobs running at the time, so an operator (and a failing e2e run's server log) can tell which
 * job still computes on the main thread.
 */
import { localRunningJobTypes } from '@/lib/jobs/runner';
import { log } from '@/lib/log';

export interface LoopWatchOptions {
  /** Lateness that counts as a stall, ms (default 1,000). */
  thresholdMs?: number;
  /** How often the timer is armed, ms (default 250). */
  intervalMs?: number;
  /** Where a stall goes (default: the structured log). */
  onStall?: (stall: { ms: number; jobs: string[] }) => void;
}

/** Starts the watch; returns its stop function. The timer does not keep the process alive. */
export function watchEventLoop(opts: LoopWatchOptions = {}): () => void {
  const threshold = opts.thresholdMs ?? 1_000;
  const interval = opts.intervalMs ?? 250;
  const report =
    opts.onStall ?? ((stall) => log('warn', 'server.event_loop_stalled', { ms: stall.ms, jobs: stall.jobs }));
  let expected = performance.now() + interval;
  const timer = setInterval(() => {
    const now = performance.now();
    const late = Math.round(now - expected);
    expected = now + interval;
    if (late >= threshold) report({ ms: late, jobs: localRunningJobTypes() });
  }, interval);
  timer.unref();
  return () => clearInterval(timer);
}
