/**
 * The pending-events queue, pure of the DOM: storage, transport and clock are injected so the
 * retry rules can be tested in Node. Events leave the queue only on 202 or a permanent 4xx.
 */
import { BATCH_SIZE, QUEUE_CAP } from './constants';
import type { WireEvent } from './events';

/** Delay before retry number `attempt` (1-based): 1 s, 2 s, 4 s … capped at 30 s. */
export const backoffMs = (attempt: number): number => Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));

/** What to do with a batch after a response status, or `null` for a network error. */
export function outcomeOf(status: number | null): 'sent' | 'retry' | 'drop' {
  if (status === null || status === 429 || status >= 500) return 'retry';
  return status >= 200 && status < 300 ? 'sent' : 'drop';
}

/** Appends, keeping the newest `cap` events (the oldest are dropped when the API stays down). */
export const capQueue = (items: WireEvent[], cap = QUEUE_CAP): WireEvent[] =>
  items.length > cap ? items.slice(items.length - cap) : items;

export interface QueueDeps {
  load(): WireEvent[];
  save(items: WireEvent[]): void;
  /** POSTs a batch; resolves to the HTTP status, or null when the request failed. */
  send(batch: WireEvent[]): Promise<number | null>;
  /** Hands a batch to sendBeacon; true when the browser accepted it. */
  beacon(batch: WireEvent[]): boolean;
  now(): number;
  warn(message: string): void;
}

/** A persistent queue: `push` then `flush` (called every second and at 20 events). */
export function createQueue(d: QueueDeps) {
  let attempt = 0;
  let nextAt = 0;
  let busy = false;
  let warned = false;
  const items = () => d.load();
  const remove = (batch: WireEvent[]) => {
    const ids = new Set(batch.map((e) => e.eventId));
    d.save(d.load().filter((e) => !ids.has(e.eventId)));
  };
  return {
    size: () => items().length,
    push(events: WireEvent[]) {
      d.save(capQueue([...d.load(), ...events]));
    },
    /** Sends one batch unless one is in flight or the backoff has not elapsed. */
    async flush(): Promise<void> {
      const batch = items().slice(0, BATCH_SIZE);
      if (busy || batch.length === 0 || d.now() < nextAt) return;
      busy = true;
      try {
        const outcome = outcomeOf(await d.send(batch));
        if (outcome === 'retry') {
          attempt += 1;
          nextAt = d.now() + backoffMs(attempt);
          return;
        }
        if (outcome === 'drop' && !warned) {
          warned = true;
          d.warn('Tailor: events refused; check the key and allowed origins');
        }
        attempt = 0;
        nextAt = 0;
        remove(batch);
      } finally {
        busy = false;
      }
    },
    /** On page hide: hand everything to sendBeacon; what the browser refuses stays for the next page. */
    beaconAll(): void {
      const all = items();
      for (let i = 0; i < all.length; i += BATCH_SIZE) {
        const batch = all.slice(i, i + BATCH_SIZE);
        if (d.beacon(batch)) remove(batch);
      }
    },
  };
}
