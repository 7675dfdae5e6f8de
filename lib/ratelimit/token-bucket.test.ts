import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter, retryAfterSeconds } from './token-bucket';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refuses with the time until the next token', () => {
    const c = clock();
    const l = new TokenBucketLimiter({ ratePerSecond: 10, burst: 3, now: c.now });
    expect(l.take('k')).toEqual({ allowed: true, remaining: 2 });
    expect(l.take('k')).toEqual({ allowed: true, remaining: 1 });
    expect(l.take('k')).toEqual({ allowed: true, remaining: 0 });
    expect(l.take('k')).toEqual({ allowed: false, retryAfterMs: 100 });
    c.advance(50);
    expect(l.take('k')).toEqual({ allowed: false, retryAfterMs: 50 });
    c.advance(50);
    expect(l.take('k').allowed).toBe(true);
    expect(l.take('k').allowed).toBe(false);
  });

  it('refills at the sustained rate up to the burst, never beyond', () => {
    const c = clock();
    const l = new TokenBucketLimiter({ ratePerSecond: 2, burst: 4, now: c.now });
    for (let i = 0; i < 4; i++) expect(l.take('k').allowed).toBe(true);
    c.advance(60_000); // a long pause refills to the burst only
    let passed = 0;
    while (l.take('k').allowed) passed++;
    expect(passed).toBe(4);
  });

  it('keeps keys apart', () => {
    const c = clock();
    const l = new TokenBucketLimiter({ ratePerSecond: 1, burst: 1, now: c.now });
    expect(l.take('a').allowed).toBe(true);
    expect(l.take('a').allowed).toBe(false);
    expect(l.take('b').allowed).toBe(true);
  });

  it('charges a cost and refuses a cost above the burst outright', () => {
    const c = clock();
    const l = new TokenBucketLimiter({ ratePerSecond: 10, burst: 10, now: c.now });
    expect(l.take('k', 7)).toEqual({ allowed: true, remaining: 3 });
    expect(l.take('k', 5)).toEqual({ allowed: false, retryAfterMs: 200 });
    expect(l.take('k', 11)).toEqual({ allowed: false, retryAfterMs: Number.POSITIVE_INFINITY });
  });

  it('forgets idle buckets when it tracks too many keys', () => {
    const c = clock();
    const l = new TokenBucketLimiter({ ratePerSecond: 1, burst: 2, now: c.now, maxKeys: 3 });
    l.take('a');
    l.take('b');
    l.take('c');
    c.advance(5_000); // all three refilled
    l.take('d');
    expect(l.size).toBe(1);
  });

  it('rejects nonsense configuration', () => {
    expect(() => new TokenBucketLimiter({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
    expect(() => new TokenBucketLimiter({ ratePerSecond: 1, burst: 0 })).toThrow(RangeError);
  });
});

describe('retryAfterSeconds', () => {
  it('rounds up to whole seconds, at least 1', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1000)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(Number.POSITIVE_INFINITY)).toBe(60);
  });
});
