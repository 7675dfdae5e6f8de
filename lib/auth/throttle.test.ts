import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './throttle';

describe('FailureThrottle', () => {
  it('blocks after max failures within the window and frees the key after it', () => {
    let now = 1_000_000;
    const t = new FailureThrottle(() => now);
    const rule = { max: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i++) {
      expect(t.blockedFor('a', rule)).toBe(0);
      t.recordFailure('a', rule);
      now += 1000;
    }
    expect(t.blockedFor('a', rule)).toBe(60_000 - 3000);
    expect(t.blockedFor('b', rule)).toBe(0);
    now += 60_000;
    expect(t.blockedFor('a', rule)).toBe(0);
  });

  it('clear() forgets a key', () => {
    const t = new FailureThrottle(() => 5);
    const rule = { max: 1, windowMs: 10 };
    t.recordFailure('x', rule);
    expect(t.blockedFor('x', rule)).toBeGreaterThan(0);
    t.clear('x');
    expect(t.blockedFor('x', rule)).toBe(0);
  });
});
