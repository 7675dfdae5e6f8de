/**
 * In-memory token buckets, one per key (an API key id, an IP). One process only: a scaled-out
 * deployment multiplies the allowance by its instance count, which is fine for abuse protection
 * (the goal) and wrong for billing (not the goal).
 */
export interface TokenBucketOptions {
  /** Tokens added per second (the sustained rate), > 0. */
  ratePerSecond: number;
  /** Bucket size: how many tokens may be spent at once after a quiet period (≥ 1). */
  burst: number;
  /** Clock in milliseconds (tests inject one). */
  now?: () => number;
  /** Above this many tracked keys, full (idle) buckets are dropped. Default 100,000. */
  maxKeys?: number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucketLimiter {
  readonly ratePerSecond: number;
  readonly burst: number;
  private readonly now: () => number;
  private readonly maxKeys: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(opts: TokenBucketOptions) {
    if (!(opts.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be > 0');
    if (!(opts.burst >= 1)) throw new RangeError('burst must be ≥ 1');
    this.ratePerSecond = opts.ratePerSecond;
    this.burst = opts.burst;
    this.now = opts.now ?? Date.now;
    this.maxKeys = opts.maxKeys ?? 100_000;
  }

  /**
   * Spends `cost` tokens of `key`'s bucket. When there are not enough, nothing is spent and
   * `retryAfterMs` says when there will be (a cost above the burst can never pass: Infinity).
   */
  take(key: string, cost = 1): TakeResult {
    const now = this.now();
    const bucket = this.refill(key, now);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    if (cost > this.burst) return { allowed: false, retryAfterMs: Number.POSITIVE_INFINITY };
    return { allowed: false, retryAfterMs: Math.ceil(((cost - bucket.tokens) / this.ratePerSecond) * 1000) };
  }

  /** Number of keys currently tracked (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.burst, bucket.tokens + (elapsed / 1000) * this.ratePerSecond);
    bucket.at = now;
    return bucket;
  }

  /** Drops buckets that have refilled completely: forgetting them changes nothing. */
  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.ratePerSecond >= this.burst) this.buckets.delete(key);
    }
    // Still full of busy keys (an attack with many keys): start over rather than grow forever.
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

/** Seconds for a `Retry-After` header: whole seconds, at least 1. */
export function retryAfterSeconds(ms: number): number {
  if (!Number.isFinite(ms)) return 60;
  return Math.max(1, Math.ceil(ms / 1000));
}
