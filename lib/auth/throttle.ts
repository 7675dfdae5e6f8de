/**
 * Sign-in, sign-up and invitation throttling: attempts counted in a sliding window per account and per IP, in memory
 * (one process; a scaled-out deployment would back this with a shared store).
 */
export interface ThrottleRule {
  max: number;
  windowMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { max: 5, windowMs: 15 * 60_000 };
export const IP_RULE: ThrottleRule = { max: 20, windowMs: 15 * 60_000 };
/** Sign-up attempts (all of them, not just failures) per IP: room for a team, not for a bot. */
export const SIGNUP_IP_RULE: ThrottleRule = { max: 100, windowMs: 60 * 60_000 };
/** Failed invitation acceptances (bad, used or someone else's token), per IP and per user. */
export const INVITE_RULE: ThrottleRule = { max: 10, windowMs: 15 * 60_000 };

export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  blockedFor(key: string, rule: ThrottleRule): number {
    const times = this.recent(key, rule);
    if (times.length < rule.max) return 0;
    return Math.max(0, (times[0] ?? 0) + rule.windowMs - this.now());
  }

  recordFailure(key: string, rule: ThrottleRule): void {
    const times = this.recent(key, rule);
    times.push(this.now());
    this.failures.set(key, times);
    if (this.failures.size > 50_000) this.prune(rule);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, rule: ThrottleRule): number[] {
    const cutoff = this.now() - rule.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
  }

  private prune(rule: ThrottleRule): void {
    for (const key of this.failures.keys())
      if (this.recent(key, rule).length === 0) this.failures.delete(key);
  }
}

const g = globalThis as unknown as { __tailorThrottle?: FailureThrottle };
/** The process-wide throttle shared by every sign-in, sign-up and invitation path (keys are prefixed). */
g.__tailorThrottle ??= new FailureThrottle();
export const signInThrottle: FailureThrottle = g.__tailorThrottle;
