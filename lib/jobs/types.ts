import type { z } from 'zod';
import type { Db, Executor } from '@/db/client';
import type { jobs } from '@/db/schema';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
/** States a job can still leave; a dedupe key is held only while a job is in one of these. */
export const ACTIVE_STATUSES: readonly JobStatus[] = ['queued', 'running'];

export type JobRow = typeof jobs.$inferSelect;
export type JsonObject = Record<string, unknown>;
/** What a handler returns: stored as the job's result. `void` so that `async () => {}` handlers type-check. */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing is Promise<void>
export type JobResult = JsonObject | undefined | void;

/** What a handler sees while it runs. One object per attempt. */
export interface JobContext<P = JsonObject, C extends JsonObject = JsonObject> {
  readonly jobId: string;
  readonly tenantId: string;
  readonly type: string;
  readonly payload: P;
  /** 1-based: the first run is attempt 1; a retry or a reclaim after a crash increments it. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** The process database (not a transaction). */
  readonly db: Db;
  /** Aborted when cancellation is requested, the timeout passes, the lease is lost or the runner stops. */
  readonly signal: AbortSignal;
  /** The last checkpoint saved by this job (any earlier attempt included), or null. */
  readonly checkpoint: C | null;
  /**
   * Reports progress. Cheap to call in a tight loop: writes are throttled (about once a
   * second) and the latest values always reach the row when the attempt ends.
   */
  progress(done: number, total?: number | null, message?: string | null): void;
  /**
   * Persists a checkpoint (and renews the lease). Pass the transaction that holds the work the
   * checkpoint covers, so both commit or neither does: that makes a resumed job exactly-once.
   * (Inside a transaction, always pass it: on the embedded database a write outside the open
   * transaction waits for that transaction to end.)
   * Throws a JobAbortError('lease-lost') when another worker has taken the job over.
   */
  saveCheckpoint(value: C, tx?: Executor): Promise<void>;
  /** Throws the abort reason (a JobAbortError) when the job should stop. */
  throwIfCancelled(): void;
}

export interface JobDefinition<P = JsonObject, C extends JsonObject = JsonObject> {
  readonly type: string;
  /** Attempts before the job is marked failed (default 3). Crashed attempts count. */
  readonly maxAttempts: number;
  /** Wall-clock budget for one attempt in ms; the signal aborts when it passes. */
  readonly timeoutMs?: number;
  /** Base delay of the exponential retry backoff in ms (runner default when unset). */
  readonly backoffMs?: number;
  /** Validates the payload at enqueue time and again before running. */
  readonly schema?: z.ZodType<P>;
  readonly run: (ctx: JobContext<P, C>) => Promise<JobResult>;
}

export type AnyJobDefinition = JobDefinition<never, never>;

/** Why an attempt was stopped from outside the handler. */
export type AbortReason = 'cancelled' | 'timeout' | 'shutdown' | 'lease-lost';

/** The `signal.reason` of an aborted job, and what `throwIfCancelled()` throws. */
export class JobAbortError extends Error {
  constructor(readonly reason: AbortReason) {
    super(`Job stopped: ${reason}`);
    this.name = 'JobAbortError';
  }
}

/**
 * An error whose message is safe to show in the Jobs page (no internals, no secrets).
 * `retryable: false` fails the job at once, without the remaining attempts.
 */
export class JobError extends Error {
  readonly retryable: boolean;
  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'JobError';
    this.retryable = options.retryable ?? true;
  }
}
