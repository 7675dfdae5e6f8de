import { describe, expect, it } from 'vitest';
import type { WireEvent } from './events';
import { backoffMs, capQueue, createQueue, outcomeOf } from './queue';

const ev = (i: number): WireEvent => ({
  eventId: `e${i}`,
  type: 'page_view',
  timestamp: '2026-03-01T12:00:00.000Z',
  consent: { analytics: false },
  context: {},
});

/** A queue over an in-memory "sessionStorage" and a scripted transport. */
function harness(statuses: (number | null)[], beaconOk = true) {
  let stored: WireEvent[] = [];
  let clock = 0;
  const sent: string[][] = [];
  const beacons: string[][] = [];
  const warnings: string[] = [];
  const q = createQueue({
    load: () => stored,
    save: (items) => {
      stored = items;
    },
    send: async (batch) => {
      sent.push(batch.map((e) => e.eventId));
      return statuses.length ? (statuses.shift() as number | null) : 202;
    },
    beacon: (batch) => {
      beacons.push(batch.map((e) => e.eventId));
      return beaconOk;
    },
    now: () => clock,
    warn: (m) => warnings.push(m),
  });
  return {
    q,
    sent,
    beacons,
    warnings,
    stored: () => stored.map((e) => e.eventId),
    tick: (ms: number) => {
      clock += ms;
    },
  };
}

describe('backoff and outcomes', () => {
  it('doubles from 1 s up to 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffMs)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('retries network errors, 429 and 5xx, drops other 4xx, and is done on 2xx', () => {
    expect([null, 429, 500, 503].map(outcomeOf)).toEqual(['retry', 'retry', 'retry', 'retry']);
    expect([400, 401, 403, 413].map(outcomeOf)).toEqual(['drop', 'drop', 'drop', 'drop']);
    expect(outcomeOf(202)).toBe('sent');
  });

  it('keeps the newest events when over the cap', () => {
    const items = Array.from({ length: 205 }, (_, i) => ev(i));
    const kept = capQueue(items, 200);
    expect(kept).toHaveLength(200);
    expect(kept[0]?.eventId).toBe('e5');
  });
});

describe('createQueue', () => {
  it('keeps a batch after a failed request and resends the same event ids after the backoff', async () => {
    const h = harness([null, 503]);
    h.q.push([ev(1), ev(2)]);
    await h.q.flush();
    expect(h.stored()).toEqual(['e1', 'e2']);
    await h.q.flush(); // still within the 1 s backoff: nothing sent
    expect(h.sent).toHaveLength(1);
    h.tick(1000);
    await h.q.flush(); // 503: backoff grows to 2 s
    h.tick(1999);
    await h.q.flush();
    expect(h.sent).toHaveLength(2);
    h.tick(1);
    await h.q.flush();
    expect(h.sent).toEqual([
      ['e1', 'e2'],
      ['e1', 'e2'],
      ['e1', 'e2'],
    ]);
    expect(h.stored()).toEqual([]);
  });

  it('sends at most 20 events per request, oldest first', async () => {
    const h = harness([]);
    h.q.push(Array.from({ length: 25 }, (_, i) => ev(i)));
    await h.q.flush();
    expect(h.sent[0]).toHaveLength(20);
    expect(h.stored()).toEqual(['e20', 'e21', 'e22', 'e23', 'e24']);
  });

  it('drops a refused batch and warns once', async () => {
    const h = harness([403, 400]);
    h.q.push([ev(1)]);
    await h.q.flush();
    h.q.push([ev(2)]);
    await h.q.flush();
    expect(h.stored()).toEqual([]);
    expect(h.warnings).toHaveLength(1);
  });

  it('hands everything to sendBeacon on page hide and keeps what the browser refuses', () => {
    const ok = harness([]);
    ok.q.push(Array.from({ length: 30 }, (_, i) => ev(i)));
    ok.q.beaconAll();
    expect(ok.beacons.map((b) => b.length)).toEqual([20, 10]);
    expect(ok.stored()).toEqual([]);
    const refused = harness([], false);
    refused.q.push([ev(1)]);
    refused.q.beaconAll();
    expect(refused.stored()).toEqual(['e1']);
  });
});
