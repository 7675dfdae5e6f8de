import type { Executor } from '@/db/client';
import { log } from '@/lib/log';
import { type CounterDelta, type CounterKey, addDailyCounters } from './queries';

interface Pending {
  exec: Executor;
  key: CounterKey;
  delta: CounterDelta;
}

const keyOf = (k: CounterKey) => `${k.tenantId}|${k.day}|${k.source}`;

function merge(into: CounterDelta, d: CounterDelta): void {
  into.accepted += d.accepted;
  into.duplicates += d.duplicates;
  into.rejected += d.rejected;
  into.bots += d.bots;
  for (const [reason, n] of Object.entries(d.reasons)) into.reasons[reason] = (into.reasons[reason] ?? 0) + n;
}

/**
 * Daily counters added up in memory and written every `flushMs` (one upsert per tenant, day and
 * source), for the long-lived server's fast path: at 250 batches a second, one `ingest_daily` row
 * updated by every batch becomes the bottleneck (every insert waits for that row's lock).
 * The price: a crash loses up to `flushMs` of counts (never events), and the process must
 * `flush()` before it exits. Serverless deployments keep the exact per-batch upsert instead.
 */
export class CounterBuffer {
  private readonly pending = new Map<string, Pending>();
  private readonly flushMs: number;
  private readonly write: (exec: Executor, key: CounterKey, delta: CounterDelta) => Promise<void>;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(opts: { flushMs?: number; write?: typeof addDailyCounters } = {}) {
    this.flushMs = opts.flushMs ?? 250;
    this.write = opts.write ?? addDailyCounters;
  }

  /** Adds a batch's counts; they reach the database within `flushMs`. */
  add(exec: Executor, key: CounterKey, delta: CounterDelta): void {
    const id = keyOf(key);
    const p = this.pending.get(id);
    if (p) merge(p.delta, delta);
    else this.pending.set(id, { exec, key, delta: { ...delta, reasons: { ...delta.reasons } } });
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.flushMs);
      this.timer.unref();
    }
  }

  /** Writes everything pending now. Failed writes are kept for the next flush (and logged). */
  async flush(): Promise<void> {
    await this.flushing;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.flushing = (async () => {
      for (const p of batch) {
        try {
          await this.write(p.exec, p.key, p.delta);
        } catch (error) {
          log('error', 'events.counters_flush_failed', { tenantId: p.key.tenantId, error });
          this.add(p.exec, p.key, p.delta);
        }
      }
    })();
    await this.flushing;
    this.flushing = undefined;
  }

  /** Counter rows waiting to be written. */
  get size(): number {
    return this.pending.size;
  }
}

const g = globalThis as unknown as { __tailorEventCounters?: CounterBuffer };
g.__tailorEventCounters ??= new CounterBuffer();
/** The process-wide buffer the fast path uses. */
export const eventCounterBuffer: CounterBuffer = g.__tailorEventCounters;

/** Writes the fast path's pending counters: call before the process closes the database. */
export function flushEventCounters(): Promise<void> {
  return eventCounterBuffer.flush();
}
