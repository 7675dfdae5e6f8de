/**
 * The process-wide limiter of the secret-key REST API: one bucket per key. Memory by default;
 * `TAILOR_RATE_LIMIT_STORE=postgres` shares the buckets through the database when several
 * instances serve the API (lib/ratelimit/store.ts).
 */
import { getDb } from '@/db/client';
import { getEnv } from '@/lib/env';
import { type BucketRule, MemoryRateLimitStore, PostgresRateLimitStore, type RateLimitStore } from './store';

/** Per secret key: 20 requests/s sustained, bursts of 100 (a full sync paging the catalog fits). */
export const API_KEY_RULE: BucketRule = { ratePerSecond: 20, burst: 100 };

const g = globalThis as unknown as { __tailorApiLimiter?: RateLimitStore };

/** The limiter chosen by configuration, created once per process. */
export function apiKeyLimiter(): RateLimitStore {
  if (!g.__tailorApiLimiter) {
    g.__tailorApiLimiter =
      getEnv().TAILOR_RATE_LIMIT_STORE === 'postgres'
        ? new PostgresRateLimitStore(getDb, 'api', API_KEY_RULE)
        : new MemoryRateLimitStore(API_KEY_RULE);
  }
  return g.__tailorApiLimiter;
}

/** Tests: install a limiter (or undefined to go back to the configured one). */
export function setApiKeyLimiter(limiter: RateLimitStore | undefined): void {
  g.__tailorApiLimiter = limiter;
}
