import { describe, expect, it, vi } from 'vitest';
import type { Executor } from '@/db/client';
import { CounterBuffer } from './counters';
import type { CounterDelta, CounterKey } from './queries';

const exec = {} as Executor;
const key = (source: 'api' | 'snippet' = 'api'): CounterKey => ({
  tenantId: 't1',
  day: '2026-03-31',
  source,
});
const delta = (accepted: number, reasons: Record<string, number> = {}): CounterDelta => ({
  accepted,
  duplicates: 1,
  rejected: Object.values(reasons).reduce((a, b) => a + b, 0),
  bots: 0,
  reasons,
});

describe('CounterBuffer', () => {
  it('adds batches up per tenant, day and source and writes one upsert per row on flush', async () => {
    const writes: [CounterKey, CounterDelta][] = [];
    const b = new CounterBuffer({ flushMs: 60_000, write: async (_e, k, d) => void writes.push([k, d]) });
    b.add(exec, key(), delta(3, { unknown_product: 1 }));
    b.add(exec, key(), delta(2, { unknown_product: 2, invalid_type: 1 }));
    b.add(exec, key('snippet'), delta(5));
    expect(b.size).toBe(2);
    await b.flush();
    expect(b.size).toBe(0);
    expect(writes).toEqual([
      [
        key(),
        {
          accepted: 5,
          duplicates: 2,
          rejected: 4,
          bots: 0,
          reasons: { unknown_product: 3, invalid_type: 1 },
        },
      ],
      [key('snippet'), { accepted: 5, duplicates: 1, rejected: 0, bots: 0, reasons: {} }],
    ]);
  });

  it('flushes by itself after flushMs', async () => {
    vi.useFakeTimers();
    try {
      const write = vi.fn(async () => undefined);
      const b = new CounterBuffer({ flushMs: 250, write });
      b.add(exec, key(), delta(1));
      await vi.advanceTimersByTimeAsync(249);
      expect(write).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(write).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps counts whose write failed for the next flush', async () => {
    let fail = true;
    const writes: CounterDelta[] = [];
    const b = new CounterBuffer({
      flushMs: 60_000,
      write: async (_e, _k, d) => {
        if (fail) throw new Error('database away');
        writes.push(d);
      },
    });
    b.add(exec, key(), delta(4));
    await b.flush();
    expect(b.size).toBe(1);
    b.add(exec, key(), delta(1));
    fail = false;
    await b.flush();
    expect(writes).toEqual([{ accepted: 5, duplicates: 2, rejected: 0, bots: 0, reasons: {} }]);
  });
});
