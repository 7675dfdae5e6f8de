/**
 * Rate limits behind one asynchronous interface, so a route does not care where buckets live:
 * in this process's memory (the default: one server, or abuse protection per instance), or in
 * Postgres, shared by every instance of a scaled-out deployment (`TAILOR_RATE_LIMIT_STORE=postgres`).
 */
import { sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '@/db/client';
import { type TakeResult, TokenBucketLimiter } from './token-bucket';

export interface RateLimitStore {
  /** Spends `cost` tokens of `key`'s bucket; see TokenBucketLimiter.take for the result. */
  take(key: string, cost?: number): Promise<TakeResult>;
}

export interface BucketRule {
  /** Tokens added per second, > 0. */
  ratePerSecond: number;
  /** Largest spend after a quiet period, ≥ 1. */
  burst: number;
}

/** The in-process store: a TokenBucketLimiter behind the async interface. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly limiter: TokenBucketLimiter;
  constructor(rule: BucketRule & { now?: () => number }) {
    this.limiter = new TokenBucketLimiter(rule);
  }
  async take(key: string, cost = 1): Promise<TakeResult> {
    return this.limiter.take(key, cost);
  }
}

/**
 * Buckets in a Postgres table (created on first use; unlogged: losing buckets in a crash only
 * forgives some requests). One atomic upsert per take, timed by the database's clock, so every
 * instance spends from the same bucket. `name` keeps the buckets of different limits apart.
 */
export class PostgresRateLimitStore implements RateLimitStore {
  private ready: Promise<void> | undefined;
  constructor(
    private readonly exec: () => Promise<Executor>,
    private readonly name: string,
    private readonly rule: BucketRule,
  ) {
    if (!(rule.ratePerSecond > 0)) throw new RangeError('ratePerSecond must be > 0');
    if (!(rule.burst >= 1)) throw new RangeError('burst must be ≥ 1');
  }

  async take(key: string, cost = 1): Promise<TakeResult> {
    const db = await this.exec();
    this.ready ??= ensureTable(db).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    await this.ready;
    const { ratePerSecond: rate, burst } = this.rule;
    const id = `${this.name}:${key}`;
    // Both SET expressions read the old row, so `allowed` and `tokens` agree.
    const refilled = sql`least(${burst}::float8, b.tokens + extract(epoch from (now() - b.at)) * ${rate}::float8)`;
    const result = await db.execute(sql`
      insert into tailor_rate_limits as b (id, tokens, at, allowed)
      values (${id}, greatest(0, ${burst}::float8 - ${cost}::float8), now(), ${cost}::float8 <= ${burst}::float8)
      on conflict (id) do update set
        allowed = ${refilled} >= ${cost}::float8,
        tokens = case when ${refilled} >= ${cost}::float8 then ${refilled} - ${cost}::float8 else ${refilled} end,
        at = now()
      returning allowed, tokens`);
    const row = rowsOf<{ allowed: boolean; tokens: number | string }>(result)[0];
    const tokens = Number(row?.tokens ?? 0);
    if (row?.allowed) return { allowed: true, remaining: Math.floor(tokens) };
    if (cost > burst) return { allowed: false, retryAfterMs: Number.POSITIVE_INFINITY };
    return { allowed: false, retryAfterMs: Math.ceil(((cost - tokens) / rate) * 1000) };
  }
}

async function ensureTable(db: Executor): Promise<void> {
  await db.execute(sql`
    create unlogged table if not exists tailor_rate_limits (
      id text primary key,
      tokens float8 not null,
      at timestamptz not null,
      allowed boolean not null
    )`);
}
