import type { Db, Executor } from '@/db/client';
import { AppError } from '@/lib/errors';
import { log } from '@/lib/log';
import { dispatchJob } from './dispatch';
import {
  type Lease,
  type ProgressValues,
  markCancelled,
  markFailed,
  markForRetry,
  markSucceeded,
  releaseLease,
  renewLease,
} from './lease';
import { getJobDefinition } from './registry';
import {
  type AbortReason,
  JobAbortError,
  type JobContext,
  JobError,
  type JobRow,
  type JsonObject,
} from './types';

export interface ExecutionSettings {
  workerId: string;
  /** How long a claim stays valid without a heartbeat (ms). */
  leaseMs: number;
  /** Heartbeat period (ms); well under leaseMs. */
  heartbeatMs: number;
  /** Minimum time between two progress writes (ms). */
  progressIntervalMs: number;
  /** After an abort, how long to wait for the handler to return before settling anyway (ms). */
  graceMs: number;
  /** Exponential backoff: base * 2^(attempt-1), capped (ms). */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

type Settlement =
  | { kind: 'success'; value: unknown }
  | { kind: 'error'; error: unknown }
  | { kind: 'cancelled' }
  | { kind: 'release' }
  | { kind: 'lost' };

export type Outcome = 'succeeded' | 'retrying' | 'failed' | 'cancelled' | 'released' | 'lost';

const GENERIC_FAILURE = 'The job failed because of an unexpected error. The details are in the server log.';
const MAX_ERROR_LENGTH = 500;

// Next's bundles and the custom server are separate module graphs in one process: a handler
// loaded by one throws a JobError/AppError class the runner's `instanceof` does not know. The
// classes set their `name`, so recognise them by it too (the shape is what the runner reads).
const isJobError = (e: unknown): e is JobError =>
  e instanceof JobError ||
  (e instanceof Error && e.name === 'JobError' && typeof (e as JobError).retryable === 'boolean');
const isAppError = (e: unknown): e is AppError =>
  e instanceof AppError ||
  (e instanceof Error && e.name === 'AppError' && typeof (e as AppError).code === 'string');

/** The message stored for the UI: our own safe messages only, never raw exception text or stacks. */
export function publicErrorMessage(error: unknown): string {
  if (isJobError(error) || isAppError(error)) {
    const firstLine = error.message.split('\n')[0] ?? '';
    return firstLine.length > MAX_ERROR_LENGTH ? `${firstLine.slice(0, MAX_ERROR_LENGTH - 1)}…` : firstLine;
  }
  return GENERIC_FAILURE;
}

/** Deterministic input problems are not worth another attempt; everything else may be transient. */
function isRetryable(error: unknown): boolean {
  if (isJobError(error)) return error.retryable;
  if (isAppError(error)) return error.code === 'rate_limited' || error.code === 'internal';
  return true;
}

/** Backoff before attempt `attempt + 1`, with up to 10% jitter so retries of a batch spread out. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (1 + Math.random() * 0.1));
}

/**
 * One attempt of one claimed job: builds the handler's context, heartbeats the lease, throttles
 * progress writes, enforces the timeout, and settles the row (fenced on the lease). `done`
 * never rejects.
 */
export class JobExecution {
  readonly lease: Lease;
  readonly done: Promise<Outcome>;
  private readonly controller = new AbortController();
  private progress: ProgressValues;
  private progressDirty = false;
  private lastProgressWrite = 0;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  private writes: Promise<unknown> = Promise.resolve();
  private checkpoint: JsonObject | null;
  private lost = false;
  private frozen = false;
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  private timeoutTimer: ReturnType<typeof setTimeout> | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: Db,
    private readonly row: JobRow,
    private readonly settings: ExecutionSettings,
  ) {
    this.lease = {
      tenantId: row.tenantId,
      id: row.id,
      workerId: settings.workerId,
      attempt: row.attempts,
      leaseMs: settings.leaseMs,
    };
    this.progress = {
      progressDone: row.progressDone,
      progressTotal: row.progressTotal,
      progressMessage: row.progressMessage,
    };
    this.checkpoint = row.checkpoint ?? null;
    this.done = this.execute().catch((error: unknown) => {
      log('error', 'jobs.execution_crashed', { tenantId: row.tenantId, jobId: row.id, error });
      return 'lost' as const;
    });
  }

