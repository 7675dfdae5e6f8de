import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import { log } from '@/lib/log';
import { setDispatcher } from './dispatch';
import { type ExecutionSettings, JobExecution, type Outcome } from './execute';
import { claimJobs, reapExpiredJobs } from './lease';
import { listJobTypes } from './registry';
import { runDueSchedules } from './schedule';

export interface RunnerOptions extends Partial<ExecutionSettings> {
  /** Jobs run at once by this runner (default 2). */
  concurrency?: number;
  /** How often the jobs table is polled for runnable jobs (ms, default 2000; enqueueing here wakes it at once). */
  pollMs?: number;
  /** How often due schedules are enqueued (ms, default 30 000; 0 disables). */
  scheduleMs?: number;
  /** Whether enqueueing in this process wakes the poll loop at once (default true). */
  wakeOnEnqueue?: boolean;
}

export const DEFAULT_SETTINGS: ExecutionSettings = {
  workerId: '',
  leaseMs: 60_000,
  heartbeatMs: 15_000,
  progressIntervalMs: 1_000,
  graceMs: 10_000,
  backoffBaseMs: 10_000,
  backoffMaxMs: 15 * 60_000,
};

// Every live runner of the process, so a cancel request made here reaches a job running here at once.
const g = globalThis as unknown as { __tailorJobRunners?: Set<JobRunner> };
g.__tailorJobRunners ??= new Set();
const runners = g.__tailorJobRunners;

/** Aborts a job if one of this process's runners is executing it (others notice on their heartbeat). */
export function abortLocalJob(jobId: string): void {
  for (const r of runners) r.abortJob(jobId);
}

/** The types of the jobs this process is executing now, for diagnostics (lib/loop-watch.ts). */
export function localRunningJobTypes(): string[] {
  const types: string[] = [];
  for (const r of runners) types.push(...r.runningTypes());
  return types;
}

/**
 * Executes jobs from the jobs table: a poll loop that reaps dead leases, enqueues due schedules
 * and claims runnable jobs up to its concurrency. The in-process mode is exactly this; the pg-boss
 * worker adds message delivery on top and keeps the loop as a slow safety sweep.
 */
export class JobRunner {
  readonly settings: ExecutionSettings;
  readonly concurrency: number;
  private readonly pollMs: number;
  private readonly scheduleMs: number;
  private readonly executions = new Map<string, JobExecution>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private lastScheduleRun = 0;

  constructor(
    readonly db: Db,
    private readonly options: RunnerOptions = {},
  ) {
    const workerId = options.workerId || `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    const leaseMs = options.leaseMs ?? DEFAULT_SETTINGS.leaseMs;
    this.settings = {
      workerId,
      leaseMs,
      heartbeatMs: options.heartbeatMs ?? Math.max(10, Math.floor(leaseMs / 4)),
      progressIntervalMs: options.progressIntervalMs ?? DEFAULT_SETTINGS.progressIntervalMs,
      graceMs: options.graceMs ?? DEFAULT_SETTINGS.graceMs,
      backoffBaseMs: options.backoffBaseMs ?? DEFAULT_SETTINGS.backoffBaseMs,
      backoffMaxMs: options.backoffMaxMs ?? DEFAULT_SETTINGS.backoffMaxMs,
    };
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.pollMs = Math.max(10, options.pollMs ?? 2_000);
    this.scheduleMs = options.scheduleMs ?? 30_000;
  }

  get workerId(): string {
    return this.settings.workerId;
  }

  get activeCount(): number {
    return this.executions.size;
  }

  runningTypes(): string[] {
    return [...this.executions.values()].map((e) => e.jobType);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    runners.add(this);
    if (this.options.wakeOnEnqueue !== false) setDispatcher(`runner:${this.workerId}`, () => this.wake());
    this.loop = this.pollLoop();
    log('info', 'jobs.runner_started', { workerId: this.workerId, concurrency: this.concurrency });
  }

  /** Polls again now instead of at the next interval. */
  wake(): void {
    this.wakeUp?.();
  }

  private async pollLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.tick();
        failures = 0;
      } catch (error) {
        failures += 1;
        log('error', 'jobs.poll_failed', { workerId: this.workerId, error });
      }
      if (!this.running) break;
      const wait = failures ? Math.min(30_000, this.pollMs * 2 ** failures) : this.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
  }

  /** One poll: settle dead jobs, enqueue due schedules, claim and start runnable jobs. Returns how many started. */
  async tick(): Promise<number> {
    await reapExpiredJobs(this.db);
    if (this.scheduleMs > 0 && Date.now() - this.lastScheduleRun >= this.scheduleMs) {
      this.lastScheduleRun = Date.now();
      await runDueSchedules(this.db);
    }
    const free = this.concurrency - this.executions.size;
    if (free <= 0 || !this.running) return 0;
    const claimed = await claimJobs(this.db, {
      workerId: this.workerId,
      leaseMs: this.settings.leaseMs,
      types: listJobTypes(),
      limit: free,
    });
    for (const row of claimed) this.track(new JobExecution(this.db, row, this.settings));
    return claimed.length;
  }

  /**
   * Claims and runs one named job to the end of this attempt (the pg-boss message path).
   * Returns null when the job is not runnable now (finished, not due, or leased by a live
   * worker); throws when the row is not visible (yet) or this runner is stopping: the message
   * is then retried.
   */
  async runJob(ref: { tenantId: string; id: string }): Promise<Outcome | null> {
    if (!this.running) throw new Error('the runner is stopping'); // the message goes to another worker
    const [row] = await claimJobs(this.db, {
      workerId: this.workerId,
      leaseMs: this.settings.leaseMs,
      types: listJobTypes(),
      limit: 1,
      job: ref,
    });
    if (!row) {
      const [exists] = await this.db
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.tenantId, ref.tenantId), eq(jobs.id, ref.id)))
        .limit(1);
      if (!exists) throw new Error(`job ${ref.id} is not visible (yet)`);
      return null;
    }
    return this.track(new JobExecution(this.db, row, this.settings)).done;
  }

  private track(execution: JobExecution): JobExecution {
    this.executions.set(execution.jobId, execution);
    void execution.done.then(() => {
      if (this.executions.get(execution.jobId) === execution) this.executions.delete(execution.jobId);
      this.wake(); // a slot is free
    });
    return execution;
  }

  abortJob(jobId: string): void {
    this.executions.get(jobId)?.abort('cancelled');
  }

  /**
   * Graceful stop: no new claims; running handlers are aborted with reason 'shutdown' and get
   * `graceMs` to return, then their jobs go back to the queue without using up an attempt.
   */
  async stop(): Promise<void> {
    if (!this.running && this.executions.size === 0) return;
    this.running = false;
    runners.delete(this);
    setDispatcher(`runner:${this.workerId}`, null);
    this.wake();
    await this.loop;
    const pending = [...this.executions.values()];
    for (const e of pending) e.abort('shutdown');
    await Promise.all(pending.map((e) => e.done));
    log('info', 'jobs.runner_stopped', { workerId: this.workerId });
  }

  /**
   * Tests only: vanish like a killed process. Polling and heartbeats stop, nothing is settled
   * or released; the leases lapse and another runner reclaims the jobs.
   */
  crashForTesting(): void {
    this.running = false;
    runners.delete(this);
    setDispatcher(`runner:${this.workerId}`, null);
    this.wake();
    for (const e of this.executions.values()) e.simulateCrash();
    this.executions.clear();
  }
}