  get jobId(): string {
    return this.row.id;
  }

  get jobType(): string {
    return this.row.type;
  }

  /** Stops the attempt from outside: the handler's signal aborts with this reason. */
  abort(reason: AbortReason): void {
    if (!this.controller.signal.aborted) this.controller.abort(new JobAbortError(reason));
  }

  /**
   * Tests only: freeze like a process that died or hung. Heartbeats and progress writes stop,
   * the lease lapses, and nothing is settled; a handler that later wakes up is fenced out.
   */
  simulateCrash(): void {
    this.frozen = true;
    this.clearTimers();
  }

  private get abortReason(): AbortReason | null {
    const r: unknown = this.controller.signal.reason;
    return this.controller.signal.aborted && r instanceof JobAbortError ? r.reason : null;
  }

  private async execute(): Promise<Outcome> {
    const { row, settings } = this;
    const definition = getJobDefinition(row.type);
    if (!definition) return this.settle({ kind: 'release' });
    let payload: unknown = row.payload;
    if (definition.schema) {
      const parsed = definition.schema.safeParse(row.payload);
      if (!parsed.success)
        return this.settle({
          kind: 'error',
          error: new JobError('The job payload is invalid.', { retryable: false }),
        });
      payload = parsed.data;
    }

    this.heartbeatTimer = setInterval(() => this.write(() => this.heartbeat()), settings.heartbeatMs);
    if (definition.timeoutMs)
      this.timeoutTimer = setTimeout(() => this.abort('timeout'), definition.timeoutMs);
    const signal = this.controller.signal;
    const readCheckpoint = () => this.checkpoint;
    const ctx: JobContext<unknown, JsonObject> = {
      jobId: row.id,
      tenantId: row.tenantId,
      type: row.type,
      payload,
      attempt: row.attempts,
      maxAttempts: row.maxAttempts,
      db: this.db,
      signal,
      get checkpoint() {
        return readCheckpoint();
      },
      progress: (done, total, message) => this.reportProgress(done, total, message),
      saveCheckpoint: (value, tx) => this.saveCheckpoint(value, tx),
      throwIfCancelled: () => signal.throwIfAborted(),
    };

    type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };
    const handler: Promise<Settled> = Promise.resolve()
      .then(() => definition.run(ctx))
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    // Once aborted, the handler gets `graceMs` to return; a handler that ignores its signal
    // is left behind (its later writes are fenced out) and the attempt is settled anyway.
    const aborted = new Promise<null>((resolve) => {
      const onAbort = () => {
        this.graceTimer = setTimeout(() => resolve(null), settings.graceMs);
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    const settled = await Promise.race([handler, aborted]);
    if (this.frozen) return 'lost';
    this.clearTimers();
    await this.writes;

    const reason = this.abortReason;
    if (reason === 'lease-lost' || this.lost) return this.settle({ kind: 'lost' });
    if (settled?.ok) return this.settle({ kind: 'success', value: settled.value });
    if (reason === 'cancelled') return this.settle({ kind: 'cancelled' });
    if (reason === 'shutdown') return this.settle({ kind: 'release' });
    if (reason === 'timeout') {
      const ms = definition.timeoutMs ?? 0;
      const limit = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
      return this.settle({
        kind: 'error',
        error: new JobError(`The job took longer than its ${limit} limit.`),
      });
    }
    return this.settle({
      kind: 'error',
      error: settled ? settled.error : new Error('handler did not settle'),
    });
  }

  private async settle(s: Settlement): Promise<Outcome> {
    const { db, lease, row, settings } = this;
    const fields = { tenantId: row.tenantId, jobId: row.id, type: row.type, attempt: row.attempts };
    if (s.kind === 'lost') {
      log('warn', 'jobs.lease_lost', fields);
      return 'lost';
    }
    const p = this.progress;
    let ok: boolean;
    let outcome: Outcome;
    if (s.kind === 'success') {
      ok = await markSucceeded(db, lease, toResult(s.value), p);
      outcome = 'succeeded';
    } else if (s.kind === 'cancelled') {
      ok = await markCancelled(db, lease, p);
      outcome = 'cancelled';
    } else if (s.kind === 'release') {
      const released = await releaseLease(db, lease, p);
      ok = released !== null;
      outcome = released?.status === 'cancelled' ? 'cancelled' : 'released';
      if (released?.status === 'queued') await dispatchJob(released);
    } else {
      const message = publicErrorMessage(s.error);
      const level = isJobError(s.error) || isAppError(s.error) ? 'warn' : 'error';
      log(level, 'jobs.attempt_failed', { ...fields, error: s.error });
      if (isRetryable(s.error) && row.attempts < row.maxAttempts) {
        const definition = getJobDefinition(row.type);
        const delay = backoffDelay(
          row.attempts,
          definition?.backoffMs ?? settings.backoffBaseMs,
          settings.backoffMaxMs,
        );
        const runAfter = await markForRetry(db, lease, message, delay, p);
        ok = runAfter !== null;
        if (runAfter) await dispatchJob({ tenantId: row.tenantId, id: row.id, type: row.type, runAfter });
        outcome = 'retrying';
      } else {
        ok = await markFailed(db, lease, message, p);
        outcome = 'failed';
      }
    }
    if (!ok) {
      log('warn', 'jobs.lease_lost', fields);
      return 'lost';
    }
    log(outcome === 'failed' ? 'warn' : 'info', `jobs.${outcome}`, fields);
    return outcome;
  }

  private clearTimers(): void {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.timeoutTimer);
    clearTimeout(this.progressTimer);
    clearTimeout(this.graceTimer);
  }

  /** Serializes this execution's writes so progress never goes backwards on the row. */
  private write(fn: () => Promise<void>): void {
    if (this.frozen) return;
    this.writes = this.writes.then(fn).catch((error: unknown) => {
      // A transient database error: the lease may lapse, and the fence then tells us.
      log('warn', 'jobs.heartbeat_failed', { tenantId: this.row.tenantId, jobId: this.row.id, error });
    });
  }

  private async heartbeat(): Promise<void> {
    if (this.lost) return;
    const progress = this.takeProgress();
    const r = await renewLease(this.db, this.lease, progress ?? {});
    this.observe(r);
  }

  private observe(r: { cancelRequested: boolean } | null): void {
    if (!r) {
      this.lost = true;
      this.abort('lease-lost');
    } else if (r.cancelRequested) {
      this.abort('cancelled');
    }
  }

  private takeProgress(): ProgressValues | null {
    if (!this.progressDirty) return null;
    this.progressDirty = false;
    this.lastProgressWrite = Date.now();
    return { ...this.progress };
  }

  private reportProgress(done: number, total?: number | null, message?: string | null): void {
    const clean = (n: number) =>
      Number.isFinite(n) ? Math.max(0, Math.min(2_147_483_647, Math.round(n))) : 0;
    this.progress = {
      progressDone: clean(done),
      progressTotal: total === undefined ? this.progress.progressTotal : total === null ? null : clean(total),
      progressMessage:
        message === undefined
          ? this.progress.progressMessage
          : message === null
            ? null
            : message.slice(0, 200),
    };
    this.progressDirty = true;
    if (this.progressTimer || this.lost || this.frozen) return;
    const wait = Math.max(0, this.lastProgressWrite + this.settings.progressIntervalMs - Date.now());
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      this.write(() => this.heartbeat());
    }, wait);
  }

  private async saveCheckpoint(value: JsonObject, tx?: Executor): Promise<void> {
    if (this.lost) throw new JobAbortError('lease-lost');
    const r = await renewLease(tx ?? this.db, this.lease, { checkpoint: value });
    this.observe(r);
    if (!r) throw new JobAbortError('lease-lost');
    this.checkpoint = value;
  }
}

function toResult(value: unknown): JsonObject | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  return { value };
}
